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

    // Evaluates one more token. Throws std::length_error when the window is full.
    void append(int token);

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
    std::vector<float> m_allLogits; // [kMaxChunk, V], for evaluateAll
    bool m_logitsValid = false;
};

} // namespace inkling
