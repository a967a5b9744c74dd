// The bf16 and s8 weight paths against the f32 path (itself checked against PyTorch by
// tst_gpt2_torch and tst_gpt2_reference): logits on the tiny PyTorch checkpoints and the
// embedded model, perplexity and greedy continuations of the embedded model, and the
// choice of precision from what oneDNN's kernels are.
#include "engine/eval/perplexity.h"
#include "engine/generation/generator.h"
#include "engine/kernels/precision.h"
#include "engine/model/gpt2_model.h"
#include "engine/model/gpt2_session.h"
#include "engine/model/gpt2_weights.h"
#include "engine/model/language_model.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

using namespace inkling;
Q_DECLARE_METATYPE(Precision)

namespace {

// Relative RMS error of the logits, rms(a - b) / rms(b). Bf16 keeps 8 significant bits
// (unit roundoff 2^-9 ≈ 0.2 %); rounding both matmul inputs and propagating through a
// few layers gives about 0.5-1 % relative error, so 3 % still catches any wrong layout,
// scale or missing bias (those give errors ≳ 30 %). S8 with per-column scales rounds
// weights to 1/254 of each column's range: a few times bf16's error, hence 8 %.
double toleranceFor(Precision p)
{
    return p == Precision::BF16 ? 0.03 : 0.08;
}

double relativeRms(std::span<const float> a, std::span<const float> b)
{
    double num = 0, den = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        num += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
        den += double(b[i]) * b[i];
    }
    return std::sqrt(num / std::max(den, 1e-30));
}

std::vector<float> allLogits(const Gpt2Model &model, std::span<const int> tokens)
{
    Gpt2Session session(model);
    std::vector<float> out;
    session.evaluateAll(
        tokens, [&](int, std::span<const float> l) { out.insert(out.end(), l.begin(), l.end()); });
    return out;
}

// A fixed public-domain text (Dickens, A Tale of Two Cities, 1859).
const char *const kText =
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was "
    "the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it "
    "was the season of Light, it was the season of Darkness, it was the spring of hope, it "
    "was the winter of despair, we had everything before us, we had nothing before us, we "
    "were all going direct to Heaven, we were all going direct the other way - in short, the "
    "period was so far like the present period, that some of its noisiest authorities "
    "insisted on its being received, for good or for evil, in the superlative degree of "
    "comparison only.\n\nThere were a king with a large jaw and a queen with a plain face, on "
    "the throne of England; there were a king with a large jaw and a queen with a fair face, "
    "on the throne of France. In both countries it was clearer than crystal to the lords of "
    "the State preserves of loaves and fishes, that things in general were settled for ever.\n";

const QString kEmbedded = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");

// Whether this CPU has the instructions for precision's fast kernels, read from
// /proc/cpuinfo (independent of the engine's own probing of oneDNN): then the engine must
// really run that precision, not fall back to f32 and compare f32 with f32.
bool cpuRunsFast(Precision precision)
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray flagsLine = [&] {
        for (QByteArray line = f.readLine(); !line.isEmpty(); line = f.readLine())
            if (line.startsWith("flags"))
                return line;
        return QByteArray();
    }();
    const QList<QByteArray> flags = flagsLine.simplified().split(' ');
    const auto has = [&](const char *flag) {
        return flags.contains(QByteArray(flag));
    };
    if (precision == Precision::BF16)
        return has("avx512_bf16") || has("amx_bf16");
    // s8 sums exactly with VNNI, and with AVX2 alone through the sign-trick row kernel and
    // 7-bit chunk activations (row_product.h, matmul.h)
    if (precision == Precision::S8)
        return has("avx512_vnni") || has("avx_vnni") || has("amx_int8") || has("avx2");
    return true;
}

} // namespace

