// oneDNN layer_normalization_forward in inference mode with scale and shift.
#include "engine/layer_norm.h"

#include "engine/dnnl_context.h"

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
}

void LayerNorm::run(const float *src, const float *weight, const float *bias, float *dst) const
{
    auto &ctx = DnnlContext::instance();
    const dnnl::memory::desc cMd = m_pd.weights_desc();
    m_prim.execute(ctx.stream,
                   {{DNNL_ARG_SRC, dnnl::memory(m_pd.src_desc(), ctx.engine, const_cast<float *>(src))},
                    {DNNL_ARG_DST, dnnl::memory(m_pd.dst_desc(), ctx.engine, dst)},
                    {DNNL_ARG_SCALE, dnnl::memory(cMd, ctx.engine, const_cast<float *>(weight))},
                    {DNNL_ARG_SHIFT, dnnl::memory(cMd, ctx.engine, const_cast<float *>(bias))}});
    ctx.stream.wait();
}

const LayerNorm &LayerNormCache::get(int64_t rows)
{
    auto &slot = m_cache[rows];
    if (!slot)
        slot = std::make_unique<LayerNorm>(rows, m_channels, m_eps);
    return *slot;
}

} // namespace inkling
