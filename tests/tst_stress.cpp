// Thousands of random editing events against the real window and engine with
// suggestions on: typing, deleting, pasting, cursor moves, accepts, dismisses,
// alternatives, mode switches, autosaves and a switch to another model and back. After
// every event the document is exactly what the edits made it (never any ghost text), a
// visible ghost sits at the cursor showing (a prefix of) the current suggestion, and a
// recovery copy written during the event decodes to exactly the document's text.
#include "service/engine_thread.h"
#include "tiny_model.h"
#include "ui/documents/autosave.h"
#include "ui/editor/editor.h"
#include "ui/editor/ghost_text.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/window/main_window.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <fstream>

#include <sys/stat.h>

using namespace inkling;

namespace {

const QString kEmbedded = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");

// Resident set size of this process in MiB, from /proc/self/status.
double residentMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    }
    return 0;
}

// Identifies the file now at path (0 if none): every autosave writes a new file and
// renames it over the old one, so a changed inode means a new copy was written.
ino_t inodeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

bool underSanitizer()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
    return true;
#endif
#endif
    return false;
}

bool underThreadSanitizer()
{
#if defined(__SANITIZE_THREAD__)
    return true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
    return true;
#endif
#endif
    return false;
}

int eventCount()
{
    // Sanitizer runs ask for fewer through the environment; 10,000 otherwise.
    const int n = qEnvironmentVariableIntValue("INKLING_STRESS_EVENTS");
    return n > 0 ? n : 10000;
}

const QStringList kPastes = {
    QStringLiteral("Hello, world. "),         QStringLiteral("\n\n"),
    QStringLiteral("    return x;\n"),        QStringLiteral("naïve café — “quoted” "),
    QStringLiteral("日本語のテキスト。"),     QStringLiteral("emoji 👩‍👩‍👧 and 🎉 "),
    QStringLiteral("\tindented\n\t\tmore\n"), QStringLiteral("<|endoftext|>"),
    QStringLiteral("e\u0301 combining "),     QString(300, QLatin1Char('x')) + QLatin1Char(' ')};

} // namespace

