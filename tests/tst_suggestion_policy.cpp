// The widget-free suggestion rules (engine/generation/suggestion_policy.h) and the simulated
// writer's choice of accept keys, on hand-checked cases.
#include "engine/eval/keystroke_eval.h"
#include "engine/generation/suggestion_policy.h"
#include "service/completion_service.h"

#include <QTest>

using namespace inkling;

namespace {
std::string_view view(const QByteArray &b)
{
    return std::string_view(b.constData(), size_t(b.size()));
}
} // namespace

class TestSuggestionPolicy : public QObject
{
    Q_OBJECT

private slots:
    // Every suggestion, the greedy one and the sampled alternatives, in every mode,
    // carries the rule that ends loops (tst_cli shows what it does).
    void suggestionsNeverRepeatAPhrase()
    {
        const SuggestionPolicy policy;
        for (CompletionMode mode : {CompletionMode::Word, CompletionMode::Sentence,
                                    CompletionMode::Paragraph, CompletionMode::Code})
            for (int alternative : {0, 1, 2})
                QCOMPARE(policy.request("Dear Sir,", mode, alternative).noRepeatNgram, 4);
        QCOMPARE(GenerationRequest().noRepeatNgram, 0); // the model's own choices by default
    }

    void repeatsWordNgram_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("repeats");
        QTest::addRow("the issue's loop")
            << QByteArray(
                   " first person who had been in the house, and who had been in the house, and")
            << true;
        QTest::addRow("case and punctuation ignored")
            << QByteArray("He said it was late. he said, it WAS") << true;
        QTest::addRow("three words twice only")
            << QByteArray("one of the best, one of the worst") << false;
        QTest::addRow("overlapping run") << QByteArray("la la la la la") << true;
        QTest::addRow("no repeat")
            << QByteArray(" letter was written in pencil, and the handwriting was neat.") << false;
        QTest::addRow("empty") << QByteArray() << false;
    }
    void repeatsWordNgram()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, repeats);
        QCOMPARE(inkling::repeatsWordNgram(view(text), 4), repeats);
    }

    void wordLength_data()
    {
        QTest::addColumn<QByteArray>("suggestion");
        QTest::addColumn<int>("bytes");
        QTest::addRow("leading space and a word") << QByteArray(" light of the lamp") << 6;
        QTest::addRow("rest of a word") << QByteArray("ndow and") << 4;
        QTest::addRow("apostrophe inside") << QByteArray(" don't go") << 6;
        QTest::addRow("punctuation alone") << QByteArray(", said he") << 1;
        QTest::addRow("line break ends it") << QByteArray("  \nnext") << 3;
        QTest::addRow("underscore and digits") << QByteArray("max_len2 = 3") << 8;
        QTest::addRow("accented letters") << QByteArray(" caf\xC3\xA9s au lait") << 7;
        QTest::addRow("only blanks") << QByteArray("   ") << 3;
        QTest::addRow("empty") << QByteArray() << 0;
    }
    void wordLength()
    {
        QFETCH(QByteArray, suggestion);
        QFETCH(int, bytes);
        QCOMPARE(int(nextWordLength(view(suggestion))), bytes);
    }

    void lineLength_data()
    {
        QTest::addColumn<QByteArray>("suggestion");
        QTest::addColumn<int>("bytes");
        QTest::addRow("sentence") << QByteArray(" light of the lamp. Then more") << 19;
        QTest::addRow("line first") << QByteArray(" a\nb. c") << 3;
        QTest::addRow("leading line breaks kept") << QByteArray("\n\nx. y") << 4;
        QTest::addRow("decimal point is no end") << QByteArray("pi is 3.14 or so. Yes") << 17;
        QTest::addRow("to the end") << QByteArray("no end here") << 11;
    }
    void lineLength()
    {
        QFETCH(QByteArray, suggestion);
        QFETCH(int, bytes);
        QCOMPARE(int(nextLineLength(view(suggestion))), bytes);
    }

    void trigger_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<bool>("request");
        QTest::addRow("always, after a space")
            << "always" << QByteArray("Hello ") << QByteArray() << true;
        QTest::addRow("always, inside a word")
            << "always" << QByteArray("Hel") << QByteArray() << true;
        QTest::addRow("always, not in the middle of a word")
            << "always" << QByteArray("Hel") << QByteArray("lo") << false;
        QTest::addRow("always, before a space")
            << "always" << QByteArray("Hel") << QByteArray(" there") << true;
        QTest::addRow("word, after a space")
            << "word" << QByteArray("Hello ") << QByteArray() << false;
        QTest::addRow("word, after a comma")
            << "word" << QByteArray("Hello,") << QByteArray() << false;
        QTest::addRow("word, after a letter")
            << "word" << QByteArray("Hello w") << QByteArray() << true;
        QTest::addRow("word, after a digit")
            << "word" << QByteArray("in 19") << QByteArray() << true;
        QTest::addRow("word, after an accented letter")
            << "word" << QByteArray("caf\xC3\xA9") << QByteArray() << true;
        QTest::addRow("word, empty document") << "word" << QByteArray() << QByteArray() << false;
        // llama.vim's max_line_suffix: no suggestion with more than 8 characters after
        // the cursor on its line.
        QTest::addRow("always, 8 characters after")
            << "always" << QByteArray("f(x") << QByteArray(", y, z);") << true;
        QTest::addRow("always, 9 characters after")
            << "always" << QByteArray("f(x") << QByteArray(", y, zz);") << false;
        QTest::addRow("always, 8 characters after, counted in characters")
            << "always" << QByteArray("f(x") << QByteArray(", \xC3\xA9, \xC3\xA9);") << true;
        QTest::addRow("always, trailing blanks not counted")
            << "always" << QByteArray("f(x") << QByteArray(");      \t  ") << true;
        QTest::addRow("always, later lines not counted")
            << "always" << QByteArray("f(x") << QByteArray(")\nreturn f(x, y, z);") << true;
        QTest::addRow("word, 9 characters after")
            << "word" << QByteArray("Hello w") << QByteArray(" is round") << false;
    }

    void repeatsTextAfter_data()
    {
        QTest::addColumn<QByteArray>("suggestion");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<bool>("repeats");
        QTest::addRow("the closing bracket that is there")
            << QByteArray(")") << QByteArray(")") << true;
        QTest::addRow("more than what is there") << QByteArray(") + 1") << QByteArray(")") << false;
        QTest::addRow("part of what is there")
            << QByteArray(");") << QByteArray(");  // x") << true;
        QTest::addRow("trailing blanks ignored") << QByteArray(")\n") << QByteArray(")") << true;
        QTest::addRow("something else") << QByteArray("]") << QByteArray(")") << false;
        QTest::addRow("nothing after") << QByteArray(" world") << QByteArray() << false;
        QTest::addRow("empty suggestion") << QByteArray() << QByteArray(")") << false;
    }
    void repeatsTextAfter()
    {
        QFETCH(QByteArray, suggestion);
        QFETCH(QByteArray, after);
        QFETCH(bool, repeats);
        QCOMPARE(inkling::repeatsTextAfter(view(suggestion), view(after)), repeats);
    }
    void trigger()
    {
        QFETCH(QString, rule);
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(bool, request);
        SuggestionPolicy p;
        p.trigger = *triggerRuleFromName(rule.toStdString());
        QCOMPARE(p.shouldRequest(view(before), view(after)), request);
    }

    // After a whole suggestion is accepted the next is asked for where typing would wait
    // (after a "." or a space), but still never inside a word or before a long line rest.
    void triggerAfterAccept_data()
    {
        QTest::addColumn<bool>("askAfterAccept");
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<bool>("request");
        QTest::addRow("after a sentence")
            << true << QByteArray("He saw it.") << QByteArray() << true;
        QTest::addRow("after a space") << true << QByteArray("He saw ") << QByteArray() << true;
        QTest::addRow("inside a word")
            << true << QByteArray("He saw ") << QByteArray("it") << false;
        QTest::addRow("long line rest")
            << true << QByteArray("f(") << QByteArray(" a, b, c, d, e)") << false;
        QTest::addRow("switched off") << false << QByteArray("He saw it.") << QByteArray() << false;
    }
    void triggerAfterAccept()
    {
        QFETCH(bool, askAfterAccept);
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(bool, request);
        SuggestionPolicy p;
        QCOMPARE(p.trigger, TriggerRule::InsideWord);
        p.askAfterAccept = askAfterAccept;
        QVERIFY(!p.shouldRequest(view(before), view(after))); // typing there would wait
        QCOMPARE(p.shouldRequest(view(before), view(after), true), request);
    }

    void requestCarriesTheSettings()
    {
        SuggestionPolicy p;
        p.sampling.greedy = true;
        p.sampling.seed = 7;
        p.maxTokensWord = 5;
        p.tokenHealing = false;
        const GenerationRequest first = p.request("abc", CompletionMode::Word);
        QCOMPARE(first.prompt, std::string("abc"));
        QCOMPARE(first.maxTokens, 5);
        QVERIFY(first.sampling.greedy);
        QCOMPARE(first.sampling.seed, uint64_t(7));
        QVERIFY(!first.tokenHealing);
        const GenerationRequest second = p.request("abc", CompletionMode::Word, 2);
        QVERIFY(!second.sampling.greedy); // alternatives must differ
        QCOMPARE(second.sampling.seed, uint64_t(9));
    }

    void confidenceThreshold()
    {
        SuggestionPolicy p;
        p.minConfidence = 0.25;
        QVERIFY(!p.isConfident(0.2));
        QVERIFY(p.isConfident(0.25));
        p.minConfidence = 0;
        QVERIFY(p.isConfident(0)); // 0 shows everything
    }

    void promptTailStaysPut()
    {
        const std::string text(40000, 'a');
        const std::string_view tail = promptTail(text, 1024); // at most 8192 bytes
        QVERIFY(tail.size() <= 8192);
        QCOMPARE((text.size() - tail.size()) % 4096, size_t(0));
        // One more character keeps the same start while the tail still fits.
        const std::string longer = text + "b";
        QCOMPARE(text.size() - tail.size(), longer.size() - promptTail(longer, 1024).size());
        // Never inside a UTF-8 character.
        std::string utf8 = "x"; // the characters then start at odd bytes: 12288 is inside one
        while (utf8.size() < 20000)
            utf8 += "\xC3\xA9";
        const std::string_view t = promptTail(utf8, 1024);
        QVERIFY((static_cast<unsigned char>(t.front()) & 0xC0) != 0x80);
        QCOMPARE(promptTail("short", 1024), std::string_view("short"));
    }

    // One prompt window: the editor's UTF-16 text (contextTail) and the evaluator's UTF-8
    // text (promptTail) are cut at the same place (ASCII, where their units agree): at
    // most 8 units per token, the start on a 4096 grid. Hand-computed starts.
    void promptWindow_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("nCtx");
        QTest::addColumn<int>("start");
        QTest::addRow("fits") << 8192 << 1024 << 0;
        QTest::addRow("one over") << 8193 << 1024 << 4096;
        QTest::addRow("long") << 40000 << 1024 << 32768;
        QTest::addRow("small model") << 5000 << 512 << 4096;
        QTest::addRow("context unknown: 1024") << 9000 << 0 << 4096;
    }
    void promptWindow()
    {
        QFETCH(int, length);
        QFETCH(int, nCtx);
        QFETCH(int, start);
        QCOMPARE(PromptWindow::textStart(size_t(length), nCtx), size_t(start));
        const std::string utf8(size_t(length), 'a');
        QCOMPARE(utf8.size() - promptTail(utf8, nCtx).size(), size_t(start));
        QCOMPARE(length - contextTail(QString(length, u'a'), nCtx).size(), qsizetype(start));
    }

    // The tokens then: whole quarter windows dropped until maxTokens fit. Hand-computed.
    void promptTokensToDrop_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("nCtx");
        QTest::addColumn<int>("maxTokens");
        QTest::addColumn<int>("drop");
        QTest::addRow("fits") << 984 << 1024 << 40 << 0;
        QTest::addRow("one over: a quarter") << 985 << 1024 << 40 << 256;
        QTest::addRow("two quarters") << 1300 << 1024 << 40 << 512;
        QTest::addRow("one token always stays") << 5 << 4 << 10 << 4;
    }
    void promptTokensToDrop()
    {
        QFETCH(int, count);
        QFETCH(int, nCtx);
        QFETCH(int, maxTokens);
        QFETCH(int, drop);
        QCOMPARE(PromptWindow::tokensToDrop(size_t(count), nCtx, maxTokens), size_t(drop));
    }

    // The simulated writer's keys: hand-counted.
    void planAccept_data()
    {
        QTest::addColumn<QByteArray>("suggestion");
        QTest::addColumn<QByteArray>("wanted");
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("keys");
        QTest::addRow("Tab: all matches")
            << QByteArray(" of the lamp") << QByteArray(" of the lamp. He") << 12 << 1;
        QTest::addRow("two words then wrong")
            << QByteArray(" of the house") << QByteArray(" of the lamp") << 7 << 2;
        QTest::addRow("sentence with Alt+Right")
            << QByteArray(" He ran. She sat down") << QByteArray(" He ran. She stood") << 12 << 2;
        QTest::addRow("first word wrong") << QByteArray(" house") << QByteArray(" home") << 0 << 0;
        QTest::addRow("one-character word saves nothing")
            << QByteArray(", and") << QByteArray(", but") << 0 << 0;
        QTest::addRow("rest of a word") << QByteArray("ndow") << QByteArray("ndow was") << 4 << 1;
        QTest::addRow("prefix of a longer word")
            << QByteArray(" window") << QByteArray(" windows") << 7 << 1;
        QTest::addRow("empty") << QByteArray() << QByteArray("abc") << 0 << 0;
    }
    void planAccept()
    {
        QFETCH(QByteArray, suggestion);
        QFETCH(QByteArray, wanted);
        QFETCH(int, bytes);
        QFETCH(int, keys);
        const AcceptPlan plan = inkling::planAccept(view(suggestion), view(wanted));
        QCOMPARE(int(plan.bytes), bytes);
        QCOMPARE(plan.keys, keys);
    }
};

QTEST_APPLESS_MAIN(TestSuggestionPolicy)
#include "tst_suggestion_policy.moc"
