// Attention written for the shapes of interactive completion: a handful of new rows
// (often one) against up to nCtx cached positions. Each (row, head) pair is
// independent, so they are spread over OpenMP threads.
#include "engine/attention.h"

#include <algorithm>
#include <cmath>

namespace inkling {

void causalAttention(const float *q, int qStride, KvCache &cache, int layer, int nPast, int T,
                     int nHead, float *out, float *scores)
{
    const int C = cache.nEmbd;
    const int hd = C / nHead;
    const float scale = 1.0f / std::sqrt(float(hd));
    const int span = nPast + T;
    const float *K = cache.keys(layer, 0);
    const float *V = cache.values(layer, 0);

#pragma omp parallel for collapse(2) schedule(static)
    for (int t = 0; t < T; ++t) {
        for (int h = 0; h < nHead; ++h) {
            const float *qh = q + size_t(t) * qStride + h * hd; // [hd]
            float *s = scores + (size_t(t) * nHead + h) * span; // [nPast + t + 1]
            const int n = nPast + t + 1;
            float maxScore = -INFINITY;
            for (int j = 0; j < n; ++j) {
                const float *kj = K + size_t(j) * C + h * hd;
                float dot = 0;
                for (int d = 0; d < hd; ++d)
                    dot += qh[d] * kj[d];
                s[j] = dot * scale;
                maxScore = std::max(maxScore, s[j]);
            }
            float sum = 0;
            for (int j = 0; j < n; ++j) {
                s[j] = std::exp(s[j] - maxScore);
                sum += s[j];
            }
            const float inv = 1.0f / sum;
            float *o = out + size_t(t) * C + h * hd; // [hd]
            std::fill(o, o + hd, 0.0f);
            for (int j = 0; j < n; ++j) {
                const float *vj = V + size_t(j) * C + h * hd;
                const float p = s[j] * inv;
                for (int d = 0; d < hd; ++d)
                    o[d] += p * vj[d];
            }
        }
    }
}

} // namespace inkling
