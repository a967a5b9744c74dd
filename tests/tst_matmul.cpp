// The oneDNN matrix products against a naive triple loop in double precision, for the
// shapes and epilogues the GPT-2 forward pass uses, with f32, bf16 and s8 weights.
#include "engine/kernels/matmul.h"
#include "engine/kernels/precision.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using inkling::Matmul;
using inkling::MatmulShape;
using inkling::Precision;
using inkling::WeightType;
using Epilogue = MatmulShape::Epilogue;

Q_DECLARE_METATYPE(Epilogue)
Q_DECLARE_METATYPE(WeightType)

namespace {

// The value a bf16 rounding of x has (round to nearest even), for the oracle.
float roundedToBf16(float x)
{
    uint16_t h;
    inkling::convertToBf16(&x, &h, 1);
    const uint32_t u = uint32_t(h) << 16;
    float r;
    memcpy(&r, &u, sizeof r);
    return r;
}

// Why the engine never runs products of this weight type on this CPU (it falls back to
// f32: no fast kernel, or one that is not exact enough), or empty when it does.
QString notRunHere(WeightType type)
{
    const Precision precision = type == WeightType::S8     ? Precision::S8
                                : type == WeightType::BF16 ? Precision::BF16
                                                           : Precision::F32;
    if (inkling::choosePrecision(precision) == precision)
        return {};
    return QStringLiteral("no fast %1 kernel on this CPU (%2): the engine uses f32 here")
        .arg(QString::fromLatin1(inkling::precisionName(precision)),
             QString::fromStdString(inkling::probeMatmulKernel(precision)));
}

} // namespace

class TestMatmul : public QObject
{
    Q_OBJECT

private slots:
    void matchesNaiveLoop_data()
    {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("transposedB");
        QTest::addColumn<bool>("bias");
        QTest::addColumn<Epilogue>("epilogue");
        QTest::addColumn<WeightType>("type");
        for (auto [type, name] :
             {std::pair(WeightType::F32, "f32"), std::pair(WeightType::BF16, "bf16"),
              std::pair(WeightType::S8, "s8")}) {
            QTest::addRow("%s decode row", name)
                << 1 << 64 << 192 << false << true << Epilogue::None << type;
            QTest::addRow("%s prefill chunk", name)
                << 17 << 32 << 48 << false << true << Epilogue::None << type;
            QTest::addRow("%s gelu", name)
                << 5 << 32 << 128 << false << true << Epilogue::Gelu << type;
            QTest::addRow("%s residual add", name)
                << 3 << 128 << 32 << false << true << Epilogue::Accumulate << type;
            QTest::addRow("%s lm head transposed", name)
                << 2 << 32 << 1000 << true << false << Epilogue::None << type;
            QTest::addRow("%s odd sizes", name)
                << 7 << 13 << 29 << false << false << Epilogue::None << type;
            // One row with K a multiple of 64: the row kernels (row_product.h), ragged N.
            QTest::addRow("%s row kernel", name)
                << 1 << 128 << 200 << false << true << Epilogue::None << type;
            QTest::addRow("%s row kernel gelu", name)
                << 1 << 64 << 130 << false << true << Epilogue::Gelu << type;
            QTest::addRow("%s row kernel residual add", name)
                << 1 << 192 << 64 << false << true << Epilogue::Accumulate << type;
            QTest::addRow("%s row kernel lm head", name)
                << 1 << 64 << 1000 << true << false << Epilogue::None << type;
        }
    }

