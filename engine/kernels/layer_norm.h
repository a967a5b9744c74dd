// LayerNorm over the channel dimension of a [T, C] f32 activation: on oneDNN for a chunk,
// and for the single row of a decode step a plain function that each member of the decode
// team runs on its own copy (cheaper than a barrier).
#pragma once

#include <oneapi/dnnl/dnnl.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>

namespace inkling {

class LayerNorm
{
public:
    LayerNorm(int64_t rows, int64_t channels, float eps);

    // dst [T, C] = (src - mean) / sqrt(var + eps) * weight + bias; src may equal dst.
    void run(const float *src, const float *weight, const float *bias, float *dst) const;

private:
    dnnl::layer_normalization_forward::primitive_desc m_pd;
    dnnl::layer_normalization_forward m_prim;
    // Created once; a call only swaps data handles, so running allocates nothing.
    mutable dnnl::memory m_src, m_dst, m_scale, m_shift;
    mutable std::unordered_map<int, dnnl::memory> m_args;
};

// dst [C] = (src - mean) / sqrt(var + eps) * weight + bias for one row, in the calling
// thread: mean first, then the variance about it (two passes, as oneDNN computes it, so
// that a large mean does not cancel the variance's digits).
void layerNormRow(const float *src, const float *weight, const float *bias, int64_t channels,
                  float eps, float *dst);

// One primitive per row count; the channel count and eps are fixed per model.
class LayerNormCache
{
public:
    LayerNormCache(int64_t channels, float eps)
        : m_channels(channels)
        , m_eps(eps)
    {}
    const LayerNorm &get(int64_t rows);

private:
    int64_t m_channels;
    float m_eps;
    std::map<int64_t, std::unique_ptr<LayerNorm>> m_cache;
};

} // namespace inkling
