// Suggestions end to end, as a person gets them: the real engine thread with the
// embedded model behind the real main window, driven by simulated keystrokes.
#include "service/engine_thread.h"
#include "ui/editor/editor.h"
#include "ui/editor/ghost_text.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/suggestions/suggestion_status.h"
#include "ui/window/main_window.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace inkling;

namespace {

QJsonObject referenceSample(int i)
{
    QFile f(QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny/reference.json"));
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object().value("samples").toArray()[i].toObject();
}

SuggestionSettings greedySettings()
{
    SuggestionSettings s;
    s.debounceMs = 60;
    s.sampling.greedy = true;
    s.sampling.repetitionPenalty = 1.0f; // the reference is the plain argmax
    s.timeBudgetMs = 20000;              // sanitizer builds are slow; never cut short here
    // These check the engine's reference text end to end; suppression and the trigger
    // rules are tested against a scripted source (tst_suggestion_controller).
    s.minConfidence = 0;
    s.trigger = TriggerRule::EveryKeystroke;
    return s;
}

} // namespace

class TestSuggestionsE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void typingShowsTheReferenceContinuationAndTabInsertsIt()
    {
        MainWindow window;
        QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
        window.applySettings(greedySettings());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.engine()->isModelLoaded() || loaded.wait(30000));
        QCOMPARE(window.suggestionStatus()->modelText(), QStringLiteral("inkling-tiny"));

        const QJsonObject s = referenceSample(0);
        const QString prompt = s.value("prompt").toString();
        const QString reference = s.value("greedy_text").toString();
        Editor *editor = window.editor();
        editor->setFocus();
        QSignalSpy finished(window.suggestions(), &SuggestionController::finished);
        QTest::keyClicks(editor, prompt);
        QVERIFY(finished.wait(30000));

