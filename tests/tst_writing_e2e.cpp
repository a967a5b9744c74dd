// The writing commands end to end with the embedded model behind the real main
// window and engine thread. The model is small, so the tests check properties (the
// stop rules, streaming, Insert, Cancel, sharing the engine with suggestions) and, for
// greedy question answering, equality with the generator run directly on the prompt.
#include "engine/generation/generator.h"
#include "engine/model/language_model.h"
#include "service/engine_thread.h"
#include "ui/editor/editor.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/window/main_window.h"
#include "ui/writing/writing_commands.h"
#include "ui/writing/writing_panel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace inkling;

namespace {

const QString kArticle = QStringLiteral(
    "The old lighthouse on the northern cape was built in 1871. For a century its keeper "
    "lived alone on the rock, writing the weather into a book every evening. In 1972 the "
    "light was automated and the keeper moved to the village. Today the tower is a museum, "
    "and visitors climb its steps to look at the sea.");

SuggestionSettings quietSettings()
{
    SuggestionSettings s;
    s.autoSuggest = false; // only the tests ask for suggestions
    s.sampling.greedy = true;
    s.sampling.repetitionPenalty = 1.0f;
    s.timeBudgetMs = 60000; // sanitizer builds are slow; never cut short here
    s.threads = 1;
    return s;
}

bool start(MainWindow &window)
{
    QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
    window.applySettings(quietSettings());
    window.show();
    return window.engine()->isModelLoaded() || loaded.wait(120000);
}

void setText(Editor *editor, const QString &text, bool selectAll)
{
    editor->setPlainText(text);
    QTextCursor c = editor->textCursor();
    c.movePosition(QTextCursor::End);
    if (selectAll)
        c.movePosition(QTextCursor::Start, QTextCursor::KeepAnchor);
    editor->setTextCursor(c);
}

// All streamed pieces of request id, in order.
QString streamed(const QSignalSpy &partials, quint64 id)
{
    QString text;
    for (const auto &args : partials) {
        if (args[0].toULongLong() == id)
            text += args[1].toString();
    }
    return text;
}

// Index in a spy on CompletionSource::finished of request id's answer, -1 if none.
int finishedIndex(const QSignalSpy &finished, quint64 id)
{
    for (int i = 0; i < finished.size(); ++i) {
        if (finished[i][0].toULongLong() == id)
            return i;
    }
    return -1;
}

// Sentence ends followed by whitespace, counted independently of the stop rule.
int innerSentenceEnds(const QString &text)
{
    static const QRegularExpression end(
        QStringLiteral("[.!?\u2026][.!?\u2026\"')\\]\u201d\u2019\u00bb]*\\s"));
    return int(text.count(end));
}

} // namespace