    void matchesNaiveLoop()
    {
        QFETCH(int, m);
        QFETCH(int, k);
        QFETCH(int, n);
        QFETCH(bool, transposedB);
        QFETCH(bool, bias);
        QFETCH(Epilogue, epilogue);
        QFETCH(WeightType, type);
        if (const QString why = notRunHere(type); !why.isEmpty())
            QSKIP(qPrintable(why));

        std::mt19937 rng(42);
        std::uniform_real_distribution<float> dist(-1.f, 1.f);
        auto random = [&](size_t count) {
            std::vector<float> v(count);
            for (auto &x : v)
                x = dist(rng);
            return v;
        };
        const auto a = random(size_t(m) * k), b = random(size_t(k) * n), bv = random(size_t(n));
        const auto c0 = random(size_t(m) * n);
        std::vector<float> c = c0;

        const Matmul mm({m, k, n, transposedB, bias, epilogue, type});
        const inkling::PackedMatrix packed(b.data(), k, n, transposedB, type);
        mm.run(a.data(), packed, bias ? bv.data() : nullptr, c.data());
        QVERIFY2(mm.implementation().rfind("ref", 0) != 0, mm.implementation().c_str());

        // The oracle sees what the kernel sees: bf16-rounded activations and weights for
        // bf16; for s8, weights quantised per column and activations with one scale for A,
        // or one per row on the AVX2 s8 kernel (S8Plain), or where oneDNN multiplies s8
        // without VNNI (no row kernel) 7 bits unsigned over [min, max] with a zero point
        // (quantiseUnsigned7).
        const bool perRow = packed.rowKernel() == inkling::RowKernel::S8Plain;
        const bool sevenBit = type == WeightType::S8 && inkling::sevenBitChunkActivations() &&
                              packed.rowKernel() == inkling::RowKernel::None;
        std::vector<float> rowScale(size_t(m), 0.f);
        float lo = 0, hi = 0;
        for (int i = 0; i < m; ++i) {
            for (int p = 0; p < k; ++p) {
                const float x = a[size_t(i) * k + p];
                rowScale[size_t(i)] = std::max(rowScale[size_t(i)], std::fabs(x) / 127.f);
                lo = std::min(lo, x);
                hi = std::max(hi, x);
            }
        }
        const float tensorScale = *std::max_element(rowScale.begin(), rowScale.end());
        const float scale7 = (hi - lo) / 127.f, zero7 = std::nearbyint(-lo / scale7);
        const auto aAt = [&](int i, int p) {
            const float x = a[size_t(i) * k + p];
            const float aScale = perRow ? rowScale[size_t(i)] : tensorScale;
            if (sevenBit)
                return (std::clamp(std::nearbyint(x / scale7) + zero7, 0.f, 127.f) - zero7) *
                       scale7;
            if (type == WeightType::S8)
                return std::round(x / aScale) * aScale;
            return type == WeightType::F32 ? x : roundedToBf16(x);
        };
        std::vector<float> colScale(size_t(n), 0.f);
        const auto bRaw = [&](int p, int j) {
            return transposedB ? b[size_t(j) * k + p] : b[size_t(p) * n + j];
        };
        for (int p = 0; p < k; ++p)
            for (int j = 0; j < n; ++j)
                colScale[size_t(j)] = std::max(colScale[size_t(j)], std::fabs(bRaw(p, j)) / 127.f);
        const auto bAt = [&](int p, int j) {
            const float x = bRaw(p, j);
            if (type == WeightType::BF16)
                return roundedToBf16(x);
            if (type == WeightType::S8)
                return std::round(x / colScale[size_t(j)]) * colScale[size_t(j)];
            return x;
        };

        for (int i = 0; i < m; ++i) {
            for (int j = 0; j < n; ++j) {
                double acc = bias ? bv[size_t(j)] : 0.0;
                for (int p = 0; p < k; ++p) {
                    acc += double(aAt(i, p)) * bAt(p, j);
                }
                if (epilogue == Epilogue::Gelu)
                    acc = 0.5 * acc *
                          (1 + std::tanh(std::sqrt(2 / M_PI) * (acc + 0.044715 * acc * acc * acc)));
                if (epilogue == Epilogue::Accumulate)
                    acc += c0[size_t(i) * n + j];
                // f32 accumulation over k ≤ 128 terms of magnitude ≤ 1: error well below
                // 1e-4. S8 sums integers exactly; its two scalings round in f32.
                const double tolerance = 1e-4;
                const double got = c[size_t(i) * n + j];
                if (std::fabs(got - acc) > tolerance)
                    QFAIL(qPrintable(QStringLiteral("C[%1,%2] = %3, expected %4")
                                         .arg(i)
                                         .arg(j)
                                         .arg(got)
                                         .arg(acc)));
            }
        }
    }

    // Weights are packed once for M = 1; every other M must accept that layout.
    void packedLayoutFitsEveryRowCount_data()
    {
        QTest::addColumn<WeightType>("type");
        QTest::addRow("f32") << WeightType::F32;
        QTest::addRow("bf16") << WeightType::BF16;
        QTest::addRow("s8") << WeightType::S8;
    }
    void packedLayoutFitsEveryRowCount()
    {
        QFETCH(WeightType, type);
        if (const QString why = notRunHere(type); !why.isEmpty())
            QSKIP(qPrintable(why));
        for (int m : {1, 2, 7, 33, 64}) {
            const Matmul mm({m, 256, 768, false, true, Epilogue::Gelu, type});
            QVERIFY2(mm.implementation().rfind("ref", 0) != 0, mm.implementation().c_str());
        }
    }

