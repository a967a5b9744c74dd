// The oneDNN forward pass against an independent PyTorch GPT-2 (tools/make_tiny_gpt2.py)
// on tiny random checkpoints of several shapes and file dtypes, and KV-cached
// incremental evaluation against full evaluation.
#include "engine/eval/perplexity.h"
#include "engine/model/gpt2_config.h"
#include "engine/model/gpt2_model.h"
#include "engine/model/gpt2_session.h"
#include "engine/model/gpt2_weights.h"
#include "engine/model/safetensors.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <memory>

using namespace inkling;

namespace {

// Both sides compute in f32 from identical weights; only summation order differs. Over
// a few layers with logits of magnitude ≲ 10 that leaves errors around 1e-5, so 2e-4
// absolute catches any real mistake (a wrong mask, bias or layout moves logits by ≫ 0.01).
constexpr float kTolerance = 2e-4f;

struct Case
{
    std::unique_ptr<Gpt2Model> model;
    std::vector<int> tokens;
    std::vector<float> logits; // [T, V]
};

Case loadCase(const QString &name)
{
    const QString dir = QStringLiteral(INKLING_TINY_GPT2_DIR "/") + name;
    Case c;
    const Gpt2Config config = Gpt2Config::fromJsonFile((dir + "/config.json").toStdString());
    c.model = std::make_unique<Gpt2Model>(
        config, Gpt2Weights::load((dir + "/model.safetensors").toStdString(), config));
    QFile tokens(dir + "/tokens.json");
    if (tokens.open(QIODevice::ReadOnly)) {
        for (const auto &v : QJsonDocument::fromJson(tokens.readAll()).array())
            c.tokens.push_back(v.toInt());
    }
    QFile logits(dir + "/logits.f32");
    if (logits.open(QIODevice::ReadOnly)) {
        const QByteArray raw = logits.readAll();
        c.logits.resize(size_t(raw.size()) / sizeof(float));
        memcpy(c.logits.data(), raw.constData(), size_t(raw.size()));
    }
    return c;
}

// Largest |a - b| over one row.
float maxDiff(std::span<const float> a, const float *b)
{
    float worst = 0;
    for (size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::fabs(a[i] - b[i]));
    return worst;
}

} // namespace