class TestStress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void randomEditingKeepsDocumentAndGhostConsistent()
    {
        QTemporaryDir tinyDir;
        QVERIFY(tinyDir.isValid());
        QVERIFY(tiny_model::write(tinyDir.path(), kEmbedded));

        MainWindow window;
        QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
        QSignalSpy modelFailed(window.engine(), &EngineThread::modelFailed);
        SuggestionSettings settings;
        settings.debounceMs = 15;
        settings.sampling.greedy = true;
        settings.threads = 1; // ctest runs two tests at once on two cores
        settings.timeBudgetMs = 2000;
        settings.maxTokensSentence = 12;
        settings.maxTokensParagraph = 16;
        settings.maxTokensCode = 16;
        // Every keystroke asks and every suggestion shows: the most ghost traffic.
        settings.trigger = TriggerRule::EveryKeystroke;
        settings.minConfidence = 0;
        window.applySettings(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.engine()->isModelLoaded() || loaded.wait(60000));
        loaded.clear();

        Editor *editor = window.editor();
        SuggestionController *controller = window.suggestions();
        editor->setFocus();
        // Autosave often: its timer fires during the pauses, between edits.
        Autosave *autosave = window.autosave();
        autosave->setInterval(100);
        ino_t lastCopy = inodeOf(autosave->copyPath());

        const int events = eventCount();
        QRandomGenerator rng(20261128);
        const QString letters = QStringLiteral("etaoin shrdlu cmfwyp ETAOIN,.'é中");
        QString shadow; // what the document must contain
        int ghostsSeen = 0, accepts = 0, modelSwitches = 0, copiesChecked = 0;
        double rssAfterWarmUp = 0;
        const double rssAtStart = residentMiB();

        for (int i = 0; i < events; ++i) {
            if (i == 500)
                rssAfterWarmUp = residentMiB();
            // The model switch: to the tiny model at a third, back at two thirds.
            if (i == events / 3 || i == 2 * events / 3) {
                window.engine()->loadModel(i == events / 3 ? tinyDir.path() : kEmbedded);
                ++modelSwitches;
            }

            const int before = editor->textCursor().position();
            const QString beforeText = editor->toPlainText();
            const QString offered = controller->suggestion();
            const int kind = rng.bounded(100);
            QString expected = beforeText;
            bool checkInsertedPrefix = false; // an accept: some prefix of `offered` inserted
            bool checkDeletionBefore = false, checkDeletionAfter = false;
            if (kind < 45) {
                const QChar c = letters[rng.bounded(int(letters.size()))];
                if (c.unicode() < 0x80) {
                    QTest::keyClicks(editor, QString(c));
                } else { // keyClicks() knows only ASCII keys; an input method sends text
                    QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_unknown, QString(c),
                                        Qt::NoModifier);
                }
                expected.insert(before, c);
            } else if (kind < 50) {
                QTest::keyClick(editor, Qt::Key_Return);
                expected.insert(before, QLatin1Char('\n'));
            } else if (kind < 57) {
                QTest::keyClick(editor, Qt::Key_Backspace);
                checkDeletionBefore = true;
            } else if (kind < 60) {
                QTest::keyClick(editor, Qt::Key_Delete);
                checkDeletionAfter = true;
            } else if (kind < 63) {
                const QString paste = kPastes[rng.bounded(int(kPastes.size()))];
                QGuiApplication::clipboard()->setText(paste);
                QTest::keySequence(editor, QKeySequence::Paste);
                expected.insert(before, paste);
            } else if (kind < 75) {
                static const Qt::Key moves[] = {Qt::Key_Left, Qt::Key_Right, Qt::Key_Up,
                                                Qt::Key_Down, Qt::Key_Home,  Qt::Key_End};
                const Qt::Key key = moves[rng.bounded(6)];
                const bool control = rng.bounded(5) == 0;
                QTest::keyClick(editor, key, control ? Qt::ControlModifier : Qt::NoModifier);
                // Ctrl+Right with a suggestion shown accepts its next word.
                checkInsertedPrefix = control && key == Qt::Key_Right && !offered.isEmpty();
            } else if (kind < 81) {
                QTest::keyClick(editor, Qt::Key_Tab);
                if (offered.isEmpty())
                    expected.insert(before, QLatin1Char('\t'));
                else
                    expected.insert(before, offered);
                accepts += !offered.isEmpty();
            } else if (kind < 86) {
                QTest::keyClick(editor, Qt::Key_Right, Qt::ControlModifier); // word, or moves
                checkInsertedPrefix = !offered.isEmpty();
            } else if (kind < 88) {
                QTest::keyClick(editor, Qt::Key_Right, Qt::AltModifier); // line or sentence
                checkInsertedPrefix = !offered.isEmpty();
            } else if (kind < 92) {
                QTest::keyClick(editor, Qt::Key_Escape);
            } else if (kind < 94) {
                // Next alternative; without one, a request. Never types.
                QTest::keyClick(editor, rng.bounded(2) ? Qt::Key_BracketRight : Qt::Key_BracketLeft,
                                Qt::AltModifier);
            } else if (kind < 96) {
                QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
            } else {
                static const CompletionMode modes[] = {
                    CompletionMode::Word, CompletionMode::Sentence, CompletionMode::Paragraph,
                    CompletionMode::Code};
                controller->setMode(modes[rng.bounded(4)]);
            }
            // Mostly fast typing; sometimes a pause, which lasts until the suggestion has
            // arrived (however slow a sanitized or loaded run is), so that ghosts are seen.
            const int pause = (rng.bounded(25) == 0 ? 30 + rng.bounded(80) : 0) *
                              (underThreadSanitizer() ? 6 : 1);
            if (pause) {
                QTest::qWait(pause);
                QTRY_VERIFY_WITH_TIMEOUT(!window.suggestions()->isPending(), 30000);
            }
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();

            const QString text = editor->toPlainText();
            const int cursor = editor->textCursor().position();
            const auto context = [&] {
                return QStringLiteral("event %1 kind %2: cursor %3 -> %4, offered \"%5\"")
                    .arg(i)
                    .arg(kind)
                    .arg(before)
                    .arg(cursor)
                    .arg(offered)
                    .toLocal8Bit();
            };
            if (checkDeletionBefore) {
                QVERIFY2(cursor <= before, context().constData());
                expected = beforeText.left(cursor) + beforeText.mid(before);
            } else if (checkDeletionAfter) {
                expected = beforeText.left(before) +
                           beforeText.mid(before + beforeText.size() - text.size());
                QVERIFY2(text.size() <= beforeText.size(), context().constData());
            } else if (checkInsertedPrefix) {
                const QString inserted = text.mid(before, text.size() - beforeText.size());
                QVERIFY2(!inserted.isEmpty() && offered.startsWith(inserted),
                         context().constData());
                expected.insert(before, inserted);
                ++accepts;
            }
            QVERIFY2(text == expected, context().constData());
            shadow = text;

            // A recovery copy written during this event (by saveNow or by the timer in
            // the pause) holds exactly the text: no ghost, nothing stale.
            if (const ino_t copy = inodeOf(autosave->copyPath()); copy != lastCopy) {
                lastCopy = copy;
                const std::optional<RecoverableDocument> saved =
                    Autosave::readCopy(autosave->copyPath());
                QVERIFY2(saved && saved->text == text, context().constData());
                ++copiesChecked;
            }

            const GhostText *ghost = controller->ghost();
            if (ghost->isVisible()) {
                ++ghostsSeen;
                QVERIFY2(ghost->position() == cursor, context().constData());
                QVERIFY2(controller->suggestion().startsWith(ghost->text()),
                         (context() + " | ghost \"" + ghost->text().toLocal8Bit() +
                          "\" | suggestion \"" + controller->suggestion().toLocal8Bit() + "\"")
                             .constData());
                const QTextLayout *layout = editor->textCursor().block().layout();
                QVERIFY2(layout->preeditAreaText().size() == ghost->text().size(),
                         context().constData());
            }
        }
        // The switches really happened and both loads succeeded.
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 60000);
        QCOMPARE(modelFailed.size(), 0);
        QCOMPARE(QString::fromStdString(window.engine()->modelInfo().info.name),
                 QStringLiteral("inkling-tiny"));

        const double rssAtEnd = residentMiB();
        qInfo("stress: %d events, %d ghosts seen, %d accepts, %d model switches, %lld characters, "
              "%d recovery copies checked; "
              "RSS %.1f MiB at start, %.1f after 500 events, %.1f at the end (growth %.1f MiB)",
              events, ghostsSeen, accepts, modelSwitches, qlonglong(shadow.size()), copiesChecked,
              rssAtStart, rssAfterWarmUp, rssAtEnd, rssAtEnd - rssAfterWarmUp);
        // Random cursor moves often leave the cursor inside a word, where no suggestion is
        // asked for, and text shows only once its first word is complete: 0.5 % of events.
        QVERIFY2(ghostsSeen > events / 200, qPrintable(QString::number(ghostsSeen)));
        QVERIFY2(accepts > 0, "no suggestion was ever accepted");
        QVERIFY2(copiesChecked > 0, "the autosave timer never wrote a copy between events");
        // ASan's quarantine holds freed memory on purpose; bound only plain builds.
        if (!underSanitizer())
            QVERIFY2(rssAtEnd - rssAfterWarmUp < 150,
                     qPrintable(QString::number(rssAtEnd - rssAfterWarmUp)));
    }
};

QTEST_MAIN(TestStress)
#include "tst_stress.moc"