    // A single row runs on the row kernels where the CPU has them; oneDNN multiplying the
    // same row twice over (two rows: its chunk kernel, and for s8 the same scale, since
    // both rows are equal) must give the same numbers. S8 sums integers exactly, so only
    // the final scaling may round differently; bf16 sums in another order.
    void rowKernelAgreesWithOneDnn_data()
    {
        QTest::addColumn<WeightType>("type");
        QTest::addColumn<Epilogue>("epilogue");
        QTest::addColumn<bool>("transposedB");
        for (auto [type, name] :
             {std::pair(WeightType::BF16, "bf16"), std::pair(WeightType::S8, "s8")}) {
            QTest::addRow("%s plain", name) << type << Epilogue::None << false;
            QTest::addRow("%s gelu", name) << type << Epilogue::Gelu << false;
            QTest::addRow("%s accumulate", name) << type << Epilogue::Accumulate << false;
            QTest::addRow("%s transposed", name) << type << Epilogue::None << true;
        }
    }
    void rowKernelAgreesWithOneDnn()
    {
        QFETCH(WeightType, type);
        QFETCH(Epilogue, epilogue);
        QFETCH(bool, transposedB);
        if (const QString why = notRunHere(type); !why.isEmpty())
            QSKIP(qPrintable(why));
        const int k = 768, n = 2000;
        std::mt19937 rng(7);
        std::normal_distribution<float> dist(0.f, 1.f);
        std::vector<float> a(k), b(size_t(k) * n), bias(n), c0(n);
        for (auto *v : {&a, &b, &bias, &c0})
            for (float &x : *v)
                x = dist(rng);
        const inkling::PackedMatrix packed(b.data(), k, n, transposedB, type);
        const Matmul one({1, k, n, transposedB, true, epilogue, type});
        if (packed.rowKernel() == inkling::RowKernel::None)
            QSKIP("this CPU has no row kernel for the type; oneDNN runs single rows");
        QVERIFY(one.implementation(packed).rfind("inkling_row", 0) == 0);

        std::vector<float> twice(a);
        twice.insert(twice.end(), a.begin(), a.end());
        std::vector<float> expected(c0);
        expected.insert(expected.end(), c0.begin(), c0.end());
        const Matmul two({2, k, n, transposedB, true, epilogue, type});
        two.run(twice.data(), packed, bias.data(), expected.data());
        std::vector<float> got(c0);
        one.run(a.data(), packed, bias.data(), got.data());

        for (int j = 0; j < n; ++j) {
            QCOMPARE(expected[size_t(j)], expected[size_t(n + j)]);
            const double tolerance = 1e-4 * std::max(1.0, std::fabs(double(expected[size_t(j)])));
            if (std::fabs(got[size_t(j)] - expected[size_t(j)]) > tolerance)
                QFAIL(qPrintable(QStringLiteral("C[%1] = %2, oneDNN %3")
                                     .arg(j)
                                     .arg(got[size_t(j)])
                                     .arg(expected[size_t(j)])));
        }
    }

