// Lines, their tokens and the n-gram counts; the mixture.
#include "engine/generation/document_cache.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace inkling {

namespace {

// The n-gram ending at tokens[end - 1], of `order` tokens, as one key: built backwards
// one token at a time, so the keys of orders 1..kMaxOrder at one position cost one step
// each.
std::uint64_t extend(std::uint64_t key, int token)
{
    std::uint64_t x = key ^ (std::uint64_t(std::uint32_t(token)) + 0x9e3779b97f4a7c15ull);
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    return x;
}

constexpr std::uint64_t kEmptyKey = 0x243f6a8885a308d3ull;

} // namespace

void DocumentCache::clear()
{
    m_lineHashes.clear();
    m_lines.clear();
    m_next.clear();
    m_tokens = 0;
}

void DocumentCache::count(const std::vector<int> &tokens, int delta)
{
    for (size_t i = 1; i < tokens.size(); ++i) {
        std::uint64_t key = kEmptyKey;
        for (size_t order = 1; order <= size_t(kMaxOrder) && order <= i; ++order) {
            key = extend(key, tokens[i - order]);
            std::vector<std::pair<int, int>> &next = m_next[key];
            auto it = std::find_if(next.begin(), next.end(),
                                   [&](const auto &p) { return p.first == tokens[i]; });
            if (it == next.end())
                it = next.insert(next.end(), {tokens[i], 0});
            it->second += delta;
            if (it->second <= 0) {
                next.erase(it);
                if (next.empty())
                    m_next.erase(key);
            }
        }
    }
    m_tokens = size_t(std::int64_t(m_tokens) + delta * std::int64_t(tokens.size()));
}

void DocumentCache::update(const Tokenizer &tokenizer, std::string_view text)
{
    try {
        updateLines(tokenizer, text);
    } catch (...) {
        clear(); // half-counted lines would stay wrong: start afresh next time
        throw;
    }
}

void DocumentCache::updateLines(const Tokenizer &tokenizer, std::string_view text)
{
    // text: lines, each with its '\n' (the last one may have none).
    std::vector<std::string_view> lines;
    std::vector<std::uint64_t> hashes;
    for (size_t at = 0; at < text.size();) {
        const size_t newline = text.find('\n', at);
        const size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
        lines.push_back(text.substr(at, end - at));
        hashes.push_back(std::hash<std::string_view>{}(lines.back()));
        at = end;
    }
    // An edit changes a run of lines: what is the same at both ends stays counted.
    size_t head = 0;
    while (head < hashes.size() && head < m_lineHashes.size() && hashes[head] == m_lineHashes[head])
        ++head;
    size_t tail = 0;
    while (tail < hashes.size() - head && tail < m_lineHashes.size() - head &&
           hashes[hashes.size() - 1 - tail] == m_lineHashes[m_lineHashes.size() - 1 - tail])
        ++tail;
    // Added first, so that a line moved within the run keeps its tokens.
    for (size_t i = head; i < hashes.size() - tail; ++i) {
        Line &line = m_lines[hashes[i]];
        if (line.occurrences++ == 0)
            line.tokens = tokenizer.encode(lines[i]);
        count(line.tokens, +1);
    }
    for (size_t i = head; i < m_lineHashes.size() - tail; ++i) {
        auto it = m_lines.find(m_lineHashes[i]);
        count(it->second.tokens, -1);
        if (--it->second.occurrences == 0)
            m_lines.erase(it);
    }
    m_lineHashes = std::move(hashes);
}

DocumentCache::Prediction DocumentCache::predict(std::span<const int> context) const
{
    Prediction best;
    std::uint64_t key = kEmptyKey;
    for (size_t order = 1; order <= size_t(kMaxOrder) && order <= context.size(); ++order) {
        key = extend(key, context[context.size() - order]);
        const auto it = m_next.find(key);
        if (it == m_next.end())
            break; // a longer context cannot occur where this one does not
        best.order = int(order);
        best.next = it->second;
    }
    best.total = 0;
    for (const auto &[token, n] : best.next)
        best.total += n;
    return best;
}

void DocumentCache::mix(std::span<float> logits, const Prediction &prediction)
{
    const double lambda = kWeights[std::clamp(prediction.order, 0, kMaxOrder)];
    if (lambda <= 0 || prediction.total <= 0 || logits.empty())
        return;
    // log Z of the model's logits: p_model(t) = exp(logit_t − log Z).
    const float maxLogit = *std::max_element(logits.begin(), logits.end());
    double sum = 0;
    for (const float l : logits)
        sum += std::exp(double(l - maxLogit));
    const double logZ = double(maxLogit) + std::log(sum);
    // Dividing every probability by (1 − λ) changes none after normalising: the others
    // keep their logits, a predicted token t gets log((p_model + λ/(1−λ) q_t) Z).
    const double ratio = lambda / (1 - lambda);
    for (const auto &[token, n] : prediction.next) {
        if (token < 0 || size_t(token) >= logits.size())
            continue;
        const double p = std::exp(double(logits[size_t(token)]) - logZ);
        const double q = double(n) / double(prediction.total);
        logits[size_t(token)] = float(logZ + std::log(p + ratio * q));
    }
}

} // namespace inkling
