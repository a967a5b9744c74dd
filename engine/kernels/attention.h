// Causal multi-head attention of T new query rows against the KV cache.
#pragma once

#include "engine/kernels/kv_cache.h"

#include <cstddef>

namespace inkling {

// out [T, C] = softmax(q kᵀ / sqrt(hd)) v per head, where query row t sits at position
// nPast + t and sees cached positions 0 .. nPast + t (which must all be stored). q has
// row stride qStride. scores is scratch of attentionScratchSize(T, cache) floats.
// Heads [headBegin, headEnd) only, in the calling thread, when given (a member of the
// decode team takes a share); otherwise every head, over OpenMP threads.
void causalAttention(const float *q, int qStride, const KvCache &cache, int layer, int nPast, int T,
                     float *out, float *scores, int headBegin = -1, int headEnd = -1);

size_t attentionScratchSize(int T, const KvCache &cache);

} // namespace inkling