class TestPrecision : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (Precision p : {Precision::F32, Precision::BF16, Precision::S8})
            m_models[p] = LanguageModel::load(kEmbedded.toStdString(), p);
        QFile cases(QStringLiteral(INKLING_TINY_GPT2_DIR "/cases.json"));
        QVERIFY2(cases.open(QIODevice::ReadOnly), "run the make_tiny_gpt2 fixture first");
        for (const auto &v : QJsonDocument::fromJson(cases.readAll()).array())
            m_cases << v.toString();
    }

    // Auto picks the fastest precision with a real kernel; a "ref:" kernel is never used.
    void fallback_data()
    {
        QTest::addColumn<Precision>("requested");
        QTest::addColumn<QString>("s8Kernel");
        QTest::addColumn<QString>("bf16Kernel");
        QTest::addColumn<Precision>("expected");
        const QString fast = "brg_matmul:avx512_core_bf16", ref = "ref:any";
        const QString none = "unsupported: could not create a primitive descriptor";
        QTest::addRow("auto, both fast") << Precision::Auto << fast << fast << Precision::S8;
        QTest::addRow("auto, s8 ref") << Precision::Auto << ref << fast << Precision::BF16;
        QTest::addRow("auto, bf16 ref") << Precision::Auto << fast << ref << Precision::S8;
        QTest::addRow("auto, none fast") << Precision::Auto << ref << ref << Precision::F32;
        QTest::addRow("s8 fast") << Precision::S8 << fast << ref << Precision::S8;
        QTest::addRow("s8 ref -> bf16") << Precision::S8 << ref << fast << Precision::BF16;
        QTest::addRow("s8 unsupported -> f32") << Precision::S8 << none << none << Precision::F32;
        QTest::addRow("bf16 ref -> f32") << Precision::BF16 << fast << ref << Precision::F32;
        QTest::addRow("bf16 fast") << Precision::BF16 << ref << fast << Precision::BF16;
        QTest::addRow("f32 always") << Precision::F32 << ref << ref << Precision::F32;
    }
    void fallback()
    {
        QFETCH(Precision, requested);
        QFETCH(QString, s8Kernel);
        QFETCH(QString, bf16Kernel);
        QFETCH(Precision, expected);
        const KernelProbe probe = [&](Precision p) {
            return (p == Precision::S8 ? s8Kernel : bf16Kernel).toStdString();
        };
        QCOMPARE(choosePrecision(requested, probe), expected);
    }

    // On this machine: whatever was chosen runs a non-reference kernel.
    void chosenKernelIsNeverReference_data() { precisionRows(); }
    void chosenKernelIsNeverReference()
    {
        QFETCH(Precision, precision);
        const Gpt2Model &model = m_models[precision]->model();
        const std::string impl = model.matmulImplementation();
        QVERIFY2(impl.rfind("ref", 0) != 0 && impl.find(" ref") == std::string::npos, impl.c_str());
        qInfo("%s -> %s, %s", precisionName(precision), precisionName(model.precision()),
              impl.c_str());
        QCOMPARE(precisionFromName(precisionName(precision)), precision);
    }

    void tinyTorchLogits_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Precision>("precision");
        for (const QString &c : m_cases)
            for (Precision p : {Precision::BF16, Precision::S8})
                QTest::addRow("%s %s", qPrintable(c), precisionName(p)) << c << p;
    }
    void tinyTorchLogits()
    {
        QFETCH(QString, name);
        QFETCH(Precision, precision);
        const std::string dir = (QStringLiteral(INKLING_TINY_GPT2_DIR "/") + name).toStdString();
        const Gpt2Config config = Gpt2Config::fromJsonFile(dir + "/config.json");
        const auto weights = Gpt2Weights::load(dir + "/model.safetensors", config);
        const Gpt2Model f32(config, weights, Precision::F32);
        const Gpt2Model low(config, weights, precision);
        std::vector<int> tokens;
        for (int i = 0; i < 70; ++i)
            tokens.push_back((i * 37 + 11) % config.nVocab);
        const auto ref = allLogits(f32, tokens), got = allLogits(low, tokens);
        const double err = relativeRms(got, ref);
        qInfo("%s %s: relative RMS error %.4f", qPrintable(name), precisionName(precision), err);
        QVERIFY2(err <= toleranceFor(precision), qPrintable(QString::number(err)));
        if (cpuRunsFast(precision))
            QCOMPARE(low.precision(), precision);
        QVERIFY(err > 0 || low.precision() == Precision::F32); // really a different path
    }

    // Bf16 and s8 forced on any CPU (a probe that accepts oneDNN's reference kernels;
    // the checkpoints are tiny): the embedding lookup reads wte rounded to bf16 and the
    // model keeps no f32 copy of it. What the model holds beside its packed matrices is
    // counted from the config alone: wte at 2 bytes a value, every other vector
    // (wpe, norms, biases) at 4. At f32 wte stays at 4 bytes. The logits stay within the
    // precision's tolerance of f32: rounding embeddings to bf16 (relative 2^-9) adds less
    // than rounding every matrix input does (checked where the CPU has exact kernels).
    void embeddingStorage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Precision>("precision");
        for (const QString &c : m_cases)
            for (Precision p : {Precision::F32, Precision::BF16, Precision::S8})
                QTest::addRow("%s %s", qPrintable(c), precisionName(p)) << c << p;
    }
    void embeddingStorage()
    {
        QFETCH(QString, name);
        QFETCH(Precision, precision);
        const std::string dir = (QStringLiteral(INKLING_TINY_GPT2_DIR "/") + name).toStdString();
        const Gpt2Config c = Gpt2Config::fromJsonFile(dir + "/config.json");
        const auto weights = Gpt2Weights::load(dir + "/model.safetensors", c);
        // Without AVX-512 oneDNN has no bf16 matmul at all (not even a reference one).
        const std::string kernel = probeMatmulKernel(precision);
        if (precision == Precision::BF16 && kernel.rfind("unsupported", 0) == 0)
            QSKIP(qPrintable(QString::fromStdString("bf16: " + kernel)));
        const KernelProbe anyKernel = [](Precision) {
            return std::string("any");
        };
        const Gpt2Model f32(c, weights, Precision::F32);
        const Gpt2Model model(c, weights, precision, {}, anyKernel);
        QCOMPARE(model.precision(), precision);

        const long long C = c.nEmbd, F = c.innerDim(), wte = (long long)c.nVocab * C;
        const long long matrices = c.nLayer * (C * 3 * C + C * C + C * F + F * C);
        const long long otherVectors = c.parameterCount() - wte - matrices;
        const long long wteBytes = precision == Precision::F32 ? 4 : 2;
        QCOMPARE((long long)(model.weightBytes() - model.matrixBytes()),
                 wteBytes * wte + 4 * otherVectors);

        std::vector<int> tokens;
        for (int i = 0; i < 70; ++i)
            tokens.push_back((i * 37 + 11) % c.nVocab);
        const double err = relativeRms(allLogits(model, tokens), allLogits(f32, tokens));
        qInfo("%s %s (%s): relative RMS error %.4f", qPrintable(name), precisionName(precision),
              kernel.c_str(), err);
        if (precision == Precision::F32)
            QCOMPARE(err, 0.0);
        else if (cpuRunsFast(precision)) // else, before AVX2, saturating int8 products: 11-19 %
            QVERIFY2(err <= toleranceFor(precision), qPrintable(QString::number(err)));
    }

    void embeddedLogits_data() { precisionRows(); }
    void embeddedLogits()
    {
        QFETCH(Precision, precision);
        const auto tokens = m_models[Precision::F32]->tokenizer().encode(kText);
        const auto ref = allLogits(m_models[Precision::F32]->model(), tokens);
        if (cpuRunsFast(precision))
            QCOMPARE(m_models[precision]->model().precision(), precision);
        const auto got = allLogits(m_models[precision]->model(), tokens);
        const double err = relativeRms(got, ref);
        qInfo("embedded %s: relative RMS error %.4f", precisionName(precision), err);
        QVERIFY2(err <= toleranceFor(precision), qPrintable(QString::number(err)));
    }

    // The quality bar: perplexity within 1 % (bf16) and 3 % (s8) of f32.
    void embeddedPerplexity_data() { precisionRows(); }
    void embeddedPerplexity()
    {
        QFETCH(Precision, precision);
        const auto score = [&](Precision p) {
            Gpt2Session session(m_models[p]->model());
            return perplexity(session, m_models[p]->tokenizer(), kText).perplexity;
        };
        const double ref = score(Precision::F32), got = score(precision);
        const double bound = precision == Precision::BF16 ? 0.01 : 0.03;
        qInfo("perplexity f32 %.4f, %s %.4f (%+.2f %%)", ref, precisionName(precision), got,
              100 * (got / ref - 1));
        QVERIFY(std::fabs(got / ref - 1) <= bound);
    }

    // Greedy continuations of reference.json's prompts: most stay the same. Ties and
    // near-ties between the top two tokens may flip under rounding and the sequences
    // then diverge, so the test counts prompts whose first 20 tokens are unchanged.
    void embeddedGreedy_data() { precisionRows(); }
    void embeddedGreedy()
    {
        QFETCH(Precision, precision);
        QFile f(kEmbedded + "/reference.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray samples =
            QJsonDocument::fromJson(f.readAll()).object().value("samples").toArray();
        int same = 0, sameFirst20 = 0;
        for (const auto &s : samples) {
            GenerationRequest request;
            request.prompt = s.toObject().value("prompt").toString().toStdString();
            request.mode = CompletionMode::Raw;
            request.sampling.greedy = true;
            request.sampling.repetitionPenalty = 1.0f;
            request.maxTokens = 40;
            const auto run = [&](Precision p) {
                Gpt2Session session(m_models[p]->model());
                return generate(session, m_models[p]->tokenizer(), request, {}).tokens;
            };
            const auto ref = run(Precision::F32), got = run(precision);
            same += got == ref;
            const size_t n = std::min<size_t>(20, ref.size());
            sameFirst20 += got.size() >= n && std::equal(ref.begin(), ref.begin() + n, got.begin());
        }
        qInfo("%s: %d of %lld continuations identical (40 tokens), %d in the first 20",
              precisionName(precision), same, qlonglong(samples.size()), sameFirst20);
        QVERIFY(2 * sameFirst20 >= samples.size());
    }

private:
    void precisionRows()
    {
        QTest::addColumn<Precision>("precision");
        QTest::addRow("bf16") << Precision::BF16;
        QTest::addRow("s8") << Precision::S8;
    }

    std::map<Precision, std::unique_ptr<LanguageModel>> m_models;
    QStringList m_cases;
};

QTEST_APPLESS_MAIN(TestPrecision)
#include "tst_precision.moc"
