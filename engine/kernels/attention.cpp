// Attention written for the shapes of interactive completion: a handful of new rows
// (often one) against up to nCtx cached positions, and prompt chunks of 64 rows. Each
// (head, row) pair is independent, so they are spread over OpenMP threads, a head's rows
// together so that its keys and values stay in the core's L2 cache.
//
// The head width of every GPT-2 is 64; that case runs on 16-wide vectors (GCC/Clang
// vector extensions, compiled for AVX-512, AVX2 and plain x86-64 and picked at run
// time): scores for a tile of 64 positions at once from the transposed keys, exp as a
// polynomial on the vectors, the weighted sum of value rows in registers. Other head
// widths take a plain loop over the same layout.
#include "engine/kernels/attention.h"

#include "engine/kernels/target_clones.h"
#include "engine/kernels/vector_math.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace inkling {

namespace {

constexpr int kTile = KvCache::kTile;

// acc[r] += w[r · wStride] · x [64] for R rows: one load of the 64 values at x serves
// every row. It is both halves of attention: scores (x a row of transposed keys, w the
// queries at one d) and the weighted sum (x a value row, w the rows' probabilities).
template<typename Elem, int R>
[[gnu::always_inline]] inline void addScaledRows(F16 (&acc)[R][4], const Elem *x, const float *w,
                                                 size_t wStride)
{
    F16 v[4];
#pragma GCC unroll 4
    for (int b = 0; b < 4; ++b)
        v[b] = load16(x + 16 * b);
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r) {
        const float wr = w[size_t(r) * wStride];
#pragma GCC unroll 4
        for (int b = 0; b < 4; ++b)
            acc[r][b] += wr * v[b];
    }
}

// dst [r · dstStride .. + 64] = acc[r] · scale[r] for R rows.
template<int R>
[[gnu::always_inline]] inline void storeRows(const F16 (&acc)[R][4], float *dst, size_t dstStride,
                                             const float *scale)
{
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 4
        for (int b = 0; b < 4; ++b)
            store16(dst + size_t(r) * dstStride + 16 * b, acc[r][b] * scale[r]);
}

// Keys and values as stored: f32 as is, bf16 widened (exact) on the fly.
inline float widen(float x)
{
    return x;
}
inline float widen(uint16_t x)
{
    return floatFromBf16(x);
}

// R consecutive query rows (R ≤ 4) of one head of width 64: o_r [64] = softmax(q_r kᵀ ·
// scale) v, where row r sees the first n + r cached positions. Rows are taken together
// so that each key and value loaded from the cache serves all R of them: the loads, not
// the arithmetic, bound attention over a long prompt. kt is the head's transposed keys
// [64, ctxStride]; v its first value row, rows C apart; s is scratch of R rows of
// ctxStride scores; q, o have row strides qStride, C.
template<typename Elem, int R>
INKLING_CLONES void attendRows64(const float *__restrict q, int qStride, const Elem *__restrict kt,
                                 int ctxStride, const Elem *__restrict v, int C, int n, float scale,
                                 float *__restrict s, float *__restrict o)
{
    constexpr int hd = 64;
    const int last = n + R - 1; // positions the last row sees
    float scales[R];
    std::fill(scales, scales + R, scale);
    // Scores, a tile of 64 positions per pass over q; positions past a row's end (inside
    // the padded key rows) are computed and masked below.
    for (int j0 = 0; j0 < last; j0 += kTile) {
        F16 acc[R][4] = {};
        for (int d = 0; d < hd; ++d)
            addScaledRows(acc, kt + size_t(d) * ctxStride + j0, q + d, size_t(qStride));
        storeRows(acc, s + j0, size_t(ctxStride), scales);
    }

    // Softmax per row on whole vectors, up to the last row's end rounded up to 16: lanes
    // past a row's own end are -inf for its maximum and exactly 0 after exp.
    const int width = (last + 15) / 16 * 16;
    float inv[R];
    for (int r = 0; r < R; ++r) {
        float *sr = s + size_t(r) * ctxStride;
        const int nr = n + r;
        std::fill(sr + nr, sr + width, -INFINITY);
        F16 maxes = splat(-INFINITY);
        for (int j0 = 0; j0 < width; j0 += 16) {
            const F16 x = load16(sr + j0);
            maxes = x > maxes ? x : maxes;
        }
        float maxScore = -INFINITY;
        for (int i = 0; i < 16; ++i)
            maxScore = std::max(maxScore, maxes[i]);
        for (int j0 = 0; j0 < width; j0 += 16)
            store16(sr + j0, exp16(load16(sr + j0) - maxScore));
        std::fill(sr + nr, sr + width, 0.0f);
        F16 sums = {};
        for (int j0 = 0; j0 < width; j0 += 16)
            sums += load16(sr + j0);
        float sum = 0;
        for (int i = 0; i < 16; ++i)
            sum += sums[i];
        inv[r] = 1.0f / sum;
    }

    // o_r = Σ_j p_rj v_j, each value row loaded once for all R rows.
    F16 out[R][4] = {};
    for (int j = 0; j < last; ++j)
        addScaledRows(out, v + size_t(j) * C, s + j, size_t(ctxStride));
    storeRows(out, o, size_t(C), inv);
}

