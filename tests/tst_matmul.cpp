// The oneDNN matrix products against a naive triple loop in double precision, for the
// shapes and epilogues the GPT-2 forward pass uses.
#include "engine/matmul.h"

#include <QTest>

#include <cmath>
#include <random>

using inkling::Matmul;
using inkling::MatmulShape;
using Epilogue = MatmulShape::Epilogue;

Q_DECLARE_METATYPE(Epilogue)

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
        QTest::addRow("decode row") << 1 << 64 << 192 << false << true << Epilogue::None;
        QTest::addRow("prefill chunk") << 17 << 32 << 48 << false << true << Epilogue::None;
        QTest::addRow("gelu") << 5 << 32 << 128 << false << true << Epilogue::Gelu;
        QTest::addRow("residual add") << 3 << 128 << 32 << false << true << Epilogue::Accumulate;
        QTest::addRow("lm head transposed") << 2 << 32 << 1000 << true << false << Epilogue::None;
        QTest::addRow("odd sizes") << 7 << 13 << 29 << false << false << Epilogue::None;
    }

    void matchesNaiveLoop()
    {
        QFETCH(int, m);
        QFETCH(int, k);
        QFETCH(int, n);
        QFETCH(bool, transposedB);
        QFETCH(bool, bias);
        QFETCH(Epilogue, epilogue);

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

        const Matmul mm({m, k, n, transposedB, bias, epilogue});
        mm.run(a.data(), b.data(), bias ? bv.data() : nullptr, c.data());
        QVERIFY2(mm.implementation().rfind("ref", 0) != 0, mm.implementation().c_str());

        for (int i = 0; i < m; ++i) {
            for (int j = 0; j < n; ++j) {
                double acc = bias ? bv[size_t(j)] : 0.0;
                for (int p = 0; p < k; ++p) {
                    const float bkj = transposedB ? b[size_t(j) * k + p] : b[size_t(p) * n + j];
                    acc += double(a[size_t(i) * k + p]) * bkj;
                }
                if (epilogue == Epilogue::Gelu)
                    acc = 0.5 * acc *
                          (1 + std::tanh(std::sqrt(2 / M_PI) * (acc + 0.044715 * acc * acc * acc)));
                if (epilogue == Epilogue::Accumulate)
                    acc += c0[size_t(i) * n + j];
                // f32 accumulation over k ≤ 128 terms of magnitude ≤ 1: error well below 1e-4.
                const double got = c[size_t(i) * n + j];
                if (std::fabs(got - acc) > 1e-4)
                    QFAIL(qPrintable(QStringLiteral("C[%1,%2] = %3, expected %4")
                                         .arg(i).arg(j).arg(got).arg(acc)));
            }
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
