// The sampling steps; each is deterministic given its inputs (the draw takes u).
#include "engine/generation/sampler.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace inkling {

namespace sampling {

namespace {
bool byLogit(const Candidate &a, const Candidate &b)
{
    return a.logit > b.logit || (a.logit == b.logit && a.id < b.id);
}
} // namespace

std::vector<Candidate> candidates(std::span<const float> logits)
{
    std::vector<Candidate> c;
    c.reserve(logits.size());
    for (size_t i = 0; i < logits.size(); ++i)
        c.push_back({int(i), logits[i]});
    return c;
}

void repetitionPenalty(std::vector<Candidate> &c, std::span<const int> recent, float penalty)
{
    if (penalty == 1.0f || recent.empty())
        return;
    const std::unordered_set<int> seen(recent.begin(), recent.end());
    for (auto &x : c) {
        if (seen.count(x.id))
            x.logit = x.logit > 0 ? x.logit / penalty : x.logit * penalty;
    }
}

void temperature(std::vector<Candidate> &c, float t)
{
    if (t <= 0 || t == 1.0f)
        return;
    for (auto &x : c)
        x.logit /= t;
}

void topK(std::vector<Candidate> &c, int k)
{
    if (k > 0 && size_t(k) < c.size()) {
        std::partial_sort(c.begin(), c.begin() + k, c.end(), byLogit);
        c.resize(size_t(k));
    } else {
        std::sort(c.begin(), c.end(), byLogit);
    }
}

void softmax(std::vector<Candidate> &c)
{
    if (c.empty())
        return;
    std::sort(c.begin(), c.end(), byLogit);
    const float maxLogit = c.front().logit;
    double sum = 0;
    for (auto &x : c) {
        x.p = std::exp(x.logit - maxLogit);
        sum += x.p;
    }
    for (auto &x : c)
        x.p = float(x.p / sum);
}

void topP(std::vector<Candidate> &c, float p)
{
    if (p >= 1.0f || c.empty())
        return;
    softmax(c);
    double mass = 0;
    size_t keep = 0;
    while (keep < c.size()) {
        mass += c[keep].p;
        ++keep;
        if (mass >= p)
            break;
    }
    c.resize(keep);
    for (auto &x : c)
        x.p = float(x.p / mass);
}

int greedy(const std::vector<Candidate> &c)
{
    if (c.empty())
        return -1;
    return std::min_element(c.begin(), c.end(), byLogit)->id;
}

int draw(const std::vector<Candidate> &c, double u)
{
    if (c.empty())
        return -1;
    double acc = 0;
    for (const auto &x : c) {
        acc += x.p;
        if (u < acc)
            return x.id;
    }
    return c.back().id; // rounding left u above the total mass
}

} // namespace sampling

Sampler::Sampler(const SamplingParams &params)
    : m_params(params)
    , m_rng(params.seed)
{}

int Sampler::sample(std::span<const float> logits, std::span<const int> history,
                    const std::function<bool(int)> &allowed)
{
    using namespace sampling;
    std::vector<Candidate> c = candidates(logits);
    if (allowed)
        std::erase_if(c, [&](const Candidate &x) { return !allowed(x.id); });
    const size_t window = size_t(std::max(0, m_params.repetitionWindow));
    repetitionPenalty(c, history.last(std::min(window, history.size())),
                      m_params.repetitionPenalty);
    if (m_params.greedy)
        return greedy(c);
    temperature(c, m_params.temperature);
    topK(c, m_params.topK);
    topP(c, m_params.topP);
    softmax(c);
    // 53 random bits → a double in [0, 1), identical on every platform for one seed.
    const double u = double(m_rng() >> 11) * 0x1.0p-53;
    return draw(c, u);
}

} // namespace inkling
