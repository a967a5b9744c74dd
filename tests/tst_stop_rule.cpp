// Where each completion mode cuts a suggestion, on hand-written generated texts.
#include "engine/generation/stop_rule.h"

#include <QTest>

using namespace inkling;

Q_DECLARE_METATYPE(CompletionMode)

class TestStopRule : public QObject
{
    Q_OBJECT

private slots:
    void stopAt_data()
    {
        QTest::addColumn<CompletionMode>("mode");
        QTest::addColumn<int>("baseIndent");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("expected"); // -1: keep generating
        using M = CompletionMode;
        QTest::addRow("word: still inside") << M::Word << 0 << QByteArray(" theor") << -1;
        QTest::addRow("word: space ends it") << M::Word << 0 << QByteArray(" theory of") << 7;
        QTest::addRow("word: comma ends it") << M::Word << 0 << QByteArray(" light,") << 6;
        QTest::addRow("word: contraction kept") << M::Word << 0 << QByteArray(" don't go") << 6;
        QTest::addRow("word: leading punctuation") << M::Word << 0 << QByteArray(", and") << -1;
        QTest::addRow("word: accented letters")
            << M::Word << 0 << QByteArray(" caf\xC3\xA9 au") << 6;
        QTest::addRow("word: split character waits")
            << M::Word << 0 << QByteArray(" caf\xC3") << -1;
        QTest::addRow("word: newline first") << M::Word << 0 << QByteArray("\nThe") << 0;
        QTest::addRow("word: CJK")
            << M::Word << 0 << QByteArray("\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82") << 6;
        QTest::addRow("sentence: open") << M::Sentence << 0 << QByteArray(" saw the light") << -1;
        QTest::addRow("sentence: period then space")
            << M::Sentence << 0 << QByteArray(" saw it. Then") << 8;
        QTest::addRow("sentence: waits after period")
            << M::Sentence << 0 << QByteArray(" saw it.") << -1;
        QTest::addRow("sentence: decimal")
            << M::Sentence << 0 << QByteArray(" pi is 3.14 or") << -1;
        QTest::addRow("sentence: closing quote kept")
            << M::Sentence << 0 << QByteArray(" go!\" he") << 5;
        QTest::addRow("sentence: curly quote kept")
            << M::Sentence << 0 << QByteArray(" go.\xE2\x80\x9D He") << 7;
        QTest::addRow("sentence: question") << M::Sentence << 0 << QByteArray(" why? ") << 5;
        QTest::addRow("sentence: line break")
            << M::Sentence << 0 << QByteArray(" a list\n- b") << 7;
        QTest::addRow("sentence: leading newline kept")
            << M::Sentence << 0 << QByteArray("\nThe end") << -1;
        QTest::addRow("paragraph: single newline")
            << M::Paragraph << 0 << QByteArray(" one.\nTwo.") << -1;
        QTest::addRow("paragraph: blank line")
            << M::Paragraph << 0 << QByteArray(" one.\n\nTwo") << 5;
        QTest::addRow("paragraph: blank line with spaces")
            << M::Paragraph << 0 << QByteArray(" one.\n  \nTwo") << 5;
        QTest::addRow("paragraph: leading blank line")
            << M::Paragraph << 0 << QByteArray("\n\nNew one") << -1;
        QTest::addRow("code: same block")
            << M::Code << 4 << QByteArray("x = 1\n    y = 2\n    z") << -1;
        QTest::addRow("code: dedent")
            << M::Code << 4 << QByteArray("x = 1\n    y = 2\ndef g") << 15;
        QTest::addRow("code: waits for indentation")
            << M::Code << 4 << QByteArray("x = 1\n  ") << -1;
        QTest::addRow("code: blank line") << M::Code << 0 << QByteArray("a()\nb()\n\nc()") << 7;
        QTest::addRow("code: deeper is fine")
            << M::Code << 0 << QByteArray(":\n    return 1") << -1;
        QTest::addRow("raw: never") << M::Raw << 0 << QByteArray("a.\n\nb") << -1;
        QTest::addRow("line: open") << M::Line << 0 << QByteArray(" Paris. It is") << -1;
        QTest::addRow("line: newline ends it")
            << M::Line << 0 << QByteArray(" Paris.\nQ: Why") << 7;
        QTest::addRow("line: leading newlines skipped")
            << M::Line << 0 << QByteArray("\n\n Paris\n") << 8;
        QTest::addRow("line: only blanks") << M::Line << 0 << QByteArray(" \n \n") << -1;
    }

    // The GPT-2 paper's summaries are the first three generated sentences.
    void stopAfterSentences_data()
    {
        QTest::addColumn<int>("sentences");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("expected"); // -1: keep generating
        QTest::addRow("one of one") << 1 << QByteArray(" A b. C d. E f. G") << 5;
        QTest::addRow("two of three") << 3 << QByteArray(" A b. C d. E f") << -1;
        QTest::addRow("three of three") << 3 << QByteArray(" A b. C d. E f. G") << 15;
        QTest::addRow("third waits for a space") << 3 << QByteArray(" A b. C d. E f.") << -1;
        QTest::addRow("decimal is no end") << 3 << QByteArray(" A 3.5 b. C d! E f? G") << 19;
        QTest::addRow("closers kept") << 2 << QByteArray(" \"A.\" B.) C") << 9;
        QTest::addRow("line break ends early") << 3 << QByteArray(" A b. C\nD") << 7;
        QTest::addRow("zero means one") << 0 << QByteArray(" A b. C d.") << 5;
    }
    void stopAfterSentences()
    {
        QFETCH(int, sentences);
        QFETCH(QByteArray, text);
        QFETCH(int, expected);
        const StopRule rule(CompletionMode::Sentence, 0, sentences);
        const auto cut = rule.stopAt(std::string_view(text.constData(), size_t(text.size())));
        QCOMPARE(cut ? int(*cut) : -1, expected);
    }
    void stopAt()
    {
        QFETCH(CompletionMode, mode);
        QFETCH(int, baseIndent);
        QFETCH(QByteArray, text);
        QFETCH(int, expected);
        const StopRule rule(mode, baseIndent);
        const auto cut = rule.stopAt(std::string_view(text.constData(), size_t(text.size())));
        QCOMPARE(cut ? int(*cut) : -1, expected);
    }

    void stableAndFinalLength()
    {
        const StopRule sentence(CompletionMode::Sentence);
        QCOMPARE(sentence.stableLength(" one two \n "), size_t(8));
        QCOMPARE(sentence.finalLength(" one two \n "), size_t(8));
        const StopRule raw(CompletionMode::Raw);
        QCOMPARE(raw.finalLength(" one two \n "), size_t(11));
    }

    void indentOfLastLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("expected");
        QTest::addRow("none") << QByteArray("def f():") << 0;
        QTest::addRow("spaces") << QByteArray("def f():\n    return") << 4;
        QTest::addRow("tab") << QByteArray("{\n\tint x;") << 1;
        QTest::addRow("empty last line") << QByteArray("a\n") << 0;
    }
    void indentOfLastLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, expected);
        QCOMPARE(StopRule::indentOfLastLine(text.toStdString()), expected);
    }

    void modeNames()
    {
        for (auto m : {CompletionMode::Word, CompletionMode::Sentence, CompletionMode::Paragraph,
                       CompletionMode::Code, CompletionMode::Raw, CompletionMode::Line})
            QCOMPARE(modeFromName(modeName(m)), std::optional(m));
        QVERIFY(!modeFromName("poem"));
    }
};

QTEST_APPLESS_MAIN(TestStopRule)
#include "tst_stop_rule.moc"
