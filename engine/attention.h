// Causal multi-head attention of T new query rows against the KV cache.
#pragma once

#include "engine/kv_cache.h"

namespace inkling {

// out [T, C] = softmax(q kᵀ / sqrt(hd)) v per head, where query row t sits at position
// nPast + t and sees cached positions 0 .. nPast + t. q has row stride qStride.
// scores is scratch of at least T * nHead * (nPast + T) floats.
void causalAttention(const float *q, int qStride, KvCache &cache, int layer, int nPast, int T,
                     int nHead, float *out, float *scores);

} // namespace inkling
