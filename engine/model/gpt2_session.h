// A conversation with the model: the tokens whose keys and values are cached, and the
// logits after the last of them. A new context reuses the longest common prefix.
#pragma once

#include "engine/model/gpt2_model.h"

#include <functional>
#include <span>
#include <vector>

namespace inkling {

class Gpt2Session
{
public:
    explicit Gpt2Session(const Gpt2Model &model);

    struct SyncResult
    {
        int reused = 0;    // tokens whose cached keys and values were kept
        int evaluated = 0; // tokens run through the model
        bool cancelled = false;
    };

    // Makes the cache hold `tokens` (only the most recent nCtx if longer), evaluating
    // only what differs from the cached tokens, in chunks. isCancelled is polled between
    // chunks; when it returns true, the cache keeps what was evaluated so far.
    SyncResult setContext(std::span<const int> tokens,
                          const std::function<bool()> &isCancelled = {});

    // Evaluates one more token. Throws std::length_error when the window is full. With a
    // draft model set, a token the draft predicted and this model verified costs no
    // evaluation, and appending another one drafts the tokens after it (setDraft).
    void append(int token);

    // Speculative decoding (Leviathan et al. 2023, the greedy case), exact by
    // construction: appending a token also asks `draft` (a smaller model with the same
    // vocabulary, e.g. the embedded one) for its greedy next `k` tokens and evaluates the
    // token and the drafts here in one chunk, keeping the logits after each. Whoever then
    // appends what the draft guessed gets these logits with no evaluation, while the
    // choice of every token stays the caller's, made from this model's logits: the
    // output is the same with and without a draft (up to the rounding of a chunk's matrix
    // products against a single row's). A wrong guess costs the draft's steps and a
    // chunk's extra rows. When too few guesses are taken (fewer than one in four of the
    // last rounds' drafts), drafting pauses (32 tokens, twice as long each time again) and then
    // tries again, so a draft that does not help costs little. nullptr or k = 0: no drafting; nor
    // at bf16 and s8 (see the definition), where drafting() stays false.
    void setDraft(Gpt2Session *draft, int k);
    bool drafting() const { return m_draft && m_draftK > 0; }
    struct DraftStats
    {
        int rounds = 0;   // chunks evaluated with drafts
        int drafted = 0;  // tokens the draft proposed
        int accepted = 0; // of them, appended by the caller next
    };
    const DraftStats &draftStats() const { return m_draftStats; }

    // Logits [V] after the last cached token; empty before any token.
    std::span<const float> logits() const;
    const std::vector<int> &tokens() const { return m_tokens; }
    const Gpt2Model &model() const { return m_model; }
    void reset();

    // Evaluates `tokens` from position 0 (≤ nCtx) and hands the logits after each
    // position to onLogits(position, logits [V]). Replaces the cached context.
    void evaluateAll(std::span<const int> tokens,
                     const std::function<void(int, std::span<const float>)> &onLogits);

private:
    const Gpt2Model &m_model;
    KvCache m_cache;
    Gpt2Scratch m_scratch;
    std::vector<int> m_tokens;
    std::vector<float> m_logits;    // [V]
    std::vector<float> m_allLogits; // [kMaxChunk, V], for evaluateAll and the drafts
    bool m_logitsValid = false;
    // Appends token with drafts after it; false when drafting is paused (not appended).
    bool appendDrafting(int token);
    void dropDrafts() { m_ahead.clear(), m_aheadNext = 0; }

    Gpt2Session *m_draft = nullptr;
    int m_draftK = 0;
    // Drafted tokens verified in the cache after m_tokens, the logits after each in
    // m_allLogits rows 1.. (row 0: after the appended token); m_aheadNext: the next one.
    std::vector<int> m_ahead;
    size_t m_aheadNext = 0;
    DraftStats m_draftStats;
    // Recent rounds' drafted and accepted tokens (decayed), and appends left to pause.
    double m_recentDrafted = 0, m_recentAccepted = 0;
    int m_recentRounds = 0;
    int m_pause = 0;
    static constexpr int kFirstPause = 32, kMaxPause = 1024;
    int m_pauseLength = kFirstPause; // the next pause's
};

} // namespace inkling
