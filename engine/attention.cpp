// Attention written for the shapes of interactive completion: a handful of new rows
// (often one) against up to nCtx cached positions. Each (row, head) pair is
// independent, so they are spread over OpenMP threads; the inner loops are written as
// explicit SIMD reductions and compiled for AVX-512, AVX2 and plain x86-64, picked at
// run time (the build itself targets generic x86-64).
#include "engine/attention.h"

#include <algorithm>
#include <cmath>

namespace inkling {

namespace {

// Not under ThreadSanitizer: the clones' IFUNC resolvers run while the dynamic loader
// relocates the program, before TSan's runtime is set up, yet they are instrumented, so
// every binary would crash before main (any TSan program with target_clones does).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define INKLING_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define INKLING_CLONES
#endif

// Keys and values as stored: f32 as is, bf16 widened (exact) on the fly.
inline float widen(float x)
{
    return x;
}
inline float widen(uint16_t x)
{
    return fromBf16(x);
}

// One query row of one head: o [hd] = softmax(q kᵀ * scale) v over n cached positions
// whose rows are `stride` elements apart. s is scratch for n scores.
template <typename Elem>
INKLING_CLONES void attendHead(const float *__restrict q, const Elem *__restrict K,
                               const Elem *__restrict V, int n, int hd, int stride, float scale,
                               float *__restrict s, float *__restrict o)
{
    float maxScore = -INFINITY;
    for (int j = 0; j < n; ++j) {
        const Elem *kj = K + size_t(j) * stride;
        float dot = 0;
#pragma omp simd reduction(+ : dot)
        for (int d = 0; d < hd; ++d)
            dot += q[d] * widen(kj[d]);
        s[j] = dot * scale;
        maxScore = std::max(maxScore, s[j]);
    }
    float sum = 0;
    for (int j = 0; j < n; ++j) {
        s[j] = std::exp(s[j] - maxScore);
        sum += s[j];
    }
    const float inv = 1.0f / sum;
    std::fill(o, o + hd, 0.0f);
    for (int j = 0; j < n; ++j) {
        const Elem *vj = V + size_t(j) * stride;
        const float p = s[j] * inv;
#pragma omp simd
        for (int d = 0; d < hd; ++d)
            o[d] += p * widen(vj[d]);
    }
}

template <typename Elem>
void attendAll(const float *q, int qStride, const Elem *K, const Elem *V, int C, int nPast, int T,
               int nHead, float *out, float *scores)
{
    const int hd = C / nHead;
    const float scale = 1.0f / std::sqrt(float(hd));
    const int span = nPast + T;
#pragma omp parallel for collapse(2) schedule(static)
    for (int t = 0; t < T; ++t) {
        for (int h = 0; h < nHead; ++h) {
            // Query row t sees positions 0 .. nPast + t.
            attendHead(q + size_t(t) * qStride + h * hd, K + h * hd, V + h * hd, nPast + t + 1,
                       hd, C, scale, scores + (size_t(t) * nHead + h) * span,
                       out + size_t(t) * C + h * hd);
        }
    }
}

} // namespace

void causalAttention(const float *q, int qStride, KvCache &cache, int layer, int nPast, int T,
                     int nHead, float *out, float *scores)
{
    const size_t base = cache.offset(layer, 0);
    if (cache.format == KvFormat::F32)
        attendAll(q, qStride, cache.k.data() + base, cache.v.data() + base, cache.nEmbd, nPast,
                  T, nHead, out, scores);
    else
        attendAll(q, qStride, cache.k16.data() + base, cache.v16.data() + base, cache.nEmbd,
                  nPast, T, nHead, out, scores);
}

} // namespace inkling
