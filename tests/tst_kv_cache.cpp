// The KV cache's two formats and the attention that reads them, against a naive
// double-precision attention over the same (rounded) keys and values.
#include "engine/kernels/attention.h"
#include "engine/kernels/kv_cache.h"

#include <QTest>

#include <cmath>
#include <random>
#include <vector>

using namespace inkling;

Q_DECLARE_METATYPE(KvFormat)

namespace {

// out [T, C] by the definition, in double: softmax over positions 0 .. nPast + t.
std::vector<double> naiveAttention(const std::vector<float> &q, const std::vector<float> &k,
                                   const std::vector<float> &v, int C, int nPast, int T, int nHead)
{
    const int hd = C / nHead;
    std::vector<double> out(size_t(T) * C);
    for (int t = 0; t < T; ++t) {
        for (int h = 0; h < nHead; ++h) {
            const int n = nPast + t + 1;
            std::vector<double> s(static_cast<size_t>(n), 0.0);
            double maxS = -INFINITY;
            for (int j = 0; j < n; ++j) {
                double dot = 0;
                for (int d = 0; d < hd; ++d)
                    dot += double(q[size_t(t) * C + h * hd + d]) * k[size_t(j) * C + h * hd + d];
                s[size_t(j)] = dot / std::sqrt(double(hd));
                maxS = std::max(maxS, s[size_t(j)]);
            }
            double sum = 0;
            for (double &x : s)
                sum += (x = std::exp(x - maxS));
            for (int d = 0; d < hd; ++d) {
                double o = 0;
                for (int j = 0; j < n; ++j)
                    o += s[size_t(j)] / sum * v[size_t(j) * C + h * hd + d];
                out[size_t(t) * C + h * hd + d] = o;
            }
        }
    }
    return out;
}

} // namespace

class TestKvCache : public QObject
{
    Q_OBJECT

private slots:
    // Bit patterns worked out by hand: bf16 keeps the top 16 bits of an IEEE float,
    // rounding the dropped 16 to nearest, ties to even.
    void bf16Rounding_data()
    {
        QTest::addColumn<float>("value");
        QTest::addColumn<int>("bits");
        QTest::addRow("one") << 1.0f << 0x3f80;
        QTest::addRow("minus two and a half") << -2.5f << 0xc020;
        QTest::addRow("zero") << 0.0f << 0x0000;
        QTest::addRow("negative zero") << -0.0f << 0x8000;
        QTest::addRow("tie rounds to even (down)") << (1.0f + 0x1p-8f) << 0x3f80;
        QTest::addRow("tie rounds to even (up)") << (1.0f + 3 * 0x1p-8f) << 0x3f82;
        QTest::addRow("above the tie rounds up") << (1.0f + 0x1p-8f + 0x1p-20f) << 0x3f81;
        QTest::addRow("below the tie rounds down") << (1.0f + 0x1p-8f - 0x1p-20f) << 0x3f80;
        QTest::addRow("large") << 65536.0f << 0x4780;
    }
    void bf16Rounding()
    {
        QFETCH(float, value);
        QFETCH(int, bits);
        QCOMPARE(int(bf16FromFloat(value)), bits);
        // Widening is exact: a bf16 value survives the round trip.
        QCOMPARE(bf16FromFloat(floatFromBf16(uint16_t(bits))), uint16_t(bits));
    }

