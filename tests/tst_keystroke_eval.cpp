// The keystroke replay and the first-word confidence with the embedded model, checked
// as properties: the counts add up, a text that is the model's own continuation is
// mostly accepted, a text built to contradict every suggestion saves nothing, stopping
// a suggestion at its first wrong character changes no count, and the confidence is the
// product of the first word's token probabilities computed here from the logits.
#include "engine/eval/keystroke_eval.h"
#include "engine/model/language_model.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace inkling;

namespace {

SuggestionPolicy greedyPolicy()
{
    // The replay's mechanics, independent of the tuned trigger and threshold defaults.
    SuggestionPolicy p;
    p.sampling.greedy = true;
    p.trigger = TriggerRule::EveryKeystroke;
    p.minConfidence = 0;
    p.timeBudgetMs = 0; // never cut short on a slow machine
    return p;
}

std::string devText(const char *name, size_t maxBytes)
{
    QFile f(QStringLiteral(INKLING_TEST_DATA_DIR "/devset/tune/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    std::string text = f.readAll().toStdString();
    if (text.size() > maxBytes)
        text.resize(text.rfind(' ', maxBytes));
    return text;
}

void verifyCountsAddUp(const KeystrokeStats &s)
{
    QCOMPARE(s.typed + s.acceptedCharacters, s.characters);
    QCOMPARE(s.keystrokes, s.typed + s.acceptKeys);
    QVERIFY(s.shown + s.suppressed <= s.requests);
    QVERIFY(s.wrongShown <= s.shown);
    QVERIFY(s.accepted <= s.shown);
    QVERIFY(s.acceptKeys >= s.accepted);
    QCOMPARE(qsizetype(s.latencyMs.size()), qsizetype(s.shown));
}

} // namespace

class TestKeystrokeEval : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_model = LanguageModel::load(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");
        m_session = std::make_unique<Gpt2Session>(m_model->model());
    }
    void cleanupTestCase()
    {
        m_session.reset();
        m_model.reset();
    }

    void ownContinuationIsMostlyAccepted_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addRow("sentence") << int(CompletionMode::Sentence);
        QTest::addRow("word") << int(CompletionMode::Word);
    }
    void ownContinuationIsMostlyAccepted()
    {
        QFETCH(int, mode);
        const SuggestionPolicy policy = greedyPolicy();
        GenerationRequest r =
            policy.request("The old man looked out of the window and", CompletionMode::Raw);
        r.maxTokens = 60;
        const std::string text = r.prompt + generate(*m_session, m_model->tokenizer(), r).text;
        KeystrokeReplay replay(*m_session, m_model->tokenizer(), CompletionMode(mode), policy);
        const KeystrokeStats s = replay.run(text, policy);
        verifyCountsAddUp(s);
        // The 40 typed characters of the prompt cap what can be saved.
        QVERIFY2(s.savingsPercent() > 50, qPrintable(QString::number(s.savingsPercent())));
        QVERIFY(s.accepted > 0);
    }

    // Built one character at a time to differ from the suggestion shown there: every
    // suggestion is wrong, nothing can be accepted.
    void contradictingTextSavesNothing()
    {
        const SuggestionPolicy policy = greedyPolicy();
        std::string text = "I"; // nothing is suggested before the first character
        for (int i = 0; i < 36; ++i) {
            const GenerationRequest r = policy.request(text, CompletionMode::Word);
            const std::string s = generate(*m_session, m_model->tokenizer(), r).text;
            for (char c : std::string(" e,tq")) {
                if (s.empty() || s[0] != c) {
                    text += c;
                    break;
                }
            }
        }
        KeystrokeReplay replay(*m_session, m_model->tokenizer(), CompletionMode::Word, policy);
        const KeystrokeStats s = replay.run(text, policy);
        verifyCountsAddUp(s);
        QCOMPARE(s.saved(), 0LL);
        QCOMPARE(s.acceptKeys, 0LL);
        // No suggestion survives a keystroke: one request after every character but the last.
        QCOMPARE(s.requests, s.characters - 1);
        QVERIFY2(s.shown > 0, qPrintable(QString::fromStdString(text)));
        QCOMPARE(s.wrongShown, s.shown);
    }

