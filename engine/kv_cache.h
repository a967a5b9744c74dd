// Keys and values of every past position, per layer, so a new token attends to the
// context without recomputing it.
#pragma once

#include <vector>

namespace inkling {

struct KvCache
{
    int nLayer = 0;
    int nCtx = 0;
    int nEmbd = 0;
    std::vector<float> k; // [nLayer, nCtx, C]: row p holds all heads' keys at position p
    std::vector<float> v; // [nLayer, nCtx, C]

    KvCache(int layers, int ctx, int embd)
        : nLayer(layers)
        , nCtx(ctx)
        , nEmbd(embd)
        , k(size_t(layers) * ctx * embd)
        , v(size_t(layers) * ctx * embd)
    {}

    float *keys(int layer, int pos) { return k.data() + (size_t(layer) * nCtx + pos) * nEmbd; }
    float *values(int layer, int pos) { return v.data() + (size_t(layer) * nCtx + pos) * nEmbd; }
};

} // namespace inkling
