// Sampling steps on tiny hand-made distributions with exact expectations.
#include "engine/generation/sampler.h"

#include <QTest>

#include <cmath>
#include <map>

using namespace inkling;

namespace {
std::vector<int> ids(const std::vector<Candidate> &c)
{
    std::vector<int> out;
    for (const auto &x : c)
        out.push_back(x.id);
    return out;
}
} // namespace

class TestSampler : public QObject
{
    Q_OBJECT

private slots:
    void topK_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<std::vector<int>>("expected");
        QTest::addRow("k=1") << 1 << std::vector<int>{2};
        QTest::addRow("k=3") << 3 << std::vector<int>{2, 0, 4};
        QTest::addRow("k=0 keeps all, sorted") << 0 << std::vector<int>{2, 0, 4, 1, 3};
        QTest::addRow("k larger than vocab") << 9 << std::vector<int>{2, 0, 4, 1, 3};
    }
    void topK()
    {
        QFETCH(int, k);
        QFETCH(std::vector<int>, expected);
        const float logits[] = {2.0f, 1.0f, 3.0f, -1.0f, 2.0f}; // ids 0 and 4 tie: lower id first
        auto c = sampling::candidates(logits);
        sampling::topK(c, k);
        QCOMPARE(ids(c), expected);
    }

    void softmaxIsExact()
    {
        const float logits[] = {0.0f, std::log(3.0f)}; // probabilities 1/4, 3/4
        auto c = sampling::candidates(logits);
        sampling::softmax(c);
        QCOMPARE(c[0].id, 1);
        QVERIFY(std::fabs(c[0].p - 0.75f) < 1e-6f);
        QVERIFY(std::fabs(c[1].p - 0.25f) < 1e-6f);
    }

    void topP_data()
    {
        QTest::addColumn<float>("p");
        QTest::addColumn<std::vector<int>>("expected");
        // Probabilities 0.5, 0.25, 0.125, 0.125 for ids 3, 1, 0, 2.
        QTest::addRow("0.5 keeps one") << 0.5f << std::vector<int>{3};
        QTest::addRow("0.6 keeps two") << 0.6f << std::vector<int>{3, 1};
        QTest::addRow("0.75 keeps two") << 0.75f << std::vector<int>{3, 1};
        QTest::addRow("0.8 keeps three") << 0.8f << std::vector<int>{3, 1, 0};
        QTest::addRow("1 keeps all") << 1.0f << std::vector<int>{3, 1, 0, 2};
    }
    void topP()
    {
        QFETCH(float, p);
        QFETCH(std::vector<int>, expected);
        const float l = std::log(2.0f);
        const float logits[] = {0, l, 0, 2 * l};
        auto c = sampling::candidates(logits);
        sampling::softmax(c);
        sampling::topP(c, p);
        QCOMPARE(ids(c), expected);
        double mass = 0;
        for (const auto &x : c)
            mass += x.p;
        QVERIFY(std::fabs(mass - 1.0) < 1e-6); // renormalised
    }

    void repetitionPenalty()
    {
        const float logits[] = {2.0f, -2.0f, 1.0f};
        auto c = sampling::candidates(logits);
        const int recent[] = {0, 1};
        sampling::repetitionPenalty(c, recent, 2.0f);
        QCOMPARE(c[0].logit, 1.0f);  // positive: divided
        QCOMPARE(c[1].logit, -4.0f); // negative: multiplied
        QCOMPARE(c[2].logit, 1.0f);  // not recent: untouched
    }

    void temperature()
    {
        const float logits[] = {2.0f, -1.0f};
        auto c = sampling::candidates(logits);
        sampling::temperature(c, 0.5f);
        QCOMPARE(c[0].logit, 4.0f);
        QCOMPARE(c[1].logit, -2.0f);
    }

    void drawFollowsCumulativeMass_data()
    {
        QTest::addColumn<double>("u");
        QTest::addColumn<int>("expected");
        QTest::addRow("start") << 0.0 << 7;
        QTest::addRow("inside first") << 0.59 << 7;
        QTest::addRow("second") << 0.61 << 8;
        QTest::addRow("last") << 0.95 << 9;
    }
    void drawFollowsCumulativeMass()
    {
        QFETCH(double, u);
        QFETCH(int, expected);
        const std::vector<Candidate> c = {{7, 0, 0.6f}, {8, 0, 0.3f}, {9, 0, 0.1f}};
        QCOMPARE(sampling::draw(c, u), expected);
    }

    void greedyIsArgmax()
    {
        const float logits[] = {0.1f, 5.0f, 4.9f, -3.0f};
        SamplingParams params;
        params.greedy = true;
        params.repetitionPenalty = 1.0f;
        Sampler s(params);
        QCOMPARE(s.sample(logits, {}), 1);
        // With a penalty, the repeated argmax loses to the runner-up.
        params.repetitionPenalty = 1.5f;
        Sampler penalised(params);
        const int history[] = {1};
        QCOMPARE(penalised.sample(logits, history), 2);
        // A constraint that rejects everything yields -1.
        QCOMPARE(s.sample(logits, {}, [](int) { return false; }), -1);
        QCOMPARE(s.sample(logits, {}, [](int id) { return id == 3; }), 3);
    }

    // Same seed, same sequence; the empirical distribution follows the probabilities.
    void seededSamplingIsReproducibleAndFair()
    {
        const float l = std::log(3.0f);
        const float logits[] = {0, l, -100}; // p = 0.25, 0.75, ~0
        SamplingParams params;
        params.temperature = 1.0f;
        params.topK = 0;
        params.topP = 1.0f;
        params.repetitionPenalty = 1.0f;
        params.seed = 1234;
        Sampler a(params), b(params);
        std::map<int, int> counts;
        for (int i = 0; i < 4000; ++i) {
            const int x = a.sample(logits, {});
            QCOMPARE(b.sample(logits, {}), x);
            ++counts[x];
        }
        QCOMPARE(counts[2], 0);
        // 4000 draws at p = 0.75: sd ≈ 27, so ±150 is > 5 sd.
        QVERIFY2(std::abs(counts[1] - 3000) < 150, qPrintable(QString::number(counts[1])));
        params.seed = 99;
        Sampler other(params);
        int differences = 0;
        for (int i = 0; i < 100; ++i)
            differences += other.sample(logits, {}) != a.sample(logits, {});
        QVERIFY(differences > 0);
    }
};

QTEST_APPLESS_MAIN(TestSampler)
#include "tst_sampler.moc"
