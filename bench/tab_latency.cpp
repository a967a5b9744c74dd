#include "bench/tab_latency.h"

#include "service/engine_thread.h"
#include "ui/editor/ghost_text.h"
#include "ui/suggestions/suggestion_controller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QTextCursor>

#include <functional>
#include <stdexcept>

namespace inkling::bench {

namespace {

// Runs the event loop until done() or timeoutMs; whether done() became true.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

void idle(int ms)
{
    waitFor([] { return false; }, ms);
}

} // namespace

TabFigures replayAccepting(const QString &modelDir, Precision precision, int threads,
                           const QString &opening, CompletionMode mode, int accepts, bool ahead,
                           int readMs)
{
    TabFigures f;
    EngineThread engine;
    engine.setThreads(threads);
    engine.setPrecision(precision);
    QString error;
    QObject::connect(&engine, &EngineThread::modelFailed, &engine,
                     [&](const QString &, const QString &message) { error = message; });
    engine.loadModel(modelDir);
    if (!waitFor([&] { return engine.isModelLoaded() || !error.isEmpty(); }, 600000) ||
        !error.isEmpty())
        throw std::runtime_error("cannot load " + modelDir.toStdString() + ": " +
                                 error.toStdString());
    f.precision = engine.modelInfo().precision;

    QPlainTextEdit editor;
    editor.resize(800, 600);
    editor.show();
    editor.setPlainText(opening);
    editor.moveCursor(QTextCursor::End);
    SuggestionController controller(&editor, &engine);
    SuggestionSettings settings; // the app's defaults
    settings.suggestAhead = ahead;
    controller.setSettings(settings);
    controller.setMode(mode);
    const int budgetMs = settings.timeBudgetMs + 2 * settings.debounceMs + 1000;
    // The ghost in the editor at the cursor (after Tab, the one it showed before is gone
    // only once the event loop has run: it sat where the accepted text now begins).
    const auto shown = [&] {
        const GhostText *g = controller.ghost();
        return g->isVisible() && g->position() == editor.textCursor().position();
    };
    // Shown and complete: the writer reads a whole suggestion before taking it.
    const auto settled = [&] {
        return shown() && !controller.isBusy();
    };

    controller.requestNow();
    waitFor(settled, budgetMs);
    for (int i = 0; i < accepts; ++i) {
        if (!shown()) {
            controller.requestNow();
            if (!waitFor(settled, budgetMs))
                continue;
        }
        idle(readMs);
        waitFor(settled, budgetMs);
        QElapsedTimer tab;
        tab.start();
        controller.acceptAll();
        ++f.accepts;
        // Shown, or nothing more to come: none known, no debounce running, nothing being
        // generated (the next one was below the confidence gate).
        waitFor([&] { return shown() || (!controller.hasSuggestion() && !controller.isPending()); },
                budgetMs);
        if (shown())
            f.nextMs.push_back(double(tab.nsecsElapsed()) / 1e6);
        else
            ++f.without;
        waitFor([&] { return !controller.isBusy(); }, budgetMs);
    }
    return f;
}

} // namespace inkling::bench
