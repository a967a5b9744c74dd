// The GPT-2 forward pass (Radford et al. 2019: pre-LayerNorm blocks, tanh GELU, causal
// attention, final LayerNorm, tied LM head) on oneDNN primitives created once per shape.
#pragma once

#include "engine/gpt2_config.h"
#include "engine/gpt2_weights.h"
#include "engine/kv_cache.h"
#include "engine/layer_norm.h"
#include "engine/matmul.h"

#include <span>
#include <string>

namespace inkling {

// Activation buffers for one chunk of up to Gpt2Model::kMaxChunk tokens, allocated once
// per session so evaluation never allocates.
struct Gpt2Scratch
{
    std::vector<float> x;      // [T, C] residual stream
    std::vector<float> h;      // [T, C] normalised input of a sub-block
    std::vector<float> qkv;    // [T, 3C]
    std::vector<float> att;    // [T, C]
    std::vector<float> fc;     // [T, F]
    std::vector<float> scores; // [T, nHead, nCtx]

    explicit Gpt2Scratch(const Gpt2Config &c);
};

class Gpt2Model
{
public:
    // Prompts are evaluated in chunks of this many tokens: large enough for efficient
    // matrix products, small enough to check for cancellation often.
    static constexpr int kMaxChunk = 64;

    Gpt2Model(const Gpt2Config &config, Gpt2Weights weights);

    const Gpt2Config &config() const { return m_config; }

    // Evaluates tokens (1 ≤ T ≤ kMaxChunk) at positions nPast .. nPast+T-1, storing their
    // keys and values in cache, and writes the logits of the last nLogits rows to
    // logits [nLogits, V]. Not thread-safe: one evaluation at a time per model.
    void forward(std::span<const int> tokens, int nPast, KvCache &cache, Gpt2Scratch &s,
                 float *logits, int nLogits) const;

    // oneDNN's implementation name for the matrix products, e.g. "brg_matmul:avx512_core".
    std::string matmulImplementation() const;

private:
    void block(int layer, int T, int nPast, KvCache &cache, Gpt2Scratch &s) const;

    Gpt2Config m_config;
    Gpt2Weights m_w;
    mutable MatmulCache m_matmuls;
    mutable LayerNormCache m_layerNorms;
};

} // namespace inkling