        // Sentence mode: the reference continuation up to the end of its first sentence.
        const QString expected = reference.left(reference.indexOf('.') + 1);
        QCOMPARE(expected, QStringLiteral(" saw the light of the lamp."));
        QCOMPARE(window.suggestions()->suggestion(), expected);
        QTRY_COMPARE(window.suggestions()->ghost()->text(), expected);
        QCOMPARE(editor->toPlainText(), prompt); // ghost text is not in the document
        QVERIFY(window.suggestionStatus()->latencyText().endsWith(" ms"));

        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(editor->toPlainText(), prompt + expected);
        QCOMPARE(editor->textCursor().position(), int((prompt + expected).size()));
    }

    void wordModeAndTypedThrough()
    {
        MainWindow window;
        QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
        window.applySettings(greedySettings());
        window.show();
        QVERIFY(window.engine()->isModelLoaded() || loaded.wait(30000));
        window.suggestions()->setMode(CompletionMode::Word);
        Editor *editor = window.editor();
        editor->setFocus();
        QSignalSpy finished(window.suggestions(), &SuggestionController::finished);
        QTest::keyClicks(editor, "The old man looked out of the window and");
        QVERIFY(finished.wait(30000));
        QCOMPARE(window.suggestions()->suggestion(), QStringLiteral(" saw"));
        QTest::keyClicks(editor, " s");
        QCOMPARE(window.suggestions()->suggestion(), QStringLiteral("aw"));
        QTest::keyClick(editor, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(editor->toPlainText(),
                 QStringLiteral("The old man looked out of the window and saw"));
    }

    // The --screenshot path with --suggest: the same window with a ghost suggestion
    // after the last word differs from it without one exactly there.
    void screenshotShowsTheGhost()
    {
        QTemporaryDir tmp;
        const QString doc = QStringLiteral(INKLING_SOURCE_DIR "/resources/samples/letter.md");
        const auto shoot = [&](const QString &png, bool suggest) {
            QProcess p;
            QStringList args{"--screenshot", png};
            if (suggest)
                args << "--suggest";
            p.start(QStringLiteral(INKLING_APP_PATH), args << doc);
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
        };
        shoot(tmp.filePath("plain.png"), false);
        shoot(tmp.filePath("ghost.png"), true);
        const QImage plain(tmp.filePath("plain.png")), ghost(tmp.filePath("ghost.png"));
        QCOMPARE(plain.size(), ghost.size());
        // Ink (dark pixels) that only the ghost image has, right of where short lines
        // end; the moved current-line highlight changes only light pixels.
        const int editorBottom = plain.height() - 40; // the status bar changes too
        QList<int> rows;
        int inkPixels = 0;
        for (int y = 30; y < editorBottom; ++y) {
            for (int x = plain.width() / 3; x < plain.width(); ++x) {
                if (plain.pixel(x, y) != ghost.pixel(x, y) &&
                    QColor(ghost.pixel(x, y)).lightness() < 200) {
                    ++inkPixels;
                    if (rows.isEmpty() || rows.last() != y)
                        rows << y;
                }
            }
        }
        QVERIFY2(inkPixels > 20, qPrintable(QString::number(inkPixels)));
        QVERIFY2(rows.last() - rows.first() < 30, "the ghost is one line of text");
    }

    // 500 random keystrokes at typing speed: the ghost is always where the cursor is,
    // shows the controller's current suggestion, and never reaches the document.
    void rapidTypingNeverShowsAStaleGhost()
    {
        MainWindow window;
        QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
        SuggestionSettings settings = greedySettings();
        settings.debounceMs = 20;
        window.applySettings(settings);
        window.show();
        QVERIFY(window.engine()->isModelLoaded() || loaded.wait(30000));
        Editor *editor = window.editor();
        editor->setFocus();

        QRandomGenerator rng(20261127);
        const QString letters = QStringLiteral("etaoin shrdlu cmfwyp ETAOIN,.'\n");
        QString shadow; // what the document must contain
        int cursor = 0; // where the cursor must be
        int ghostsSeen = 0;
        for (int i = 0; i < 500; ++i) {
            const int kind = rng.bounded(20);
            if (kind < 15) {
                const QChar c = letters[rng.bounded(int(letters.size()))];
                if (c == '\n')
                    QTest::keyClick(editor, Qt::Key_Return);
                else
                    QTest::keyClicks(editor, QString(c));
                shadow.insert(cursor++, c);
            } else if (kind < 17) {
                QTest::keyClick(editor, Qt::Key_Backspace);
                if (cursor > 0)
                    shadow.remove(--cursor, 1);
            } else if (kind < 19) {
                QTest::keyClick(editor, Qt::Key_Left);
                cursor = qMax(0, cursor - 1);
            } else {
                QTest::keyClick(editor, Qt::Key_Right);
                cursor = qMin(int(shadow.size()), cursor + 1);
            }
            // Sometimes pause until the suggestion has arrived (past the debounce, then
            // until the engine is done), however slow a loaded or sanitized run is;
            // otherwise type on at typing speed.
            if (rng.bounded(4) == 0) {
                QTest::qWait(settings.debounceMs);
                QTRY_VERIFY_WITH_TIMEOUT(!window.suggestions()->isPending(), 20000);
            } else {
                QTest::qWait(rng.bounded(25));
            }

            QCOMPARE(editor->toPlainText(), shadow);
            QCOMPARE(editor->textCursor().position(), cursor);
            const GhostText *ghost = window.suggestions()->ghost();
            if (ghost->isVisible()) {
                ++ghostsSeen;
                QCOMPARE(ghost->position(), cursor);
                // Streaming may have added text whose repaint is still queued: the ghost
                // shows the current suggestion or a prefix of it, never anything else.
                QVERIFY2(window.suggestions()->suggestion().startsWith(ghost->text()),
                         qPrintable(ghost->text() + " | " + window.suggestions()->suggestion()));
                const QTextLayout *layout = editor->textCursor().block().layout();
                QCOMPARE(layout->preeditAreaText().size(), ghost->text().size());
            }
        }
        qInfo("%d of 500 events showed a ghost", ghostsSeen);
        QVERIFY2(ghostsSeen > 10, qPrintable(QString::number(ghostsSeen)));
    }
};

QTEST_MAIN(TestSuggestionsE2E)
#include "tst_suggestions_e2e.moc"
