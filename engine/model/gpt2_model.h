// The GPT-2 forward pass (Radford et al. 2019: pre-LayerNorm blocks, tanh GELU, causal
// attention, final LayerNorm, tied LM head) on oneDNN primitives created once per shape.
#pragma once

#include "engine/kernels/kv_cache.h"
#include "engine/kernels/precision.h"
#include "engine/model/gpt2_config.h"
#include "engine/model/gpt2_weights.h"

#include <cstdint>
#include <memory>
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
    std::vector<float> scores; // [T, nHead, nCtx rounded up to whole tiles]

    explicit Gpt2Scratch(const Gpt2Config &c);
    // What the constructor allocates, without allocating: the memory check before a
    // load counts it (the scores alone grow with nHead × nCtx).
    static double bytesFor(const Gpt2Config &c);
};

class Gpt2Model
{
public:
    // Prompts are evaluated in chunks of this many tokens: large enough for efficient
    // matrix products, small enough to check for cancellation often.
    static constexpr int kMaxChunk = 64;

    // Packs the weight matrices for `precision` (Auto and precisions without a fast
    // oneDNN kernel are resolved by choosePrecision with `probe`) and frees their f32
    // copies. `progress` hears the fraction of layers packed. A test passes a probe that
    // accepts any kernel to run bf16 and s8 on a CPU without fast ones.
    Gpt2Model(const Gpt2Config &config, Gpt2Weights weights, Precision precision = Precision::F32,
              const ProgressCallback &progress = {}, const KernelProbe &probe = probeMatmulKernel);
    Gpt2Model(Gpt2Model &&) noexcept;
    Gpt2Model &operator=(Gpt2Model &&) noexcept;
    ~Gpt2Model();

    const Gpt2Config &config() const { return m_config; }
    // The precision actually in use (never Auto).
    Precision precision() const { return m_precision; }
    // Bytes of the packed matrices, which every decoded token streams from memory once.
    size_t matrixBytes() const;
    // Bytes of every weight the model holds: the packed matrices, the embedding tables
    // (wte for the lookup: f32 at f32, bf16 otherwise), norms and biases, counted from
    // the capacities of their buffers (what the allocator really keeps).
    size_t weightBytes() const;

    // Evaluates tokens (1 ≤ T ≤ kMaxChunk) at positions nPast .. nPast+T-1, storing their
    // keys and values in cache, and writes the logits of the last nLogits rows to
    // logits [nLogits, V]. Not thread-safe: one evaluation at a time per model.
    void forward(std::span<const int> tokens, int nPast, KvCache &cache, Gpt2Scratch &s,
                 float *logits, int nLogits) const;

    // What runs the matrix products, e.g. "brg_matmul:avx512_core", or for a single row
    // and for chunks when they differ: "inkling_row:avx512_vnni (one row),
    // brg_matmul:avx10_1_512_amx (chunks)".
    std::string matmulImplementation() const;

private:
    void block(int layer, int T, int nPast, KvCache &cache, Gpt2Scratch &s) const;
    // A single token at position pos (its embedding already in s.x) through every layer
    // on the decode team; the logits [V] when logits is not null (gpt2_decode_step.cpp).
    void decodeStep(int pos, KvCache &cache, Gpt2Scratch &s, float *logits) const;

    // The packed matrices and the oneDNN primitives that multiply them: behind a pointer,
    // so that this header (which the UI reaches through the session) does not pull in
    // dnnl.hpp.
    struct Kernels;

    Gpt2Config m_config;
    Precision m_precision;
    Gpt2Weights m_w; // vectors, norms and embeddings; matrices live in m_kernels
    // wte [V, C] for the embedding lookup when the matrices are not f32 (m_w.wte is then
    // empty): half the bytes (77 MB for 124M, 161 MB for 1.5B), and the embeddings are
    // rounded as the bf16 and s8 products round their inputs anyway.
    std::vector<uint16_t> m_wteBf16;
    std::unique_ptr<Kernels> m_kernels;
};

} // namespace inkling