    void attention_data()
    {
        QTest::addColumn<KvFormat>("format");
        QTest::addColumn<int>("nPast");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("width");
        for (const auto &[format, name] :
             {std::pair{KvFormat::F32, "f32"}, std::pair{KvFormat::BF16, "bf16"}}) {
            // Head widths other than 64: the plain loop.
            QTest::addRow("%s, first token", name) << format << 0 << 1 << 4 << 64;
            QTest::addRow("%s, decode after 100", name) << format << 100 << 1 << 4 << 64;
            QTest::addRow("%s, chunk of 7 after 33", name) << format << 33 << 7 << 2 << 64;
            QTest::addRow("%s, prompt of 64", name) << format << 0 << 64 << 8 << 64;
            // Head width 64, every GPT-2's: the vector path, with partial tiles and
            // a context that ends inside the last tile of a window no multiple of 64.
            QTest::addRow("%s, hd 64, first token", name) << format << 0 << 1 << 2 << 128;
            QTest::addRow("%s, hd 64, decode after 100", name) << format << 100 << 1 << 2 << 128;
            QTest::addRow("%s, hd 64, decode at the window's end", name)
                << format << 298 << 1 << 1 << 64;
            QTest::addRow("%s, hd 64, chunk of 7 after 33", name) << format << 33 << 7 << 3 << 192;
            QTest::addRow("%s, hd 64, chunk of 64 after 200", name)
                << format << 200 << 64 << 2 << 128;
        }
    }
    void attention()
    {
        QFETCH(KvFormat, format);
        QFETCH(int, nPast);
        QFETCH(int, rows);
        QFETCH(int, heads);
        QFETCH(int, width);
        const int C = width, layers = 2, layer = 1, n = nPast + rows, window = 299;
        QVERIFY(n <= window);
        std::mt19937 rng(uint32_t(nPast * 131 + rows * 7 + heads));
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> q(size_t(rows) * C), k(size_t(n) * C), v(size_t(n) * C);
        for (auto *x : {&q, &k, &v})
            for (float &f : *x)
                f = 2.0f * normal(rng);

        KvCache cache(layers, window, C, heads, format);
        // Another layer's keys and stale positions past n must not leak into the result.
        std::vector<float> noise(size_t(C), 1e4f);
        for (int p = 0; p < window; ++p) {
            cache.store(0, p, noise.data(), noise.data());
            if (p >= n)
                cache.store(layer, p, noise.data(), noise.data());
        }
        for (int p = 0; p < n; ++p)
            cache.store(layer, p, k.data() + size_t(p) * C, v.data() + size_t(p) * C);
        std::vector<float> out(size_t(rows) * C), scores(attentionScratchSize(rows, cache));
        causalAttention(q.data(), C, cache, layer, nPast, rows, out.data(), scores.data());

        // The oracle sees the keys and values as the cache holds them ...
        std::vector<float> kStored = k, vStored = v;
        if (format == KvFormat::BF16)
            for (auto *x : {&kStored, &vStored})
                for (float &f : *x)
                    f = floatFromBf16(bf16FromFloat(f));
        const std::vector<double> exact =
            naiveAttention(q, kStored, vStored, C, nPast, rows, heads);
        // ... and, for bf16, also as they were before rounding.
        const std::vector<double> unrounded = naiveAttention(q, k, v, C, nPast, rows, heads);
        double maxErr = 0, maxRounding = 0;
        for (size_t i = 0; i < out.size(); ++i) {
            maxErr = std::max(maxErr, std::abs(out[i] - exact[i]));
            maxRounding = std::max(maxRounding, std::abs(out[i] - unrounded[i]));
        }
        QVERIFY2(maxErr < 1e-4, qPrintable(QString::number(maxErr)));
        if (format == KvFormat::F32)
            QVERIFY2(maxRounding < 1e-4, qPrintable(QString::number(maxRounding)));
        else // 8 significant bits on values of size ~2, logits of size ~10
            QVERIFY2(maxRounding < 0.15, qPrintable(QString::number(maxRounding)));
    }

    void bytesRead()
    {
        QCOMPARE(KvCache(12, 1024, 768, 12, KvFormat::F32).bytesAt(1000),
                 size_t(2) * 12 * 1000 * 768 * 4);
        QCOMPARE(KvCache(12, 1024, 768, 12, KvFormat::BF16).bytesAt(1000),
                 size_t(2) * 12 * 1000 * 768 * 2);
    }
};

QTEST_GUILESS_MAIN(TestKvCache)
#include "tst_kv_cache.moc"