    // The writer never looks past a suggestion's first wrong character, so generating
    // suggestions to their end must give exactly the same counts.
    void stoppingAtTheFirstMismatchIsExact_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addRow("sentence") << int(CompletionMode::Sentence);
        QTest::addRow("word") << int(CompletionMode::Word);
    }
    void stoppingAtTheFirstMismatchIsExact()
    {
        QFETCH(int, mode);
        const std::string text = devText("letter-1801-jefferson.txt", 300);
        QVERIFY(!text.empty());
        const SuggestionPolicy policy = greedyPolicy();
        KeystrokeReplay fast(*m_session, m_model->tokenizer(), CompletionMode(mode), policy, true);
        KeystrokeReplay full(*m_session, m_model->tokenizer(), CompletionMode(mode), policy, false);
        const KeystrokeStats a = fast.run(text, policy), b = full.run(text, policy);
        verifyCountsAddUp(a);
        QCOMPARE(a.keystrokes, b.keystrokes);
        QCOMPARE(a.requests, b.requests);
        QCOMPARE(a.shown, b.shown);
        QCOMPARE(a.wrongShown, b.wrongShown);
        QCOMPARE(a.acceptKeys, b.acceptKeys);
        QVERIFY(a.shown > 0);
    }

    // The app's suggestion cache serves a writer who comes back to a context (Backspace,
    // undo); one who only types on never does, as a suggestion typed along stays shown by
    // itself: the replay with and without remembering is the same keystroke for keystroke
    // and nothing is found remembered (so the cache costs no savings).
    void rememberingChangesNothingWhenTypingOn()
    {
        const std::string text = devText("letter-1801-jefferson.txt", 300);
        const SuggestionPolicy policy = greedyPolicy();
        KeystrokeReplay on(*m_session, m_model->tokenizer(), CompletionMode::Sentence, policy);
        KeystrokeReplay off(*m_session, m_model->tokenizer(), CompletionMode::Sentence, policy);
        off.setRemembering(false);
        const KeystrokeStats a = on.run(text, policy), b = off.run(text, policy);
        verifyCountsAddUp(a);
        QCOMPARE(a.remembered, 0LL);
        QCOMPARE(b.remembered, 0LL);
        QCOMPARE(a.keystrokes, b.keystrokes);
        QCOMPARE(a.shown, b.shown);
        QCOMPARE(a.wrongShown, b.wrongShown);
        QVERIFY(a.shown > 0);
    }

    // A higher threshold shows a subset; above 1 nothing is shown and nothing saved.
    void thresholdSuppresses()
    {
        const std::string text = devText("essay-1941-roosevelt.txt", 250);
        SuggestionPolicy policy = greedyPolicy();
        KeystrokeReplay replay(*m_session, m_model->tokenizer(), CompletionMode::Word, policy);
        long long previousShown = -1;
        for (double threshold : {1.01, 0.5, 0.2, 0.0}) {
            policy.minConfidence = threshold;
            const KeystrokeStats s = replay.run(text, policy);
            verifyCountsAddUp(s);
            if (threshold > 1) {
                QCOMPARE(s.shown, 0LL);
                QCOMPARE(s.keystrokes, s.characters);
            }
            QVERIFY(s.shown >= previousShown);
            previousShown = s.shown;
        }
        QVERIFY(previousShown > 0);
    }

    void deterministic()
    {
        const std::string text = devText("code-union.js", 400);
        SuggestionPolicy policy = greedyPolicy();
        policy.sampling.greedy = false; // seeded sampling must repeat too
        Gpt2Session other(m_model->model());
        KeystrokeReplay a(*m_session, m_model->tokenizer(), CompletionMode::Code, policy);
        KeystrokeReplay b(other, m_model->tokenizer(), CompletionMode::Code, policy);
        const KeystrokeStats x = a.run(text, policy), y = b.run(text, policy);
        QCOMPARE(x.keystrokes, y.keystrokes);
        QCOMPARE(x.shown, y.shown);
        QCOMPARE(x.wrongShown, y.wrongShown);
    }

    // The confidence against the product of softmax probabilities computed here, token
    // by token, for the tokens that spell the first word (no healing: plain softmax).
    void confidenceIsTheFirstWordsProbability_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addRow("prose") << "The old man looked out of the window and";
        QTest::addRow("letter") << "Dear Sir,\n\nI write to";
        QTest::addRow("code") << "def mean(values):\n    return sum(values) /";
    }
    void confidenceIsTheFirstWordsProbability()
    {
        QFETCH(QString, prompt);
        GenerationRequest r =
            greedyPolicy().request(prompt.toStdString(), CompletionMode::Sentence);
        r.tokenHealing = false;
        int confidenceCalls = 0;
        bool textBeforeConfidence = false;
        GenerationCallbacks callbacks;
        callbacks.onConfidence = [&](double) {
            ++confidenceCalls;
        };
        callbacks.onText = [&](std::string_view) {
            textBeforeConfidence |= confidenceCalls == 0;
        };
        const GenerationResult g = generate(*m_session, m_model->tokenizer(), r, callbacks);
        QCOMPARE(confidenceCalls, 1);
        QVERIFY(!textBeforeConfidence);
        QCOMPARE(g.tokenProbabilities.size(), g.tokens.size());

        const size_t wordEnd = nextWordLength(g.text);
        QVERIFY(wordEnd > 0);
        Gpt2Session oracle(m_model->model());
        oracle.setContext(promptTokens(m_model->tokenizer(), r.prompt, 1024, r.maxTokens));
        double expected = 1;
        size_t at = 0;
        for (int id : g.tokens) {
            if (at >= wordEnd)
                break;
            const auto logits = oracle.logits();
            double sum = 0, maxLogit = logits[0];
            for (float l : logits)
                maxLogit = std::max(maxLogit, double(l));
            for (float l : logits)
                sum += std::exp(double(l) - maxLogit);
            expected *= std::exp(double(logits[size_t(id)]) - maxLogit) / sum;
            at += m_model->tokenizer().tokenBytes(id).size();
            oracle.append(id);
        }
        QVERIFY2(std::fabs(g.firstWordConfidence - expected) < 1e-4 * expected + 1e-7,
                 qPrintable(QStringLiteral("%1 vs %2").arg(g.firstWordConfidence).arg(expected)));
        QVERIFY(g.firstWordConfidence > 0 && g.firstWordConfidence <= 1);
    }

    // Document notes (issue #19): a name that only the notes hold is suggested, also when
    // the document is longer than the window, and the notes' tokens lead the prompt.
    void notesNameIsSuggested_data()
    {
        QTest::addColumn<int>("fillerSentences"); // before the sentence with the name
        QTest::addRow("short document") << 0;
        QTest::addRow("document longer than the window") << 150;
    }
    void notesNameIsSuggested()
    {
        QFETCH(int, fillerSentences);
        std::string text;
        for (int i = 0; i < fillerSentences; ++i)
            text += "The sea was grey and the wind came from the north again. ";
        text += "The ship left the harbour at dawn. Captain Quack";
        SuggestionPolicy policy;
        GenerationRequest r = policy.request(text, CompletionMode::Sentence);
        r.minConfidence = 0;
        r.timeBudgetMs = 0; // never cut short on a slow machine
        const GenerationResult without = generate(*m_session, m_model->tokenizer(), r, {});
        QVERIFY2(without.text.rfind("enbush", 0) != 0, without.text.c_str());
        r.notes = "Characters: Zebulon Quackenbush, an old sailor from Maine.";
        const GenerationResult with = generate(*m_session, m_model->tokenizer(), r, {});
        QVERIFY2(with.text.rfind("enbush", 0) == 0,
                 qPrintable(QStringLiteral("\"%1\" (%2 tokens, stop: %3, healed \"%4\")")
                                .arg(QString::fromStdString(with.text))
                                .arg(with.tokens.size())
                                .arg(stopReasonName(with.reason))
                                .arg(QString::fromStdString(with.healedPrefix))));

        const std::vector<int> notes = m_model->tokenizer().encode(r.notes + "\n\n");
        const std::vector<int> ids =
            promptTokens(m_model->tokenizer(), text, 1024, r.maxTokens, r.notes);
        QVERIFY(ids.size() <= size_t(1024 - r.maxTokens));
        QVERIFY(std::equal(notes.begin(), notes.end(), ids.begin()));
    }

    // The gate travels with the request: the generator withholds a suggestion whose first
    // word is less likely than the threshold (nothing streamed, stop reason "withheld"),
    // and keeps one above it. (Thresholds a relative 1e-6 off the confidence: far above
    // the rounding noise of re-evaluating the same prompt, far below any real change.)
    void engineWithholdsBelowTheThreshold_data()
    {
        QTest::addColumn<double>("above"); // threshold = confidence * (1 + above)
        QTest::addColumn<bool>("withheld");
        QTest::addRow("just below the confidence") << -1e-6 << false;
        QTest::addRow("just above it") << 1e-6 << true;
        QTest::addRow("far below it") << -0.5 << false;
    }
    void engineWithholdsBelowTheThreshold()
    {
        QFETCH(double, above);
        QFETCH(bool, withheld);
        GenerationRequest r = greedyPolicy().request("The old man looked out of the window and",
                                                     CompletionMode::Sentence);
        r.tokenHealing = false;
        m_session->reset(); // both runs evaluate the prompt the same way
        const GenerationResult all = generate(*m_session, m_model->tokenizer(), r);
        QVERIFY(!all.text.empty() && all.firstWordConfidence > 0);
        m_session->reset();
        r.minConfidence = all.firstWordConfidence * (1 + above);
        std::string streamed;
        std::vector<double> confidences;
        GenerationCallbacks callbacks;
        callbacks.onConfidence = [&](double p) {
            confidences.push_back(p);
        };
        callbacks.onText = [&](std::string_view t) {
            streamed += t;
        };
        const GenerationResult g = generate(*m_session, m_model->tokenizer(), r, callbacks);
        QCOMPARE(confidences.size(), size_t(1));
        QCOMPARE(confidences[0], all.firstWordConfidence);
        QCOMPARE(g.reason == StopReason::Withheld, withheld);
        QCOMPARE(QString::fromStdString(g.text),
                 withheld ? QString() : QString::fromStdString(all.text));
        QCOMPARE(QString::fromStdString(streamed), QString::fromStdString(g.text));
    }

    // With healing, the typed start of a word is given: the word's probability among the
    // words that start that way is at least its probability before anything was typed.
    void healingRaisesTheConfidenceOfTheSameWord()
    {
        const std::string prompt = "The old man looked out of the window and";
        GenerationRequest r = greedyPolicy().request(prompt, CompletionMode::Word);
        r.tokenHealing = false;
        const GenerationResult plain = generate(*m_session, m_model->tokenizer(), r);
        QVERIFY(plain.text.size() > 2 && plain.text[0] == ' ');
        r.prompt = prompt + plain.text.substr(0, 2); // " s" of " saw"
        r.tokenHealing = true;
        const GenerationResult healed = generate(*m_session, m_model->tokenizer(), r);
        QCOMPARE(healed.text, plain.text.substr(2));
        QVERIFY2(healed.firstWordConfidence >= plain.firstWordConfidence - 1e-6,
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(healed.firstWordConfidence)
                                .arg(plain.firstWordConfidence)));
    }

private:
    std::unique_ptr<LanguageModel> m_model;
    std::unique_ptr<Gpt2Session> m_session;
};

QTEST_APPLESS_MAIN(TestKeystrokeEval)
#include "tst_keystroke_eval.moc"
