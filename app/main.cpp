// Inkling's GUI entry point: command line, translations, and the main window.
#include "app/screenshot.h"
#include "engine/kernels/cpu_threads.h"
#include "service/engine_thread.h"
#include "ui/editor/editor.h"
#include "ui/settings/interface_language.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QSettings>
#include <QTimer>

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
    const QCommandLineOption dumpTextOption(
        QStringLiteral("dump-text"),
        QCoreApplication::translate("main", "Write the text of the document as UTF-8 to <file> "
                                            "once the window is shown, and quit."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(dumpTextOption);
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QCoreApplication::translate("main", "The files to open, each in a tab."),
        QStringLiteral("[files...]"));
    parser.process(app);

    // One-shot runs: take a picture or the text, then quit.
    const bool oneShot = parser.isSet(screenshotOption) || parser.isSet(dumpTextOption);
    const QStringList files = parser.positionalArguments();

    inkling::MainWindow window;
    for (const QString &file : files) {
        if (oneShot) {
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
    if (!oneShot)
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });

    bool suggestionShown = false;
    if (parser.isSet(suggestOption)) {
        auto *controller = window.suggestions();
        QObject::connect(window.engine(), &inkling::EngineThread::modelLoaded, controller,
                         [&window] {
                             window.editor()->moveCursor(QTextCursor::End);
                             window.suggestions()->requestNow();
                         });
        // A one-shot run asked for a suggestion: one that never shows is a failure, not
        // a picture of something else.
        const auto noSuggestion = [oneShot](const QString &why) {
            if (!oneShot)
                return;
            std::fprintf(
                stderr, "inkling: %s\n",
                qPrintable(QCoreApplication::translate("main", "No suggestion: %1").arg(why)));
            QCoreApplication::exit(1);
        };
        QObject::connect(controller, &inkling::SuggestionController::finished, &window,
                         [&suggestionShown, controller, noSuggestion] {
                             if (controller->hasSuggestion())
                                 suggestionShown = true;
                             else
                                 noSuggestion(QCoreApplication::translate(
                                     "main", "the model suggested nothing."));
                         });
        QObject::connect(controller, &inkling::SuggestionController::failed, &window, noSuggestion);
        QObject::connect(controller, &inkling::SuggestionController::suppressed, &window,
                         [noSuggestion](double confidence) {
                             noSuggestion(QCoreApplication::translate(
                                              "main", "withheld at a confidence of %1 %.")
                                              .arg(qRound(confidence * 100)));
                         });
    }
    if (oneShot) {
        inkling::CaptureRequest request;
        request.screenshotPath = parser.value(screenshotOption);
        request.textPath = parser.value(dumpTextOption);
        request.text = [&window] {
            return window.editor()->toPlainText();
        };
        if (parser.isSet(suggestOption)) {
            request.ready = [&suggestionShown] {
                return suggestionShown;
            };
            request.notReadyMessage =
                QCoreApplication::translate("main", "No suggestion arrived in time.");
        }
        inkling::captureWhenShown(&window, request);
    }
    return QApplication::exec();
}
