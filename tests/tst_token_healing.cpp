// Token healing: where the prompt is split, and, with the embedded model, the property
// that typing the start of the word greedy decoding would produce next leaves exactly
// the rest of that word (and what follows it) as the suggestion.
#include "engine/generation/generator.h"
#include "engine/model/language_model.h"

#include <QTest>

using namespace inkling;

class TestTokenHealing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_model = LanguageModel::load(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");
    }
    void cleanupTestCase() { m_model.reset(); }

    void split_data()
    {
        QTest::addColumn<QByteArray>("prompt");
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("prefix");
        QTest::addRow("inside a word")
            << QByteArray("out of the wi") << QByteArray("out of the") << QByteArray(" wi");
        QTest::addRow("first word") << QByteArray("Hel") << QByteArray("") << QByteArray("Hel");
        QTest::addRow("after a space")
            << QByteArray("out of the ") << QByteArray("out of the") << QByteArray(" ");
        QTest::addRow("after a comma and a space")
            << QByteArray("Hello, ") << QByteArray("Hello,") << QByteArray(" ");
        QTest::addRow("two trailing spaces")
            << QByteArray("a  ") << QByteArray("a  ") << QByteArray("");
        QTest::addRow("indentation")
            << QByteArray("if x:\n    ") << QByteArray("if x:\n    ") << QByteArray("");
        QTest::addRow("a lone space") << QByteArray(" ") << QByteArray(" ") << QByteArray("");
        QTest::addRow("after punctuation")
            << QByteArray("Hello,") << QByteArray("Hello,") << QByteArray("");
        QTest::addRow("after a newline")
            << QByteArray("a\nwor") << QByteArray("a\n") << QByteArray("wor");
        QTest::addRow("digits") << QByteArray("in 19") << QByteArray("in") << QByteArray(" 19");
        QTest::addRow("letters after digits")
            << QByteArray("x2ab") << QByteArray("x2") << QByteArray("ab");
        QTest::addRow("accented") << QByteArray("le caf\xC3\xA9") << QByteArray("le")
                                  << QByteArray(" caf\xC3\xA9");
        QTest::addRow("two spaces") << QByteArray("a  bc") << QByteArray("a ") << QByteArray(" bc");
        QTest::addRow("too long to heal")
            << QByteArray(60, 'a') << QByteArray(60, 'a') << QByteArray("");
        QTest::addRow("empty") << QByteArray("") << QByteArray("") << QByteArray("");
    }
    void split()
    {
        QFETCH(QByteArray, prompt);
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, prefix);
        const HealingSplit s =
            splitForHealing(std::string_view(prompt.constData(), size_t(prompt.size())));
        QCOMPARE(QByteArray(s.context.data(), qsizetype(s.context.size())), context);
        QCOMPARE(QByteArray(s.prefix.data(), qsizetype(s.prefix.size())), prefix);
    }

    void typedStartLeavesTheRest_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<int>("typed"); // characters of the next word typed after the prompt
        QTest::addRow("prose, after the space") << "The old man looked out of the window and" << 0;
        QTest::addRow("prose, 1 char") << "The old man looked out of the window and" << 1;
        QTest::addRow("prose, 2 chars") << "The old man looked out of the window and" << 2;
        QTest::addRow("letter") << "Dear Sir,\n\nI write to inform you" << 2;
        QTest::addRow("code") << "import numpy as np\n\ndef mean(values):\n    return np." << 2;
    }
    void typedStartLeavesTheRest()
    {
        QFETCH(QString, prompt);
        QFETCH(int, typed);
        const auto &model = m_model;
        Gpt2Session session(model->model());
        GenerationRequest r;
        r.mode = CompletionMode::Word;
        r.sampling.greedy = true;
        r.sampling.repetitionPenalty = 1.0f;
        r.maxTokens = 8;

        r.prompt = prompt.toStdString();
        const std::string word = generate(session, model->tokenizer(), r).text; // e.g. " saw"
        const size_t skip = word.rfind(' ', 0) == 0 ? 1 : 0;                    // the leading space
        QVERIFY2(word.size() > skip + size_t(typed), word.c_str());
        const std::string typedPart = word.substr(0, skip + size_t(typed));

        r.prompt = prompt.toStdString() + typedPart;
        r.tokenHealing = true;
        std::string streamed;
        const GenerationResult healed = generate(
            session, model->tokenizer(), r, {[&](std::string_view t) { streamed += t; }, {}, {}});
        QCOMPARE(healed.text, word.substr(typedPart.size()));
        QCOMPARE(streamed, healed.text);
        QVERIFY(!healed.healedPrefix.empty());
        QCOMPARE(healed.healedPrefix, typedPart);
    }

    // Without healing the same typed start gives the model a token it rarely saw; the
    // engine must still return a clean suggestion (no crash, no prefix repeated).
    void healingOffStillWorks()
    {
        const auto &model = m_model;
        Gpt2Session session(model->model());
        GenerationRequest r;
        r.prompt = "The old man looked out of the window and s";
        r.mode = CompletionMode::Word;
        r.sampling.greedy = true;
        const GenerationResult g = generate(session, model->tokenizer(), r);
        QVERIFY(g.healedPrefix.empty());
        QVERIFY(g.reason == StopReason::Rule || g.reason == StopReason::TokenBudget);
    }

private:
    std::unique_ptr<LanguageModel> m_model;
};

QTEST_APPLESS_MAIN(TestTokenHealing)
#include "tst_token_healing.moc"
