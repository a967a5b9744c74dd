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
    dropDrafts();
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
    dropDrafts();
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
    if (m_aheadNext < m_ahead.size()) {
        if (m_ahead[m_aheadNext] == token) {
            // Its keys and values are in the cache already, its logits in row aheadNext + 1.
            const size_t V = size_t(m_model.config().nVocab);
            ++m_aheadNext;
            std::copy_n(m_allLogits.data() + m_aheadNext * V, V, m_logits.data());
            m_tokens.push_back(token);
            m_logitsValid = true;
            ++m_draftStats.accepted;
            m_recentAccepted += 1;
            return;
        }
        dropDrafts(); // the cache after m_tokens is overwritten from here on
    }
    if (drafting() && appendDrafting(token))
        return;
    const int one[1] = {token};
    m_model.forward(one, int(m_tokens.size()), m_cache, m_scratch, m_logits.data(), 1);
    m_tokens.push_back(token);
    m_logitsValid = true;
}

void Gpt2Session::setDraft(Gpt2Session *draft, int k)
{
    m_draft = draft;
    // Only where a chunk's row and a single row are computed alike: at f32. At bf16 and
    // s8 a single token runs on the decode team's own kernels and a chunk on oneDNN's,
    // which quantise and round differently (tst_decode_team: up to 0.29 apart on
    // AVX-512), enough to change a near-tied greedy choice: the 124M-shaped random model
    // at s8 took another token after 6 when drafting. Until chunks run the same row
    // arithmetic, drafting is off there.
    m_draftK =
        m_model.precision() == Precision::F32 ? std::clamp(k, 0, Gpt2Model::kMaxChunk - 1) : 0;
    dropDrafts();
    m_recentDrafted = m_recentAccepted = 0;
    m_recentRounds = m_pause = 0;
    m_pauseLength = kFirstPause;
}

bool Gpt2Session::appendDrafting(int token)
{
    // Whether drafting pays: the share of the recent rounds' drafts that were taken
    // (decayed, so the last few rounds count most; each round's own is final by now).
    if (m_pause > 0) {
        --m_pause;
        return false;
    }
    if (m_recentRounds >= 4) {
        if (4 * m_recentAccepted < m_recentDrafted) {
            // Single tokens for a while, then try again from a clean slate; twice as long
            // each time in a row that the draft does not pay.
            m_pause = m_pauseLength;
            m_pauseLength = std::min(2 * m_pauseLength, kMaxPause);
            m_recentRounds = 0;
            m_recentDrafted = m_recentAccepted = 0;
            return false;
        }
        m_pauseLength = kFirstPause;
    }

    const size_t nCtx = size_t(m_model.config().nCtx);
    const size_t V = size_t(m_model.config().nVocab);
    // Room for the token and k drafts in this window, and for the drafts in the draft's,
    // which may be smaller (its setContext keeps the most recent tokens; it then appends
    // all but the last draft).
    const size_t draftCtx = size_t(m_draft->model().config().nCtx);
    const size_t draftContext = std::min(m_tokens.size() + 1, draftCtx);
    const size_t k =
        std::min({size_t(m_draftK), nCtx - m_tokens.size() - 1, draftCtx - draftContext + 1});

    // Drafts after the context and the token: the draft model's own greedy choices, over
    // the ids both vocabularies share.
    std::vector<int> chunk{token};
    if (k > 0) {
        m_tokens.push_back(token); // the draft's context: this session's tokens and the new one
        m_draft->setContext(m_tokens);
        m_tokens.pop_back();
        const size_t shared = std::min(V, size_t(m_draft->model().config().nVocab));
        for (size_t i = 0; i < k; ++i) {
            const std::span<const float> logits = m_draft->logits().first(shared);
            const int next = int(std::max_element(logits.begin(), logits.end()) - logits.begin());
            chunk.push_back(next);
            if (i + 1 < k)
                m_draft->append(next);
        }
    }

    // chunk: [1 + k] tokens at positions size() .. size() + k; logits [1 + k, V].
    m_allLogits.resize(size_t(Gpt2Model::kMaxChunk) * V);
    m_model.forward(chunk, int(m_tokens.size()), m_cache, m_scratch, m_allLogits.data(),
                    int(chunk.size()));
    std::copy_n(m_allLogits.data(), V, m_logits.data());
    m_tokens.push_back(token);
    m_logitsValid = true;
    m_ahead.assign(chunk.begin() + 1, chunk.end());
    m_aheadNext = 0;

    ++m_draftStats.rounds;
    m_draftStats.drafted += int(k);
    ++m_recentRounds;
    m_recentDrafted = 0.75 * m_recentDrafted + double(k);
    m_recentAccepted *= 0.75; // this round's are added as the caller takes them
    return true;
}

void Gpt2Session::evaluateAll(std::span<const int> tokens,
                              const std::function<void(int, std::span<const float>)> &onLogits)
{
    const size_t V = size_t(m_model.config().nVocab);
    if (tokens.size() > size_t(m_model.config().nCtx))
        throw std::length_error("Gpt2Session::evaluateAll: longer than the context window");
    reset();
    m_allLogits.resize(size_t(Gpt2Model::kMaxChunk) * V);
    // (reset() dropped any drafts, whose logits shared m_allLogits)
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