    // The AVX2 s8 row kernel (sign trick, oneDNN's plain [K, N] layout) against exact
    // integer sums, with scales 1 so that the result is the int32 sum itself (|sum| <
    // 2^24, exact in f32). The worst cases make every vpmaddubsw pair as large as it gets,
    // 2 · 128 · 127 = 32512 (a = -128, b = -127) or 2 · 127 · 127, and 2 · 128 · 127 with
    // mixed signs: shifted to unsigned bytes as in the VNNI kernel, these would saturate at
    // 32767. Ragged widths exercise the columns past the last group of 32, and the team's
    // split into block ranges [0, s) + [s, end) must give the same columns.
    void s8PlainRowIsExact_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("values"); // random | max | mixed
        QTest::addRow("random 768 x 200") << 768 << 200 << "random";
        QTest::addRow("random 64 x 2100, past one L1 buffer") << 64 << 2100 << "random";
        QTest::addRow("random 4 x 37") << 4 << 37 << "random";
        QTest::addRow("a -128, b -127") << 512 << 96 << "max";
        QTest::addRow("a ±127/-128, b ±127 alternating") << 512 << 131 << "mixed";
    }
    void s8PlainRowIsExact()
    {
        QFETCH(int, k);
        QFETCH(int, n);
        QFETCH(QString, values);
        if (!__builtin_cpu_supports("avx2"))
            QSKIP("this CPU has no AVX2");
        std::mt19937 rng(11);
        std::uniform_int_distribution<int> aDist(-128, 127), bDist(-127, 127);
        std::vector<int8_t> a(static_cast<size_t>(k)), b(size_t(k) * n); // b [K, N]
        for (int p = 0; p < k; ++p) {
            if (values == "random")
                a[size_t(p)] = int8_t(aDist(rng));
            else if (values == "max")
                a[size_t(p)] = -128;
            else
                a[size_t(p)] = int8_t(p % 3 == 0 ? -128 : p % 2 ? 127 : -127);
            for (int j = 0; j < n; ++j) {
                int8_t &w = b[size_t(p) * n + j];
                if (values == "random")
                    w = int8_t(bDist(rng));
                else if (values == "max")
                    w = -127;
                else // same sign as a in the first half of the columns, opposite after
                    w = int8_t((a[size_t(p)] < 0) == (j < n / 2) ? -127 : 127);
            }
        }
        const std::vector<float> ones(size_t(inkling::rowKernelColumns(n)), 1.f);
        const int64_t blocks = inkling::rowKernelBlocks(n), split = blocks / 2;
        std::vector<float> c(size_t(n), -1.f);
        inkling::rowProductS8Plain(a.data(), 1.f, b.data(), ones.data(), k, n, nullptr, false,
                                   c.data(), 0, split);
        inkling::rowProductS8Plain(a.data(), 1.f, b.data(), ones.data(), k, n, nullptr, false,
                                   c.data(), split, blocks);
        for (int j = 0; j < n; ++j) {
            int64_t sum = 0;
            for (int p = 0; p < k; ++p)
                sum += int64_t(a[size_t(p)]) * b[size_t(p) * n + j];
            if (double(c[size_t(j)]) != double(sum))
                QFAIL(qPrintable(QStringLiteral("C[%1] = %2, expected %3")
                                     .arg(j)
                                     .arg(double(c[size_t(j)]), 0, 'f', 0)
                                     .arg(sum)));
        }
    }

    // The same kernel with its epilogue: C = sum · aScale · bScale[n] + bias (+ C).
    void s8PlainRowEpilogue()
    {
        if (!__builtin_cpu_supports("avx2"))
            QSKIP("this CPU has no AVX2");
        const int k = 128, n = 70;
        std::vector<int8_t> a(static_cast<size_t>(k)), b(size_t(k) * n);
        std::vector<float> bScale(size_t(inkling::rowKernelColumns(n)), 0.f),
            bias(static_cast<size_t>(n));
        for (int p = 0; p < k; ++p) {
            a[size_t(p)] = int8_t(p % 5 - 2);
            for (int j = 0; j < n; ++j)
                b[size_t(p) * n + j] = int8_t((p + 3 * j) % 7 - 3);
        }
        for (int j = 0; j < n; ++j) {
            bScale[size_t(j)] = 0.25f * float(j + 1);
            bias[size_t(j)] = float(j) - 10.f;
        }
        std::vector<float> c(size_t(n), 2.f);
        inkling::rowProductS8Plain(a.data(), 0.5f, b.data(), bScale.data(), k, n, bias.data(), true,
                                   c.data(), 0, inkling::rowKernelBlocks(n));
        for (int j = 0; j < n; ++j) {
            int sum = 0;
            for (int p = 0; p < k; ++p)
                sum += a[size_t(p)] * b[size_t(p) * n + j];
            // every term a multiple of 1/8 with |value| < 2^12: exact in f32
            QCOMPARE(c[size_t(j)], float(sum) * 0.5f * bScale[size_t(j)] + bias[size_t(j)] + 2.f);
        }
    }

    void cacheReusesPrimitives()
    {
        inkling::MatmulCache cache;
        const Matmul &first = cache.get({1, 8, 8, false, true, Epilogue::None});
        const Matmul &again = cache.get({1, 8, 8, false, true, Epilogue::None});
        QCOMPARE(&first, &again);
        cache.get({2, 8, 8, false, true, Epilogue::None});
        QCOMPARE(cache.size(), size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestMatmul)
#include "tst_matmul.moc"
