// The writing commands against a scripted completion source: what each command asks
// the engine for, how replies reach the panel, Insert, Cancel and failures, decided
// by the test rather than by a model.
#include "service/completion_source.h"
#include "ui/writing/writing_commands.h"
#include "ui/writing/writing_panel.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace inkling;

namespace {

class ScriptedSource : public CompletionSource
{
public:
    void request(const CompletionRequest &r) override { requests.append(r); }
    void cancel() override { ++cancels; }
    void cancelCommand() override { ++commandCancels; }

    void answer(const QStringList &pieces, bool finish = true)
    {
        const quint64 id = requests.last().id;
        for (const QString &p : pieces)
            emit partial(id, p);
        if (finish)
            emit finished(id, pieces.join(QString()), CompletionStats{});
    }

    QList<CompletionRequest> requests;
    int cancels = 0;
    int commandCancels = 0;
};

struct Fixture
{
    QPlainTextEdit editor;
    ScriptedSource source;
    WritingPanel panel;
    WritingCommands commands{&editor, &source, &panel};

    explicit Fixture(const QString &text)
    {
        editor.setPlainText(text);
        commands.setContextLength(1024);
    }
    void select(int from, int to)
    {
        QTextCursor c = editor.textCursor();
        c.setPosition(from);
        c.setPosition(to, QTextCursor::KeepAnchor);
        editor.setTextCursor(c);
    }
    void moveTo(int position)
    {
        QTextCursor c = editor.textCursor();
        c.setPosition(position);
        editor.setTextCursor(c);
    }
};

} // namespace

class TestWritingCommands : public QObject
{
    Q_OBJECT

private slots:
    void continueSendsTheTextBeforeTheCursor()
    {
        Fixture f("One two three. Four");
        f.moveTo(14);
        QVERIFY(f.commands.continueParagraph());
        QCOMPARE(f.source.requests.size(), 1);
        const CompletionRequest &r = f.source.requests.last();
        QCOMPARE(r.kind, RequestKind::Command);
        QCOMPARE(r.textBefore, QStringLiteral("One two three."));
        QCOMPARE(r.generation.mode, CompletionMode::Paragraph);
        QCOMPARE(r.generation.maxTokens, writing::kContinueTokens);
        QVERIFY(r.generation.tokenHealing);
        QCOMPARE(r.generation.timeBudgetMs, 0);
        QVERIFY(f.commands.isRunning());
        QVERIFY(f.panel.isRunning());
        QVERIFY(f.panel.cancelButton()->isEnabled());
        QVERIFY(!f.panel.insertButton()->isEnabled());

        f.source.answer({" Five", " six."});
        QVERIFY(!f.commands.isRunning());
        QCOMPARE(f.panel.text(), QStringLiteral(" Five six."));
        QVERIFY(f.panel.insertButton()->isEnabled());
        f.panel.insertButton()->click();
        QCOMPARE(f.editor.toPlainText(), QStringLiteral("One two three. Five six. Four"));
        QCOMPARE(f.editor.textCursor().position(), 24);
        f.editor.undo();
        QCOMPARE(f.editor.toPlainText(), QStringLiteral("One two three. Four"));
    }

    void selectionCommandsNeedASelection()
    {
        Fixture f("Some text.");
        QVERIFY(!f.commands.summarizeAction()->isEnabled());
        QVERIFY(!f.commands.askAction()->isEnabled());
        QVERIFY(!f.commands.summarizeSelection());
        QVERIFY(!f.commands.ask("Why?"));
        f.select(0, 4);
        QVERIFY(f.commands.summarizeAction()->isEnabled());
        QVERIFY(f.commands.askAction()->isEnabled());
        f.select(4, 5); // only a space: nothing to summarise
        QVERIFY(!f.commands.summarizeSelection());
        QVERIFY(f.source.requests.isEmpty());
    }

    void summaryUsesTheTldrPromptAndInsertsAfterTheSelection()
    {
        Fixture f("Intro. The cat sat.\nThe dog ran. Outro.");
        f.select(7, 32); // "The cat sat.\nThe dog ran." (the block break comes as U+2029)
        QVERIFY(f.commands.summarizeSelection());
        const CompletionRequest &r = f.source.requests.last();
        QCOMPARE(r.textBefore, QStringLiteral("The cat sat.\nThe dog ran.\nTL;DR:"));
        QCOMPARE(r.generation.mode, CompletionMode::Sentence);
        QCOMPARE(r.generation.sentences, 3);
        QCOMPARE(r.generation.sampling.topK, 2);
        QVERIFY(!r.generation.sampling.greedy);
        QVERIFY(!r.generation.tokenHealing);
        // Typing before the selection while the summary is written moves where it goes.
        f.moveTo(0);
        f.editor.insertPlainText("X");
        f.source.answer({" Animals", " move."});
        QVERIFY(f.commands.insertResult());
        QCOMPARE(f.editor.toPlainText(),
                 QStringLiteral("XIntro. The cat sat.\nThe dog ran. Animals move. Outro."));
    }