class TestWritingE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void continueParagraphStreamsAndInsertsAsOneUndoStep()
    {
        MainWindow window;
        QVERIFY(start(window));
        WritingCommands *commands = window.writingCommands();
        WritingPanel *panel = commands->panel();
        const QString prompt = QStringLiteral("The old man looked out of the window and");
        setText(window.editor(), prompt, false);
        QSignalSpy partials(window.engine(), &CompletionSource::partial);
        QSignalSpy finished(window.engine(), &CompletionSource::finished);
        QSignalSpy done(commands, &WritingCommands::finished);

        commands->continueAction()->trigger();
        QVERIFY(commands->isRunning());
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->title(), WritingCommands::tr("Continue Paragraph"));
        QVERIFY(done.wait(120000));
        QCOMPARE(finished.size(), 1);
        const quint64 id = finished[0][0].toULongLong();
        const QString text = panel->text();
        QVERIFY(!text.trimmed().isEmpty());
        QCOMPARE(text, streamed(partials, id));    // the panel shows what streamed …
        QCOMPARE(text, finished[0][1].toString()); // … which is the whole result
        // Paragraph mode: no blank line inside the continuation.
        QVERIFY2(!text.trimmed().contains(QRegularExpression(QStringLiteral("\\n[ \\t]*\\n"))),
                 qPrintable(text));

        QVERIFY(panel->insertButton()->isEnabled());
        panel->insertButton()->click();
        QCOMPARE(window.editor()->toPlainText(), prompt + text);
        window.editor()->undo();
        QCOMPARE(window.editor()->toPlainText(), prompt);
        window.editor()->redo();
        QCOMPARE(window.editor()->toPlainText(), prompt + text);
    }

    void summaryIsAtMostThreeSentences()
    {
        MainWindow window;
        QVERIFY(start(window));
        WritingCommands *commands = window.writingCommands();
        WritingPanel *panel = commands->panel();
        setText(window.editor(), kArticle, true);
        QVERIFY(commands->summarizeAction()->isEnabled());
        QSignalSpy done(commands, &WritingCommands::finished);
        commands->summarizeAction()->trigger();
        QCOMPARE(QString::fromStdString(commands->lastPrompt().prompt), kArticle + "\nTL;DR:");
        QVERIFY(done.wait(120000));
        const auto stats = done[0][0].value<CompletionStats>();
        const QString text = panel->text();
        QVERIFY(!text.trimmed().isEmpty());
        QVERIFY2(stats.tokens <= 100, qPrintable(QString::number(stats.tokens)));
        // At most three sentences: two ends inside, the third (if reached) ends the text.
        QVERIFY2(innerSentenceEnds(text.trimmed()) <= 2, qPrintable(text));
        QVERIFY2(!text.trimmed().contains('\n'), qPrintable(text)); // a line break ends it too

        panel->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), text.trimmed());
        panel->insertButton()->click(); // after the selection: here the end of the text
        QCOMPARE(window.editor()->toPlainText(), kArticle + text);
        window.editor()->undo();
        QCOMPARE(window.editor()->toPlainText(), kArticle);
    }

    // Greedy question answering equals the generator run directly on the same prompt
    // in a fresh session (no KV cache shared with the service), cut at the end of the
    // answer's line by hand.
    void answerEqualsTheGeneratorsGreedyAnswer()
    {
        MainWindow window;
        QVERIFY(start(window));
        WritingCommands *commands = window.writingCommands();
        const QString doc =
            QStringLiteral("Paris is the capital of France. Berlin is the capital of Germany.");
        const QString question = QStringLiteral("What is the capital of France?");
        setText(window.editor(), doc, true);
        QSignalSpy done(commands, &WritingCommands::finished);
        QVERIFY(commands->ask(question));
        const std::string prompt = commands->lastPrompt().prompt;
        QCOMPARE(QString::fromStdString(prompt), doc + "\n\nQ: " + question + "\nA:");
        QVERIFY(done.wait(120000));
        const QString answer = commands->panel()->text();

        const auto model = LanguageModel::load(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");
        Gpt2Session session(model->model());
        GenerationRequest g;
        g.prompt = prompt;
        g.mode = CompletionMode::Raw;
        g.sampling.greedy = true;
        g.sampling.repetitionPenalty = 1.0f;
        g.maxTokens = writing::kAnswerTokens;
        QString expected = QString::fromStdString(generate(session, model->tokenizer(), g).text);
        const qsizetype content = expected.indexOf(QRegularExpression(QStringLiteral("\\S")));
        const qsizetype lineEnd = content < 0 ? -1 : expected.indexOf('\n', content);
        if (lineEnd >= 0)
            expected.truncate(lineEnd);
        else
            expected =
                expected.left(expected.lastIndexOf(QRegularExpression(QStringLiteral("\\S"))) + 1);
        QCOMPARE(answer, expected);
        QVERIFY(!answer.trimmed().isEmpty());
        QVERIFY(!answer.trimmed().contains('\n'));

        // A follow-up question carries the first answer as conversation history.
        QVERIFY(commands->ask(question));
        QCOMPARE(QString::fromStdString(commands->lastPrompt().prompt),
                 doc + "\n\nQ: " + question + "\nA: " + answer.trimmed() + "\nQ: " + question +
                     "\nA:");
        QVERIFY(done.wait(120000));
    }

    void cancelStopsTheCommand()
    {
        MainWindow window;
        QVERIFY(start(window));
        WritingCommands *commands = window.writingCommands();
        WritingPanel *panel = commands->panel();
        setText(window.editor(), kArticle + "\n\nYears later, the keeper's daughter", false);
        QSignalSpy partials(window.engine(), &CompletionSource::partial);
        QSignalSpy finished(window.engine(), &CompletionSource::finished);
        commands->continueAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!partials.isEmpty(), 120000);
        const quint64 id = partials[0][0].toULongLong();
        QVERIFY2(commands->isRunning(), "the command ended before the test could cancel it");

        panel->cancelButton()->click();
        QVERIFY(!commands->isRunning());
        QCOMPARE(panel->statusText(), WritingPanel::tr("Cancelled."));
        const QString shown = panel->text();

        // A suggestion asked for now is answered after everything the command sent:
        // the engine thread handles one request at a time, in order. (Pieces the engine
        // sent before the cancel may still be on their way; the panel drops them.)
        QSignalSpy suggested(window.suggestions(), &SuggestionController::finished);
        QVERIFY(window.suggestions()->requestNow());
        QVERIFY(suggested.wait(120000));
        QCOMPARE(finishedIndex(finished, id), -1); // a cancelled command never finishes
        QCOMPARE(panel->text(), shown);            // the panel took nothing after Cancel
        QVERIFY(panel->insertButton()->isEnabled() == !shown.trimmed().isEmpty());
    }

    // Below the window: the service itself stops a cancelled command within one token
    // (counted in the engine thread, where the pieces are emitted) and never finishes it.
    void serviceStopsACancelledCommandWithinOneToken()
    {
        QThread thread;
        auto *service = new CompletionService;
        service->moveToThread(&thread);
        connect(&thread, &QThread::finished, service, &QObject::deleteLater);
        thread.start();
        const auto stop = qScopeGuard([&] { // also when a check fails
            service->cancelCommand();
            service->supersede(0);
            thread.quit();
            thread.wait();
        });
        CompletionRequest command;
        command.id = newRequestId();
        std::atomic<bool> cancelled{false};
        std::atomic<int> before{0}, after{0};
        connect(
            service, &CompletionService::partial, service,
            [&](quint64 id, const QString &) {
                if (id == command.id)
                    ++(cancelled ? after : before);
            },
            Qt::DirectConnection);
        QList<quint64> finishedIds;
        bool loaded = false;
        connect(service, &CompletionService::finished, this,
                [&](quint64 id, const QString &, const CompletionStats &) { finishedIds << id; });
        connect(service, &CompletionService::modelLoaded, this, [&] { loaded = true; });
        QMetaObject::invokeMethod(service, [service] {
            service->setThreads(1);
            service->loadModel(QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny"));
        });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, 120000);

        command.kind = RequestKind::Command;
        command.textBefore = kArticle;
        command.generation.mode = CompletionMode::Raw; // no stop rule: 400 tokens unless stopped
        command.generation.maxTokens = 400;
        command.generation.timeBudgetMs = 0;
        service->supersedeCommand(command.id);
        QMetaObject::invokeMethod(service, [service, command] { service->complete(command); });
        QTRY_VERIFY_WITH_TIMEOUT(before > 0, 120000);
        cancelled = true;
        service->cancelCommand();

        CompletionRequest suggestion;
        suggestion.id = newRequestId();
        suggestion.textBefore = QStringLiteral("The old man");
        suggestion.generation.maxTokens = 4;
        service->supersede(suggestion.id);
        QMetaObject::invokeMethod(service,
                                  [service, suggestion] { service->complete(suggestion); });
        QTRY_VERIFY_WITH_TIMEOUT(finishedIds.contains(suggestion.id), 120000);
        QVERIFY2(after <= 1, qPrintable(QString::number(after)));
        QVERIFY(!finishedIds.contains(command.id));
    }

    // A suggestion being generated when a command is asked for stops at its next token
    // and finishes ("preempted") with exactly what it streamed, before the command's
    // first piece.
    void serviceLetsARunningSuggestionYieldToACommand()
    {
        QThread thread;
        auto *service = new CompletionService;
        service->moveToThread(&thread);
        connect(&thread, &QThread::finished, service, &QObject::deleteLater);
        thread.start();
        const auto stop = qScopeGuard([&] {
            service->cancelCommand();
            service->supersede(0);
            thread.quit();
            thread.wait();
        });
        struct Event
        {
            quint64 id;
            QString text;
            QString stopReason; // empty for a piece
        };
        QList<Event> events;
        std::atomic<int> suggestionPieces{0};
        CompletionRequest suggestion;
        suggestion.id = newRequestId();
        connect(
            service, &CompletionService::partial, service,
            [&](quint64 id, const QString &) { suggestionPieces += id == suggestion.id; },
            Qt::DirectConnection);
        connect(service, &CompletionService::partial, this,
                [&](quint64 id, const QString &text) { events.append({id, text, QString()}); });
        connect(service, &CompletionService::finished, this,
                [&](quint64 id, const QString &text, const CompletionStats &stats) {
                    events.append({id, text, stats.stopReason});
                });
        bool loaded = false;
        connect(service, &CompletionService::modelLoaded, this, [&] { loaded = true; });
        QMetaObject::invokeMethod(service, [service] {
            service->setThreads(1);
            service->loadModel(QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny"));
        });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, 120000);

        suggestion.textBefore = kArticle;
        suggestion.generation.mode = CompletionMode::Raw; // 400 tokens unless stopped
        suggestion.generation.maxTokens = 400;
        suggestion.generation.timeBudgetMs = 0;
        service->supersede(suggestion.id);
        QMetaObject::invokeMethod(service,
                                  [service, suggestion] { service->complete(suggestion); });
        QTRY_VERIFY_WITH_TIMEOUT(suggestionPieces > 0, 120000);

        CompletionRequest command;
        command.id = newRequestId();
        command.kind = RequestKind::Command;
        command.textBefore = QStringLiteral("The old man");
        command.generation.mode = CompletionMode::Raw;
        command.generation.maxTokens = 4;
        service->supersedeCommand(command.id);
        QMetaObject::invokeMethod(service, [service, command] { service->complete(command); });
        const auto finishedAt = [&](quint64 id) {
            for (int i = 0; i < events.size(); ++i) {
                if (events[i].id == id && !events[i].stopReason.isEmpty())
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(finishedAt(command.id) >= 0, 120000);
        const int yielded = finishedAt(suggestion.id);
        QVERIFY(yielded >= 0);
        QCOMPARE(events[yielded].stopReason, QStringLiteral("preempted"));
        QString streamedText;
        for (int i = 0; i < yielded; ++i) {
            QVERIFY(events[i].id == suggestion.id); // nothing of the command before it
            streamedText += events[i].text;
        }
        QCOMPARE(events[yielded].text, streamedText);
    }

    // The design: while a command runs, a suggestion request waits and is answered
    // after the command, which is not cancelled by it.
    void suggestionWaitsForTheCommand()
    {
        MainWindow window;
        QVERIFY(start(window));
        WritingCommands *commands = window.writingCommands();
        Editor *editor = window.editor();
        setText(editor, kArticle, true);
        QSignalSpy partials(window.engine(), &CompletionSource::partial);
        QSignalSpy finished(window.engine(), &CompletionSource::finished);
        QSignalSpy done(commands, &WritingCommands::finished);
        // Hold the engine, so that the suggestion is asked for while the command is
        // queued or running, however fast the engine is.
        QSemaphore hold;
        window.engine()->runInEngineThread([&hold] { hold.acquire(); });
        const auto releaseOnFailure = qScopeGuard([&hold] { hold.release(); });
        commands->summarizeAction()->trigger();
        QVERIFY(commands->isRunning());

        QTextCursor c = editor->textCursor();
        c.clearSelection();
        editor->setTextCursor(c);
        QSignalSpy suggested(window.suggestions(), &SuggestionController::finished);
        QVERIFY(window.suggestions()->requestNow());
        hold.release();
        QVERIFY(suggested.wait(120000));
        QVERIFY(!partials.isEmpty());
        const quint64 commandId = partials[0][0].toULongLong(); // the command streams first

        QCOMPARE(done.size(), 1); // the command finished, and did so first
        const int commandAt = finishedIndex(finished, commandId);
        QVERIFY(commandAt >= 0);
        QCOMPARE(finished.size(), commandAt + 2);
        const auto commandStats = finished[commandAt][2].value<CompletionStats>();
        QVERIFY(commandStats.stopReason != QLatin1String("cancelled"));
        QCOMPARE(commands->panel()->text(), finished[commandAt][1].toString());
        QCOMPARE(commands->panel()->text(), streamed(partials, commandId));
        const auto suggestionStats = finished[commandAt + 1][2].value<CompletionStats>();
        QVERIFY(suggestionStats.stopReason != QLatin1String("preempted"));
    }

    // The other way round: a suggestion running when a command starts yields to it,
    // and its controller still hears that it ended (it is never left waiting).
    void commandPreemptsARunningSuggestion()
    {
        MainWindow window;
        QVERIFY(start(window));
        WritingCommands *commands = window.writingCommands();
        setText(window.editor(), QStringLiteral("The old man looked out of the window and"), false);
        QSignalSpy suggested(window.suggestions(), &SuggestionController::finished);
        QSignalSpy done(commands, &WritingCommands::finished);
        QVERIFY(window.suggestions()->requestNow());
        commands->continueAction()->trigger();
        QVERIFY(done.wait(120000));
        QTRY_COMPARE_WITH_TIMEOUT(suggested.size(), 1, 120000);
        QVERIFY(!window.suggestions()->isBusy());
        QVERIFY(!commands->panel()->text().trimmed().isEmpty());
    }
};

QTEST_MAIN(TestWritingE2E)
#include "tst_writing_e2e.moc"
