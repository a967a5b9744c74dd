// The document's own words (DocumentCache): its counts by hand on a small text, the
// incremental update against a cache built afresh from the same text after every edit
// of a random sequence, the mixture by hand, and, with the embedded model, a name that
// only the document's far past holds (outside the model's window) suggested with the
// cache and not without it.
#include "engine/generation/document_cache.h"
#include "engine/generation/generator.h"
#include "engine/model/language_model.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace inkling;

namespace {

const char *const kEmbedded = INKLING_SOURCE_DIR "/resources/models/inkling-tiny";

std::string devText(const char *name)
{
    QFile f(QStringLiteral(INKLING_TEST_DATA_DIR "/devset/tune/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

// A prediction in a comparable form: its order and the (token, count) pairs sorted.
std::pair<int, std::vector<std::pair<int, int>>> sorted(DocumentCache::Prediction p)
{
    std::sort(p.next.begin(), p.next.end());
    return {p.order, p.next};
}

} // namespace

class TestDocumentCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_model = LanguageModel::load(kEmbedded, Precision::F32); }
    void cleanupTestCase() { m_model.reset(); }

    // Two lines share "The cat sat on the": after it came " mat" once and " hat" once;
    // after the whole first line's six tokens before "." only " mat".
    void countsByHand()
    {
        const Tokenizer &tok = m_model->tokenizer();
        DocumentCache cache;
        cache.update(tok, "The cat sat on the mat.\nThe cat sat on the hat.\n");
        QCOMPARE(cache.lineCount(), size_t(2));
        const std::vector<int> context = tok.encode("The cat sat on the");
        QCOMPARE(context.size(), size_t(5));
        const DocumentCache::Prediction p = cache.predict(context);
        QCOMPARE(p.order, 5);
        QCOMPARE(p.total, 2);
        QCOMPARE(sorted(p).second,
                 (std::vector<std::pair<int, int>>{
                     {std::min(tok.encode(" mat")[0], tok.encode(" hat")[0]), 1},
                     {std::max(tok.encode(" mat")[0], tok.encode(" hat")[0]), 1}}));
        // A context the text never continued: nothing, however long.
        QCOMPARE(cache.predict(tok.encode("dog barked")).order, 0);
        // The longest suffix that occurs: "...on the" is in the text, "sofa, on the" not.
        QCOMPARE(cache.predict(tok.encode("The sofa, on the")).order, 2);
        // Lines taken out take their counts with them.
        cache.update(tok, "The cat sat on the mat.\n");
        const DocumentCache::Prediction q = cache.predict(context);
        QCOMPARE(q.total, 1);
        QCOMPARE(q.next.front().first, tok.encode(" mat")[0]);
        cache.update(tok, "");
        QCOMPARE(cache.predict(context).order, 0);
        QCOMPARE(cache.tokenCount(), size_t(0));
    }

    // After each of a random sequence of edits (insertions and deletions anywhere, of
    // words, lines and whole paragraphs, as typing, pasting and undo make them), the
    // incrementally kept cache predicts exactly what one built afresh from the same text
    // does, for every context the text holds.
    void incrementalEqualsFresh()
    {
        const Tokenizer &tok = m_model->tokenizer();
        std::string text = devText("letter-1801-jefferson.txt") + devText("code-semver.h");
        QVERIFY(text.size() > 2000);
        const std::string pool = devText("essay-1865-ruskin.txt");
        QRandomGenerator rng(4242);
        DocumentCache incremental;
        incremental.update(tok, text);
        for (int edit = 0; edit < 60; ++edit) {
            const size_t at = rng.bounded(quint32(text.size() + 1));
            if (rng.bounded(2) == 0 && !text.empty()) {
                text.erase(at, rng.bounded(1, 200)); // may cut a UTF-8 character: bytes too
            } else {
                const size_t from = rng.bounded(quint32(pool.size() - 300));
                text.insert(at, pool.substr(from, rng.bounded(1, 300)));
            }
            incremental.update(tok, text);
            DocumentCache fresh;
            fresh.update(tok, text);
            QCOMPARE(incremental.lineCount(), fresh.lineCount());
            QCOMPARE(incremental.tokenCount(), fresh.tokenCount());
            const std::vector<int> tokens = tok.encode(text);
            for (size_t end = 1; end <= tokens.size(); end += 7) {
                const std::span<const int> context(tokens.data(), end);
                QCOMPARE(sorted(incremental.predict(context)), sorted(fresh.predict(context)));
            }
        }
    }

    // p = (1 − λ) p_model + λ p_cache: four equally likely tokens, the document's vote all
    // for token 2 after a context of three tokens (λ = kWeights[3]).
    void mixtureByHand()
    {
        std::vector<float> logits = {1.5f, 1.5f, 1.5f, 1.5f};
        DocumentCache::Prediction p;
        p.order = 3;
        p.total = 4;
        p.next = {{2, 3}, {0, 1}}; // q = 0.75 for token 2, 0.25 for token 0
        DocumentCache::mix(logits, p);
        const double lambda = DocumentCache::kWeights[3];
        double z = 0;
        for (float l : logits)
            z += std::exp(double(l));
        const double expected[4] = {(1 - lambda) * 0.25 + lambda * 0.25, (1 - lambda) * 0.25,
                                    (1 - lambda) * 0.25 + lambda * 0.75, (1 - lambda) * 0.25};
        for (int t = 0; t < 4; ++t)
            QVERIFY2(std::abs(std::exp(double(logits[size_t(t)])) / z - expected[t]) < 1e-6,
                     qPrintable(QString::number(t)));
        // No match: the logits stay the model's.
        std::vector<float> same = {0.5f, -1.0f};
        DocumentCache::mix(same, DocumentCache::Prediction{});
        QCOMPARE(same, (std::vector<float>{0.5f, -1.0f}));
    }

    // A name the writer used once, at the start of a document that has since run far past
    // the model's window: the cache remembers what followed "wrote to Mr." there.
    void farNameIsSuggested()
    {
        const Tokenizer &tok = m_model->tokenizer();
        std::string document = "I wrote to Mr. Featherstonehaugh about the house.\n\n";
        for (const char *name : {"technical-1861-beeton.txt", "fiction-1896-jewett.txt",
                                 "essay-1865-ruskin.txt", "fiction-1891-garland.txt"})
            document += devText(name) + "\n\n";
        const std::string prompt = document + "Yesterday I wrote to Mr.";
        QVERIFY(tok.encode(document).size() > size_t(m_model->config().nCtx) + 100);

        DocumentCache cache;
        cache.update(tok, document); // the document without the line being written
        GenerationRequest request;
        request.prompt = prompt;
        request.mode = CompletionMode::Sentence;
        request.maxTokens = 8;
        request.sampling.greedy = true;
        Gpt2Session session(m_model->model());
        const std::string without = generate(session, tok, request).text;
        request.documentCache = &cache;
        const GenerationResult with = generate(session, tok, request);
        qInfo("without the cache: \"%s\"; with it: \"%s\" (first word %.2f)", without.c_str(),
              with.text.c_str(), with.firstWordConfidence);
        QVERIFY2(with.text.starts_with(" Featherstonehaugh"), with.text.c_str());
        QVERIFY(without.find("Featherstonehaugh") == std::string::npos);
    }

private:
    std::unique_ptr<LanguageModel> m_model;
};

QTEST_GUILESS_MAIN(TestDocumentCache)
#include "tst_document_cache.moc"
