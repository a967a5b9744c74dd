// Inkling's GUI entry point: command line, translations, and the main window.
#include "app/screenshot.h"
#include "engine/cpu_threads.h"
#include "ui/editor.h"
#include "ui/engine_thread.h"
#include "ui/main_window.h"
#include "ui/suggestion_controller.h"
#include "ui/interface_language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QTimer>
#include <QSettings>

#include <cstdio>

int main(int argc, char *argv[])
{
    inkling::ensurePassiveOpenMpWaiting(argv); // may re-execute: before anything else
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("inkling"));
    QApplication::setApplicationDisplayName(QStringLiteral("Inkling"));
    QApplication::setOrganizationName(QStringLiteral("Inkling"));
    QApplication::setApplicationVersion(QStringLiteral(INKLING_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/inkling.svg")));

    // Before the command line is parsed, so --help is translated too. The language is
    // the system's unless the user chose another in the settings.
    inkling::installTranslators(app, inkling::uiLocale(inkling::loadUiLanguage(QSettings())));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A text editor with local GPT-2 writing suggestions."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
                                    "Save an image of the window as PNG to <png> and quit."),
        QCoreApplication::translate("main", "png"));
    parser.addOption(screenshotOption);
    const QCommandLineOption suggestOption(
        QStringLiteral("suggest"),
        QCoreApplication::translate("main", "Ask for a suggestion at the end of the document as "
                                            "soon as the model is loaded (with --screenshot: "
                                            "capture it once it has finished)."));
    parser.addOption(suggestOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "The files to open, each in a tab."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    const bool screenshot = parser.isSet(screenshotOption);
    const QStringList files = parser.positionalArguments();

    inkling::MainWindow window;
    for (const QString &file : files) {
        if (screenshot) {
            // No one is there to dismiss a message box: fail on the command line instead.
            QString errorMessage;
            if (!window.loadFile(file, &errorMessage)) {
                std::fprintf(stderr, "inkling: %s\n", qPrintable(errorMessage));
                return 1;
            }
        } else {
            window.openFile(file);
        }
    }
    window.show();
    // Unsaved work a crash left behind, unless this run only takes a picture.
    if (!screenshot)
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });

    bool suggestionDone = false;
    if (parser.isSet(suggestOption)) {
        auto *controller = window.suggestions();
        QObject::connect(window.engine(), &inkling::EngineThread::modelLoaded, controller, [&window] {
            window.editor()->moveCursor(QTextCursor::End);
            window.suggestions()->requestNow();
        });
        QObject::connect(controller, &inkling::SuggestionController::finished, &window,
                         [&suggestionDone] { suggestionDone = true; });
        QObject::connect(controller, &inkling::SuggestionController::failed, &window,
                         [&suggestionDone] { suggestionDone = true; });
    }
    if (screenshot) {
        std::function<bool()> ready;
        if (parser.isSet(suggestOption))
            ready = [&suggestionDone] { return suggestionDone; };
        inkling::captureWhenShown(&window, parser.value(screenshotOption), ready);
    }
    return QApplication::exec();
}
