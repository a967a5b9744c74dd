// The writing commands' prompts, character for character: the GPT-2 paper's formats
// ("TL;DR:" after the article; "Q: … A:" after the document), trimming, and the cut
// that keeps a prompt inside the model's window.
#include "engine/generation/writing_prompts.h"

#include <QTest>

using namespace inkling;

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

} // namespace

class TestWritingPrompts : public QObject
{
    Q_OBJECT

private slots:
    void textBudget_data()
    {
        QTest::addColumn<int>("context");
        QTest::addColumn<int>("maxTokens");
        QTest::addColumn<int>("expected");
        QTest::addRow("gpt-2 window") << 1024 << 100 << 2772;
        QTest::addRow("answer fills the window") << 64 << 64 << 0;
        QTest::addRow("answer larger than the window") << 64 << 100 << 0;
    }
    void textBudget()
    {
        QFETCH(int, context);
        QFETCH(int, maxTokens);
        QFETCH(int, expected);
        QCOMPARE(int(writing::textBudget(context, maxTokens)), expected);
    }

    void continuePrompt_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<int>("budget");
        QTest::addColumn<QString>("expected");
        QTest::addRow("as typed, trailing space kept")
            << "Once upon a time " << 100 << "Once upon a time ";
        QTest::addRow("inside a word") << "The old man look" << 100 << "The old man look";
        QTest::addRow("cut at a word start") << "one two three four" << 9 << "four";
        QTest::addRow("cut after a line break") << "first line\nsecond" << 10 << "second";
        QTest::addRow("no boundary near the cut") << QString(100, 'a') << 10 << QString(10, 'a');
        QTest::addRow("never inside a character")
            << QString::fromUtf8("xx\u00e9\u00e9\u00e9") << 5 << QString::fromUtf8("\u00e9\u00e9");
        QTest::addRow("empty document") << "" << 100 << "";
    }
    void continuePrompt()
    {
        QFETCH(QString, before);
        QFETCH(int, budget);
        QFETCH(QString, expected);
        const WritingPrompt p = writing::continuePrompt(utf8(before), size_t(budget));
        QCOMPARE(QString::fromStdString(p.prompt), expected);
        QCOMPARE(p.mode, CompletionMode::Paragraph);
        QVERIFY(p.tokenHealing);
        QCOMPARE(p.maxTokens, writing::kContinueTokens);
        QCOMPARE(p.sampling.topK, 40); // the paper's samples: top-k 40
        QVERIFY(!p.sampling.greedy);
    }

    void summarizePrompt_data()
    {
        QTest::addColumn<QString>("selection");
        QTest::addColumn<int>("budget");
        QTest::addColumn<QString>("expected");
        QTest::addRow("the paper's format")
            << "The cat sat on the mat." << 1000 << "The cat sat on the mat.\nTL;DR:";
        QTest::addRow("selection trimmed") << "\n\n  The cat sat.\t \n"
                                           << 1000 << "The cat sat.\nTL;DR:";
        QTest::addRow("paragraphs kept") << "One.\n\nTwo." << 1000 << "One.\n\nTwo.\nTL;DR:";
        // 7 bytes of "\nTL;DR:" leave 12 for the text: the start is kept, cut before a word.
        QTest::addRow("long: the start is kept")
            << "alpha beta gamma delta" << 19 << "alpha beta\nTL;DR:";
        QTest::addRow("long: never inside a character")
            << QString::fromUtf8("\u00e9\u00e9\u00e9\u00e9\u00e9") << 12
            << QString::fromUtf8("\u00e9\u00e9\nTL;DR:");
        QTest::addRow("no room for text") << "The cat sat." << 3 << "\nTL;DR:";
    }
    void summarizePrompt()
    {
        QFETCH(QString, selection);
        QFETCH(int, budget);
        QFETCH(QString, expected);
        const WritingPrompt p = writing::summarizePrompt(utf8(selection), size_t(budget));
        QCOMPARE(QString::fromStdString(p.prompt), expected);
        // "100 tokens with Top-k random sampling with k = 2", the first 3 sentences.
        QCOMPARE(p.maxTokens, 100);
        QCOMPARE(p.mode, CompletionMode::Sentence);
        QCOMPARE(p.sentences, 3);
        QVERIFY(!p.sampling.greedy);
        QCOMPARE(p.sampling.topK, 2);
        QCOMPARE(p.sampling.temperature, 1.0f);
        QCOMPARE(p.sampling.topP, 1.0f);
        QCOMPARE(p.sampling.repetitionPenalty, 1.0f);
        QVERIFY(!p.tokenHealing);
    }

    void askPrompt_data()
    {
        QTest::addColumn<QString>("selection");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QStringList>("history"); // question, answer, question, answer, …
        QTest::addColumn<int>("budget");
        QTest::addColumn<QString>("expected");
        const QString doc = "Paris is the capital of France.";
        QTest::addRow("the paper's format")
            << doc << "What is the capital of France?" << QStringList() << 1000
            << "Paris is the capital of France.\n\nQ: What is the capital of France?\nA:";
        QTest::addRow("selection and question trimmed")
            << "\n " + doc + "  \n"
            << "  What is it? \n"
            << QStringList() << 1000 << "Paris is the capital of France.\n\nQ: What is it?\nA:";
        QTest::addRow("question on one line")
            << doc << "Which\ncountry?" << QStringList() << 1000
            << "Paris is the capital of France.\n\nQ: Which country?\nA:";
        QTest::addRow("conversation history")
            << doc << "Of which country?" << QStringList{"What is Paris?", " the capital\n"} << 1000
            << "Paris is the capital of France.\n\nQ: What is Paris?\nA: the capital\nQ: Of which "
               "country?\nA:";
        // Room 61 - 10 ("Q: Why?\nA:") = 51; history may take 25: only the newest turn
        // (18 bytes) fits, and the 31 bytes of text still do.
        QTest::addRow("old turns dropped first")
            << doc << "Why?" << QStringList{"First question?", "first answer", "Second?", "two"}
            << 61 << "Paris is the capital of France.\n\nQ: Second?\nA: two\nQ: Why?\nA:";
        // Room 30 - 10 = 20, minus the blank line: 18 bytes of text, cut before a word.
        QTest::addRow("long text: the start is kept")
            << doc << "Why?" << QStringList() << 30 << "Paris is the\n\nQ: Why?\nA:";
    }
    void askPrompt()
    {
        QFETCH(QString, selection);
        QFETCH(QString, question);
        QFETCH(QStringList, history);
        QFETCH(int, budget);
        QFETCH(QString, expected);
        std::vector<QuestionAnswer> turns;
        for (int i = 0; i + 1 < history.size(); i += 2)
            turns.push_back({utf8(history[i]), utf8(history[i + 1])});
        const WritingPrompt p =
            writing::askPrompt(utf8(selection), utf8(question), turns, size_t(budget));
        QCOMPARE(QString::fromStdString(p.prompt), expected);
        QCOMPARE(p.mode, CompletionMode::Line);
        QVERIFY(p.sampling.greedy);
        QCOMPARE(p.sampling.repetitionPenalty, 1.0f);
        QVERIFY(!p.tokenHealing);
    }

    void oneLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << "a b" << "a b";
        QTest::addRow("breaks and tabs") << "a\nb\tc\r\nd" << "a b c  d";
        QTest::addRow("ends") << "\n a \n" << "a";
    }
    void oneLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(writing::oneLine(utf8(text))), expected);
    }
};

QTEST_MAIN(TestWritingPrompts)
#include "tst_writing_prompts.moc"
