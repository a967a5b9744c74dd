// Keys and values of every past position, per layer, so a new token attends to the
// context without recomputing it. Held in f32 (the reference) or bf16: at long contexts
// a decode step reads the whole cache once per token (74 MB at 1000 positions for 124M
// in f32, a third of the bf16 weights), so halving it is the next-largest saving after
// the weights; bf16 keeps the 8 exponent bits, so only the mantissa is rounded.
#pragma once

#include "engine/kernels/bf16.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace inkling {

enum class KvFormat { F32, BF16 };

struct KvCache
{
    int nLayer = 0;
    int nCtx = 0;
    int nEmbd = 0;
    int nHead = 1;
    // Positions per key row: nCtx rounded up to whole tiles of kTile, so attention may
    // compute a full tile of scores past the last position without leaving the row.
    int ctxStride = 0;
    static constexpr int kTile = 64;
    KvFormat format = KvFormat::F32;
    // Keys transposed per head, [nLayer, nHead, hd, ctxStride]: the keys of consecutive
    // positions lie side by side, so one vector instruction scores 16 positions. Values
    // as rows, [nLayer, nCtx, C]: a position's value row is what attention accumulates.
    // Only the pair of the cache's format is allocated.
    std::vector<float> k, v;
    std::vector<uint16_t> k16, v16;

    KvCache(int layers, int ctx, int embd, int heads, KvFormat fmt = KvFormat::F32)
        : nLayer(layers)
        , nCtx(ctx)
        , nEmbd(embd)
        , nHead(heads)
        , ctxStride(strideFor(ctx))
        , format(fmt)
    {
        const size_t keys = size_t(layers) * size_t(ctxStride) * size_t(embd);
        const size_t values = size_t(layers) * size_t(ctx) * size_t(embd);
        if (fmt == KvFormat::F32) {
            k.resize(keys);
            v.resize(values);
        } else {
            k16.resize(keys);
            v16.resize(values);
        }
    }

    static int strideFor(int ctx) { return (ctx + kTile - 1) / kTile * kTile + 16; }
    int headDim() const { return nEmbd / nHead; }
    // Where head h's transposed keys of a layer start ([hd, ctxStride]).
    size_t keyOffset(int layer, int head) const
    {
        return (size_t(layer) * nHead + size_t(head)) * size_t(headDim()) * size_t(ctxStride);
    }
    // Where the value row [C] of a position starts.
    size_t valueOffset(int layer, int pos) const { return (size_t(layer) * nCtx + pos) * nEmbd; }

    // Stores the key and value rows [C] of one position.
    void store(int layer, int pos, const float *key, const float *value)
    {
        storeHeads(layer, pos, key, value, 0, nHead);
    }

    // The same for heads [h0, h1) only (a member of the decode team stores its own).
    void storeHeads(int layer, int pos, const float *key, const float *value, int h0, int h1)
    {
        // Key element (h, d) goes to column pos of row d of head h; the value row as is.
        const auto put = [&](auto *keys, auto *values, auto convert) {
            const int hd = headDim();
            for (int h = h0; h < h1; ++h)
                for (int d = 0; d < hd; ++d)
                    keys[keyOffset(layer, h) + size_t(d) * ctxStride + pos] =
                        convert(key[h * hd + d]);
            values += valueOffset(layer, pos);
            for (int i = h0 * hd; i < h1 * hd; ++i)
                values[i] = convert(value[i]);
        };
        if (format == KvFormat::F32)
            put(k.data(), v.data(), [](float x) { return x; });
        else
            put(k16.data(), v16.data(), bf16FromFloat);
    }

    // Bytes a decode step reads at context n (both keys and values, all layers).
    size_t bytesAt(int n) const
    {
        return 2 * size_t(nLayer) * size_t(n) * size_t(nEmbd) *
               (format == KvFormat::F32 ? sizeof(float) : sizeof(uint16_t));
    }
};

} // namespace inkling
