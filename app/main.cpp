// Inkling's GUI entry point: command line, translations, and the main window.
#include "app/screenshot.h"
#include "engine/cpu_threads.h"
#include "ui/editor.h"
#include "ui/engine_thread.h"
#include "ui/main_window.h"
#include "ui/suggestion_controller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

Q_LOGGING_CATEGORY(lcApp, "inkling.app", QtInfoMsg)

// A missing translation is normal (English needs none), so it is only logged.
void installTranslator(QCoreApplication &app, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        qCDebug(lcApp) << "loaded translation" << translator->filePath();
    } else {
        qCDebug(lcApp) << "no" << name << "translation for" << QLocale().name() << "in"
                       << directory;
        delete translator;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    inkling::ensurePassiveOpenMpWaiting(argv); // may re-execute: before anything else
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("inkling"));
    QApplication::setApplicationDisplayName(QStringLiteral("Inkling"));
    QApplication::setOrganizationName(QStringLiteral("Inkling"));
    QApplication::setApplicationVersion(QStringLiteral(INKLING_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/inkling.svg")));

    // Before the command line is parsed, so --help is translated too. Qt's own
    // catalogue covers standard buttons and QCommandLineParser's options.
    installTranslator(app, QStringLiteral("qtbase"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    installTranslator(app, QStringLiteral("inkling"), QStringLiteral(":/i18n"));

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
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "The file to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    const bool screenshot = parser.isSet(screenshotOption);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::fprintf(
            stderr, "inkling: %s\n",
            qPrintable(QCoreApplication::translate("main", "Only one file can be opened.")));
        return 2;
    }

    inkling::MainWindow window;
    if (!files.isEmpty()) {
        if (screenshot) {
            // No one is there to dismiss a message box: fail on the command line instead.
            QString errorMessage;
            if (!window.loadFile(files.first(), &errorMessage)) {
                std::fprintf(stderr, "inkling: %s\n", qPrintable(errorMessage));
                return 1;
            }
        } else {
            window.openFile(files.first());
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
