// Word and character counts: ASCII, CJK, emoji and combining marks with the expected
// counts written in each row (counted by hand under the rule in text_counts.h), the
// per-block cache against a recount of the whole text after edits, the status bar's
// label of the document and of a selection, and the cost per keystroke on a 300 KB
// document (printed, no threshold: this machine's speed is not the product's).
#include "ui/editor/editor.h"
#include "ui/editor/text_counts.h"
#include "ui/window/main_window.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>

using namespace inkling;

class TestCounts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void countText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("words");
        QTest::addColumn<qint64>("characters");
        QTest::addRow("empty") << "" << 0LL << 0LL;
        QTest::addRow("ascii") << "Hello, world!" << 2LL << 13LL;
        QTest::addRow("spaces and tab") << "one  two\tthree" << 3LL << 14LL;
        QTest::addRow("apostrophe and decimal") << "it's 3.14 km" << 3LL << 12LL;
        QTest::addRow("punctuation only") << "-- ... !" << 0LL << 8LL;
        QTest::addRow("line break not a character") << "line one\nline two" << 4LL << 16LL;
        QTest::addRow("chinese") << "中文字符" << 4LL << 4LL;
        QTest::addRow("chinese with punctuation") << "你好，世界。" << 4LL << 6LL;
        // 日本語 (3 Han) の (Hiragana) テキスト (4 Katakana): each one a word.
        QTest::addRow("japanese") << "日本語のテキスト" << 8LL << 8LL;
        QTest::addRow("mixed latin and han") << "Hello 世界" << 3LL << 8LL;
        QTest::addRow("korean by spaces") << "안녕하세요 세계" << 2LL << 8LL;
        QTest::addRow("family emoji with ZWJ")
            << QString::fromUtf8("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466")
            << 0LL << 1LL;
        QTest::addRow("thumbs up with skin tone, word")
            << QString::fromUtf8("\U0001F44D\U0001F3FD ok") << 1LL << 4LL;
        QTest::addRow("two flags")
            << QString::fromUtf8("\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7") << 0LL << 2LL;
        QTest::addRow("combining accent") << QString::fromUtf8("e\u0301te\u0301") << 1LL << 3LL;
        QTest::addRow("paragraph separator of a selection")
            << QStringLiteral("ab cd\u2029ef") << 3LL << 7LL;
    }
    void countText()
    {
        QFETCH(QString, text);
        QFETCH(qint64, words);
        QFETCH(qint64, characters);
        const TextCounts counts = inkling::countText(text);
        QCOMPARE(counts.words, words);
        QCOMPARE(counts.characters, characters);
    }

    // Random edits across lines, undo and a new text: the cached per-block counts always
    // add up to a count of the whole text.
    void cacheFollowsEdits()
    {
        QTextDocument document;
        document.setPlainText(QStringLiteral("alpha beta\ngamma 中文\n\ndelta\n"));
        TextCounter counter(&document);
        QCOMPARE(counter.total(), inkling::countText(document.toPlainText()));
        QRandomGenerator random(18);
        const QStringList pieces = {QStringLiteral("word "), QStringLiteral("\n"),
                                    QStringLiteral("x\ny z\n"), QStringLiteral("字"),
                                    QStringLiteral("👍🏽")};
        for (int i = 0; i < 300; ++i) {
            QTextCursor c(&document);
            const int length = document.characterCount() - 1;
            c.setPosition(random.bounded(length + 1));
            switch (random.bounded(3)) {
            case 0:
                c.insertText(pieces.at(random.bounded(pieces.size())));
                break;
            case 1:
                c.setPosition(std::min(length, c.position() + random.bounded(12)),
                              QTextCursor::KeepAnchor);
                c.removeSelectedText();
                break;
            default:
                if (document.isUndoAvailable())
                    document.undo();
            }
            const TextCounts expected = inkling::countText(document.toPlainText());
            QVERIFY2(counter.total() == expected,
                     qPrintable(QStringLiteral("edit %1: %2 words %3 characters, expected %4 %5")
                                    .arg(i)
                                    .arg(counter.total().words)
                                    .arg(counter.total().characters)
                                    .arg(expected.words)
                                    .arg(expected.characters)));
        }
        document.setPlainText(QStringLiteral("new text"));
        QCOMPARE(counter.total(), (TextCounts{2, 8}));
    }

    void label_data()
    {
        QTest::addColumn<qint64>("words");
        QTest::addColumn<qint64>("characters");
        QTest::addColumn<bool>("selection");
        QTest::addColumn<QString>("expected");
        QTest::addRow("grouped") << 1234LL << 6789LL << false << "1,234 words · 6,789 characters";
        QTest::addRow("one") << 1LL << 1LL << false << "1 word · 1 character";
        QTest::addRow("none") << 0LL << 0LL << false << "0 words · 0 characters";
        QTest::addRow("selection")
            << 1234LL << 6789LL << true << "12 of 1,234 words · 60 of 6,789 characters";
    }
    void label()
    {
        QFETCH(qint64, words);
        QFETCH(qint64, characters);
        QFETCH(bool, selection);
        QFETCH(QString, expected);
        const TextCounts selected{12, 60};
        QCOMPARE(MainWindow::countsText({words, characters}, selection ? &selected : nullptr),
                 expected);
    }

    // The window's label follows the document and its selection.
    void statusBarFollowsSelection()
    {
        MainWindow window;
        Editor *editor = window.editor();
        editor->setPlainText(QStringLiteral("The quick brown fox\njumps over 懒狗."));
        window.updateCountLabel();
        QCOMPARE(window.countLabel()->text(), QStringLiteral("8 words · 33 characters"));
        QTextCursor c = editor->textCursor();
        c.setPosition(4);
        c.setPosition(15, QTextCursor::KeepAnchor); // "quick brown"
        editor->setTextCursor(c);
        QTRY_COMPARE(window.countLabel()->text(),
                     QStringLiteral("2 of 8 words · 11 of 33 characters"));
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral(" end"));
        QTRY_COMPARE(window.countLabel()->text(), QStringLiteral("9 words · 37 characters"));
    }

    // What counting adds to a keystroke in a 300 KB document: typing with and without the
    // counter listening, in the same process.
    void typingCostOn300KB()
    {
        QString text;
        const QString line = QStringLiteral(
            "The old man looked out of the window and saw the light of the lamp, 灯.\n");
        while (text.size() < 300 * 1024)
            text += line;
        Editor counting;
        Editor notCounting; // its counter stops listening: the baseline
        counting.setPlainText(text);
        notCounting.setPlainText(text);
        QObject::disconnect(notCounting.document(), nullptr, notCounting.counter(), nullptr);
        QElapsedTimer timer;
        timer.start();
        TextCounter fresh(counting.document());
        const double recountMs = timer.nsecsElapsed() / 1e6;
        QObject::disconnect(counting.document(), nullptr, &fresh, nullptr);

        const QString typed = QStringLiteral("Some words typed here ");
        const auto typeInMiddle = [&typed](Editor &editor) {
            editor.setTextCursor(
                QTextCursor(editor.document()->findBlockByNumber(editor.blockCount() / 2)));
            QElapsedTimer t;
            t.start();
            QTest::keyClicks(&editor, typed);
            return t.nsecsElapsed() / 1e3 / typed.size();
        };
        // Alternating, best of five each: other processes share the two cores.
        double with = 1e9;
        double without = 1e9;
        for (int round = 0; round < 5; ++round) {
            with = std::min(with, typeInMiddle(counting));
            without = std::min(without, typeInMiddle(notCounting));
        }
        QCOMPARE(counting.counter()->total(), inkling::countText(counting.toPlainText()));
        qInfo("300 KB document (%d blocks): full count %.1f ms; per keystroke %.0f µs with "
              "the counter, %.0f µs without (%.2fx)",
              counting.blockCount(), recountMs, with, without, with / without);
    }
};

QTEST_MAIN(TestCounts)
#include "tst_counts.moc"