class TestGpt2Torch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QFile cases(QStringLiteral(INKLING_TINY_GPT2_DIR "/cases.json"));
        QVERIFY2(cases.open(QIODevice::ReadOnly), "run the make_tiny_gpt2 fixture first");
        for (const auto &v : QJsonDocument::fromJson(cases.readAll()).array())
            m_cases << v.toString();
        QVERIFY(m_cases.size() >= 4);
    }

    // The large matrices are converted when taken (by the model, as it packs them), once,
    // to exactly what converting the file's tensor gives; the rest is read at load.
    void matricesAreConvertedWhenTaken_data() { caseRows(); }
    void matricesAreConvertedWhenTaken()
    {
        QFETCH(QString, name);
        const std::string dir = (QStringLiteral(INKLING_TINY_GPT2_DIR "/") + name).toStdString();
        const Gpt2Config config = Gpt2Config::fromJsonFile(dir + "/config.json");
        Gpt2Weights weights = Gpt2Weights::load(dir + "/model.safetensors", config);
        const auto file = SafetensorsFile::open(dir + "/model.safetensors");
        const std::string prefix = file->find("transformer.wte.weight") ? "transformer." : "";
        for (int l = 0; l < config.nLayer; ++l) {
            const std::string h = prefix + "h." + std::to_string(l) + ".";
            Gpt2LayerWeights &w = weights.layers[size_t(l)];
            for (const auto &[matrix, tensor] :
                 {std::pair(&w.attnWeight, "attn.c_attn.weight"),
                  std::pair(&w.attnProjWeight, "attn.c_proj.weight"),
                  std::pair(&w.fcWeight, "mlp.c_fc.weight"),
                  std::pair(&w.mlpProjWeight, "mlp.c_proj.weight")}) {
                const TensorView *view = file->find(h + tensor);
                QVERIFY(view);
                QVERIFY(matrix->take() == toFloat32(*view));
                QVERIFY(matrix->take().empty()); // once
            }
            QCOMPARE(w.attnBias, toFloat32(*file->find(h + "attn.c_attn.bias")));
        }
    }

    void fullEvaluation_data() { caseRows(); }
    void fullEvaluation()
    {
        QFETCH(QString, name);
        const Case c = loadCase(name);
        const size_t V = size_t(c.model->config().nVocab);
        QCOMPARE(c.logits.size(), c.tokens.size() * V);
        Gpt2Session session(*c.model);
        int rows = 0;
        session.evaluateAll(c.tokens, [&](int pos, std::span<const float> logits) {
            const float d = maxDiff(logits, c.logits.data() + size_t(pos) * V);
            if (d > kTolerance)
                QFAIL(qPrintable(QStringLiteral("position %1: max |diff| %2").arg(pos).arg(d)));
            ++rows;
        });
        QCOMPARE(rows, int(c.tokens.size()));
    }

    // Prompt in one go, then one token at a time, as generation does.
    void incrementalEvaluation_data() { caseRows(); }
    void incrementalEvaluation()
    {
        QFETCH(QString, name);
        const Case c = loadCase(name);
        const size_t V = size_t(c.model->config().nVocab);
        Gpt2Session session(*c.model);
        const size_t prompt = c.tokens.size() / 3;
        const auto sync = session.setContext(std::span(c.tokens).first(prompt));
        QCOMPARE(sync.reused, 0);
        QCOMPARE(sync.evaluated, int(prompt));
        QVERIFY(maxDiff(session.logits(), c.logits.data() + (prompt - 1) * V) <= kTolerance);
        for (size_t t = prompt; t < c.tokens.size(); ++t) {
            session.append(c.tokens[t]);
            const float d = maxDiff(session.logits(), c.logits.data() + t * V);
            if (d > kTolerance)
                QFAIL(qPrintable(QStringLiteral("step %1: max |diff| %2").arg(t).arg(d)));
        }
    }

    // A context that shares a prefix with the cache evaluates only the rest, and gives
    // the same logits as a fresh session evaluating it all.
    void prefixReuse_data() { caseRows(); }
    void prefixReuse()
    {
        QFETCH(QString, name);
        const Case c = loadCase(name);
        const int V = c.model->config().nVocab;
        std::vector<int> first(c.tokens.begin(), c.tokens.begin() + 50);
        std::vector<int> second(c.tokens.begin(), c.tokens.begin() + 37);
        second.push_back((c.tokens[37] + 1) % V); // diverges at position 37
        second.push_back(c.tokens[5]);

        Gpt2Session cached(*c.model);
        cached.setContext(first);
        const auto sync = cached.setContext(second);
        QCOMPARE(sync.reused, 37);
        QCOMPARE(sync.evaluated, 2);

        Gpt2Session fresh(*c.model);
        fresh.setContext(second);
        QVERIFY(maxDiff(cached.logits(), fresh.logits().data()) <= 1e-5f);

        // Same context again: nothing to evaluate. A strict prefix: one token re-run.
        QCOMPARE(cached.setContext(second).evaluated, 0);
        const auto shorter = cached.setContext(std::span(second).first(20));
        QCOMPARE(shorter.reused, 19);
        QCOMPARE(shorter.evaluated, 1);
        QVERIFY(maxDiff(cached.logits(), c.logits.data() + 19 * size_t(V)) <= kTolerance);
    }

    // A context longer than the window keeps its most recent tokens.
    void slidingWindow()
    {
        const Case c = loadCase(m_cases.first());
        const int nCtx = c.model->config().nCtx;
        std::vector<int> longer;
        while (int(longer.size()) < nCtx + 10)
            longer.insert(longer.end(), c.tokens.begin(), c.tokens.end());
        Gpt2Session session(*c.model);
        session.setContext(longer);
        QCOMPARE(int(session.tokens().size()), nCtx);
        QCOMPARE(session.tokens().back(), longer.back());
        QVERIFY_THROWS_EXCEPTION(std::length_error, session.append(1));
    }

    void cancellationBetweenChunks()
    {
        const Case c = loadCase(m_cases.first());
        Gpt2Session session(*c.model);
        int polls = 0;
        const auto sync = session.setContext(c.tokens, [&] { return ++polls > 1; });
        QVERIFY(sync.cancelled);
        QCOMPARE(sync.evaluated, Gpt2Model::kMaxChunk);
        QCOMPARE(int(session.tokens().size()), Gpt2Model::kMaxChunk);
        QVERIFY(session.logits().empty());
    }

    // Perplexity against PyTorch's cross-entropy over the same tokens; a sliding window
    // smaller than the text still scores every token exactly once.
    void perplexityMatchesCrossEntropy_data() { caseRows(); }
    void perplexityMatchesCrossEntropy()
    {
        QFETCH(QString, name);
        const Case c = loadCase(name);
        QFile f(QStringLiteral(INKLING_TINY_GPT2_DIR "/") + name + "/nll.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const double expected =
            QJsonDocument::fromJson(f.readAll()).object().value("mean_nll").toDouble();
        Gpt2Session session(*c.model);
        const PerplexityResult full = perplexity(session, c.tokens);
        QCOMPARE(full.tokens, qint64(c.tokens.size() - 1));
        QVERIFY2(std::fabs(full.meanNll - expected) < 1e-4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(full.meanNll).arg(expected)));
        QVERIFY(std::fabs(full.perplexity - std::exp(expected)) < 1e-3 * std::exp(expected));

        const PerplexityResult windowed = perplexity(session, c.tokens, 24, 8);
        QCOMPARE(windowed.tokens, full.tokens);
        QVERIFY(std::isfinite(windowed.meanNll) && windowed.meanNll > 0);
    }

private:
    void caseRows()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : m_cases)
            QTest::newRow(qPrintable(name)) << name;
    }

    QStringList m_cases;
};

QTEST_APPLESS_MAIN(TestGpt2Torch)
#include "tst_gpt2_torch.moc"