    void askKeepsTheConversationForTheSameSelection()
    {
        Fixture f("Paris is in France.");
        f.select(0, 19);
        QVERIFY(f.commands.ask("  Where is Paris?\n"));
        QCOMPARE(f.source.requests.last().textBefore,
                 QStringLiteral("Paris is in France.\n\nQ: Where is Paris?\nA:"));
        QCOMPARE(f.source.requests.last().generation.mode, CompletionMode::Line);
        QVERIFY(f.source.requests.last().generation.sampling.greedy);
        QCOMPARE(f.panel.statusText(), WritingPanel::tr("Generating…"));
        f.source.answer({" In", " France"});
        QVERIFY(f.commands.ask("Which country?"));
        QCOMPARE(
            f.source.requests.last().textBefore,
            QStringLiteral(
                "Paris is in France.\n\nQ: Where is Paris?\nA: In France\nQ: Which country?\nA:"));
        f.source.answer({" France"});
        // Another selection starts another conversation.
        f.select(0, 5);
        QVERIFY(f.commands.ask("What?"));
        QCOMPARE(f.source.requests.last().textBefore, QStringLiteral("Paris\n\nQ: What?\nA:"));
    }

    void repliesOfOtherRequestsAreIgnored()
    {
        Fixture f("Text");
        f.moveTo(4);
        QVERIFY(f.commands.continueParagraph());
        const quint64 id = f.source.requests.last().id;
        emit f.source.partial(id + 1000, "elsewhere");
        emit f.source.finished(id + 1000, "elsewhere", CompletionStats{});
        QVERIFY(f.commands.isRunning());
        QCOMPARE(f.panel.text(), QString());
        // A new command replaces the running one, which is cancelled at the engine.
        QVERIFY(f.commands.continueParagraph());
        QCOMPARE(f.source.commandCancels, 1);
        QCOMPARE(f.source.cancels, 0); // suggestions are not touched
        QVERIFY(f.source.requests.last().id != id);
        emit f.source.partial(id, "old");
        QCOMPARE(f.panel.text(), QString());
    }

    void cancelKeepsTheTextSoFar()
    {
        Fixture f("Text");
        f.moveTo(4);
        QVERIFY(f.commands.continueParagraph());
        f.source.answer({" and more"}, false);
        QTest::keyClick(&f.panel, Qt::Key_Escape);
        QCOMPARE(f.source.commandCancels, 1);
        QVERIFY(!f.commands.isRunning());
        QCOMPARE(f.panel.statusText(), WritingPanel::tr("Cancelled."));
        emit f.source.partial(f.source.requests.last().id, " late");
        QCOMPARE(f.panel.text(), QStringLiteral(" and more"));
        QVERIFY(f.panel.insertButton()->isEnabled());
        QVERIFY(!f.panel.cancelButton()->isEnabled());
    }

    void failureIsShownInThePanel()
    {
        Fixture f("Text");
        f.moveTo(4);
        QVERIFY(f.commands.continueParagraph());
        emit f.source.failed(f.source.requests.last().id, "No language model is loaded.");
        QVERIFY(!f.commands.isRunning());
        QCOMPARE(f.panel.statusText(),
                 WritingPanel::tr("Failed: %1").arg("No language model is loaded."));
        QVERIFY(!f.panel.insertButton()->isEnabled());
        QVERIFY(!f.commands.insertResult());
        QCOMPARE(f.editor.toPlainText(), QStringLiteral("Text"));
    }

    // F6 goes to the panel (its Insert button when there is a result), Esc back to the
    // document, Return on Insert inserts.
    void keyboardReachesThePanelAndBack()
    {
        QMainWindow window;
        auto *editor = new QPlainTextEdit;
        window.setCentralWidget(editor);
        auto *panel = new WritingPanel;
        window.addDockWidget(Qt::RightDockWidgetArea, panel);
        ScriptedSource source;
        WritingCommands commands(editor, &source, panel);
        commands.addActionsTo(window.menuBar()->addMenu(QStringLiteral("Tools")));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        editor->setPlainText("Text");
        editor->moveCursor(QTextCursor::End);
        editor->setFocus();
        QVERIFY(commands.continueParagraph());
        source.answer({" more"});

        QTest::keyClick(editor, Qt::Key_F6);
        QTRY_VERIFY(panel->insertButton()->hasFocus());
        QTest::keyClick(panel->insertButton(), Qt::Key_Escape);
        QTRY_VERIFY(editor->hasFocus());
        QCOMPARE(editor->toPlainText(), QStringLiteral("Text"));
        QTest::keyClick(editor, Qt::Key_F6);
        QTRY_VERIFY(panel->insertButton()->hasFocus());
        QTest::keyClick(panel->insertButton(), Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), QStringLiteral("Text more"));
        QVERIFY(editor->hasFocus());
    }

    void nothingGeneratedIsSaid()
    {
        Fixture f("Text");
        f.moveTo(4);
        QVERIFY(f.commands.continueParagraph());
        f.source.answer({});
        QCOMPARE(f.panel.statusText(), WritingPanel::tr("The model had nothing to add."));
        QVERIFY(!f.panel.insertButton()->isEnabled());
    }
};

QTEST_MAIN(TestWritingCommands)
#include "tst_writing_commands.moc"