// The same for any head width, one position at a time.
template<typename Elem>
void attendRowAnyWidth(const float *q, const Elem *kt, int ctxStride, const Elem *v, int C, int n,
                       int hd, float scale, float *s, float *o)
{
    float maxScore = -INFINITY;
    for (int j = 0; j < n; ++j) {
        float dot = 0;
        for (int d = 0; d < hd; ++d)
            dot += q[d] * widen(kt[size_t(d) * ctxStride + j]);
        s[j] = dot * scale;
        maxScore = std::max(maxScore, s[j]);
    }
    float sum = 0;
    for (int j = 0; j < n; ++j)
        sum += (s[j] = std::exp(s[j] - maxScore));
    const float inv = 1.0f / sum;
    std::fill(o, o + hd, 0.0f);
    for (int j = 0; j < n; ++j)
        for (int d = 0; d < hd; ++d)
            o[d] += s[j] * inv * widen(v[size_t(j) * C + d]);
}

constexpr int kRowsTogether = 4; // query rows per pass over a head's keys and values

// One head's query rows t0 .. t0 + rows - 1 (rows ≤ kRowsTogether); row t sees
// positions 0 .. nPast + t.
template<typename Elem>
void attendGroup(const float *q, int qStride, const Elem *keys, const Elem *values,
                 const KvCache &cache, int layer, int nPast, int T, float *out, float *scores,
                 int h, int t0)
{
    const int C = cache.nEmbd, hd = cache.headDim();
    const float scale = 1.0f / std::sqrt(float(hd));
    const size_t span = size_t(cache.ctxStride);
    const int rows = std::min(kRowsTogether, T - t0);
    const float *qt = q + size_t(t0) * qStride + h * hd;
    const Elem *kt = keys + cache.keyOffset(layer, h);
    const Elem *v = values + cache.valueOffset(layer, 0) + h * hd;
    float *s = scores + (size_t(h) * T + t0) * span; // [nHead, T, span]
    float *o = out + size_t(t0) * C + h * hd;
    const int n = nPast + t0 + 1;
    if (hd != 64) {
        for (int r = 0; r < rows; ++r)
            attendRowAnyWidth(qt + size_t(r) * qStride, kt, cache.ctxStride, v, C, n + r, hd, scale,
                              s + size_t(r) * span, o + size_t(r) * C);
        return;
    }
    switch (rows) {
    case 4:
        attendRows64<Elem, 4>(qt, qStride, kt, cache.ctxStride, v, C, n, scale, s, o);
        break;
    case 3:
        attendRows64<Elem, 3>(qt, qStride, kt, cache.ctxStride, v, C, n, scale, s, o);
        break;
    case 2:
        attendRows64<Elem, 2>(qt, qStride, kt, cache.ctxStride, v, C, n, scale, s, o);
        break;
    default:
        attendRows64<Elem, 1>(qt, qStride, kt, cache.ctxStride, v, C, n, scale, s, o);
        break;
    }
}

// Heads [h0, h1) (-1: all, spread over OpenMP threads).
template<typename Elem>
void attendAll(const float *q, int qStride, const Elem *keys, const Elem *values,
               const KvCache &cache, int layer, int nPast, int T, float *out, float *scores, int h0,
               int h1)
{
    const int groups = (T + kRowsTogether - 1) / kRowsTogether;
    if (h0 >= 0) {
        for (int h = h0; h < h1; ++h)
            for (int g = 0; g < groups; ++g)
                attendGroup(q, qStride, keys, values, cache, layer, nPast, T, out, scores, h,
                            g * kRowsTogether);
        return;
    }
    const int nHead = cache.nHead;
#pragma omp parallel for collapse(2) schedule(static)
    for (int h = 0; h < nHead; ++h)
        for (int g = 0; g < groups; ++g)
            attendGroup(q, qStride, keys, values, cache, layer, nPast, T, out, scores, h,
                        g * kRowsTogether);
}

} // namespace

size_t attentionScratchSize(int T, const KvCache &cache)
{
    return size_t(T) * size_t(cache.nHead) * size_t(cache.ctxStride);
}

void causalAttention(const float *q, int qStride, const KvCache &cache, int layer, int nPast, int T,
                     float *out, float *scores, int headBegin, int headEnd)
{
    if (cache.format == KvFormat::F32)
        attendAll(q, qStride, cache.k.data(), cache.v.data(), cache, layer, nPast, T, out, scores,
                  headBegin, headEnd);
    else
        attendAll(q, qStride, cache.k16.data(), cache.v16.data(), cache, layer, nPast, T, out,
                  scores, headBegin, headEnd);
}

} // namespace inkling
