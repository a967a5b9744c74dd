// Prefix reuse and chunked evaluation over one KV cache.
#include "engine/model/gpt2_session.h"

#include <algorithm>
#include <stdexcept>

namespace inkling {

Gpt2Session::Gpt2Session(const Gpt2Model &model)
    : m_model(model)
    // The reference precision keeps the reference cache; the others round their matmul
    // inputs to bf16 already, and a bf16 cache costs them nothing measurable in quality.
    , m_cache(model.config().nLayer, model.config().nCtx, model.config().nEmbd,
              model.config().nHead,
              model.precision() == Precision::F32 ? KvFormat::F32 : KvFormat::BF16)
    , m_scratch(model.config())
    , m_logits(size_t(model.config().nVocab))
{
    m_tokens.reserve(size_t(model.config().nCtx));
}

void Gpt2Session::reset()
{
    m_tokens.clear();
    m_logitsValid = false;
}

std::span<const float> Gpt2Session::logits() const
{
    if (!m_logitsValid)
        return {};
    return m_logits;
}

Gpt2Session::SyncResult Gpt2Session::setContext(std::span<const int> tokens,
                                                const std::function<bool()> &isCancelled)
{
    const size_t nCtx = size_t(m_model.config().nCtx);
    if (tokens.size() > nCtx)
        tokens = tokens.last(nCtx);
    SyncResult result;
    if (tokens.empty()) {
        reset();
        return result;
    }

    size_t common = 0;
    while (common < m_tokens.size() && common < tokens.size() && m_tokens[common] == tokens[common])
        ++common;
    if (common == tokens.size() && common == m_tokens.size() && m_logitsValid) {
        result.reused = int(common);
        return result;
    }
    // The logits after the last token must be recomputed, so at least one token is
    // evaluated even when the new context is a prefix of the cached one.
    common = std::min(common, tokens.size() - 1);
    m_tokens.resize(common);
    m_logitsValid = false;
    result.reused = int(common);

    size_t pos = common;
    while (pos < tokens.size()) {
        if (isCancelled && isCancelled()) {
            result.cancelled = true;
            return result;
        }
        const size_t n = std::min(tokens.size() - pos, size_t(Gpt2Model::kMaxChunk));
        const bool last = pos + n == tokens.size();
        m_model.forward(tokens.subspan(pos, n), int(pos), m_cache, m_scratch, m_logits.data(),
                        last ? 1 : 0);
        m_tokens.insert(m_tokens.end(), tokens.begin() + pos, tokens.begin() + pos + n);
        pos += n;
        result.evaluated += int(n);
    }
    m_logitsValid = true;
    return result;
}

void Gpt2Session::append(int token)
{
    if (m_tokens.size() >= size_t(m_model.config().nCtx))
        throw std::length_error("Gpt2Session::append: the context window is full");
    const int one[1] = {token};
    m_model.forward(one, int(m_tokens.size()), m_cache, m_scratch, m_logits.data(), 1);
    m_tokens.push_back(token);
    m_logitsValid = true;
}

void Gpt2Session::evaluateAll(std::span<const int> tokens,
                              const std::function<void(int, std::span<const float>)> &onLogits)
{
    const size_t V = size_t(m_model.config().nVocab);
    if (tokens.size() > size_t(m_model.config().nCtx))
        throw std::length_error("Gpt2Session::evaluateAll: longer than the context window");
    reset();
    m_allLogits.resize(size_t(Gpt2Model::kMaxChunk) * V);
    for (size_t pos = 0; pos < tokens.size();) {
        const size_t n = std::min(tokens.size() - pos, size_t(Gpt2Model::kMaxChunk));
        m_model.forward(tokens.subspan(pos, n), int(pos), m_cache, m_scratch, m_allLogits.data(),
                        int(n));
        for (size_t t = 0; t < n; ++t)
            onLogits(int(pos + t), std::span<const float>(m_allLogits.data() + t * V, V));
        m_tokens.insert(m_tokens.end(), tokens.begin() + pos, tokens.begin() + pos + n);
        pos += n;
    }
    if (!tokens.empty()) {
        std::copy_n(m_allLogits.data() + ((tokens.size() - 1) % Gpt2Model::kMaxChunk) * V, V,
                    m_logits.data());
        m_logitsValid = true;
    }
}

} // namespace inkling
