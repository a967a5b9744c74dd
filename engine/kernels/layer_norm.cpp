// oneDNN layer_normalization_forward in inference mode with scale and shift.
#include "engine/kernels/layer_norm.h"

#include "engine/kernels/dnnl_context.h"
#include "engine/kernels/target_clones.h"

#include <cmath>

namespace inkling {

LayerNorm::LayerNorm(int64_t rows, int64_t channels, float eps)
{
    const auto &ctx = DnnlContext::instance();
    const dnnl::memory::desc md({rows, channels}, dnnl::memory::data_type::f32,
                                dnnl::memory::format_tag::ab);
    m_pd = dnnl::layer_normalization_forward::primitive_desc(
        ctx.engine, dnnl::prop_kind::forward_inference, md, md, eps,
        dnnl::normalization_flags::use_scale | dnnl::normalization_flags::use_shift);
    m_prim = dnnl::layer_normalization_forward(m_pd);
    const auto none = [&](const dnnl::memory::desc &d) {
        return dnnl::memory(d, ctx.engine, DNNL_MEMORY_NONE);
    };
    m_src = none(m_pd.src_desc());
    m_dst = none(m_pd.dst_desc());
    m_scale = none(m_pd.weights_desc());
    m_shift = none(m_pd.weights_desc());
    m_args = {{DNNL_ARG_SRC, m_src},
              {DNNL_ARG_DST, m_dst},
              {DNNL_ARG_SCALE, m_scale},
              {DNNL_ARG_SHIFT, m_shift}};
}

void LayerNorm::run(const float *src, const float *weight, const float *bias, float *dst) const
{
    // oneDNN takes non-const handles but does not write to sources. The CPU stream runs
    // synchronously (OpenMP runtime): no wait needed before dst is read.
    m_src.set_data_handle(const_cast<float *>(src));
    m_dst.set_data_handle(dst);
    m_scale.set_data_handle(const_cast<float *>(weight));
    m_shift.set_data_handle(const_cast<float *>(bias));
    m_prim.execute(DnnlContext::instance().stream, m_args);
}
INKLING_CLONES void layerNormRow(const float *src, const float *weight, const float *bias,
                                 int64_t channels, float eps, float *dst)
{
    float sum = 0;
#pragma omp simd reduction(+ : sum)
    for (int64_t c = 0; c < channels; ++c)
        sum += src[c];
    const float mean = sum / float(channels);
    float squares = 0;
#pragma omp simd reduction(+ : squares)
    for (int64_t c = 0; c < channels; ++c)
        squares += (src[c] - mean) * (src[c] - mean);
    const float inverse = 1.0f / std::sqrt(squares / float(channels) + eps);
#pragma omp simd
    for (int64_t c = 0; c < channels; ++c)
        dst[c] = (src[c] - mean) * inverse * weight[c] + bias[c];
}

const LayerNorm &LayerNormCache::get(int64_t rows)
{
    auto &slot = m_cache[rows];
    if (!slot)
        slot = std::make_unique<LayerNorm>(rows, m_channels, m_eps);
    return *slot;
}

} // namespace inkling
