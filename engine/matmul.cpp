// oneDNN matmul primitives over caller-owned, plain row-major buffers.
#include "engine/matmul.h"

#include "engine/dnnl_context.h"

namespace inkling {

using dt = dnnl::memory::data_type;
using tag = dnnl::memory::format_tag;

Matmul::Matmul(const MatmulShape &shape)
    : m_shape(shape)
{
    const auto &ctx = DnnlContext::instance();
    const dnnl::memory::desc aMd({shape.m, shape.k}, dt::f32, tag::ab);
    const dnnl::memory::desc bMd({shape.k, shape.n}, dt::f32, shape.transposedB ? tag::ba : tag::ab);
    const dnnl::memory::desc cMd({shape.m, shape.n}, dt::f32, tag::ab);

    dnnl::post_ops ops;
    if (shape.epilogue == MatmulShape::Epilogue::Gelu)
        ops.append_eltwise(dnnl::algorithm::eltwise_gelu_tanh, 0.f, 0.f);
    else if (shape.epilogue == MatmulShape::Epilogue::Accumulate)
        ops.append_sum(1.f); // C = C_old + A x B + bias
    dnnl::primitive_attr attr;
    attr.set_post_ops(ops);

    if (shape.bias) {
        const dnnl::memory::desc biasMd({1, shape.n}, dt::f32, tag::ab);
        m_pd = dnnl::matmul::primitive_desc(ctx.engine, aMd, bMd, biasMd, cMd, attr);
    } else {
        m_pd = dnnl::matmul::primitive_desc(ctx.engine, aMd, bMd, cMd, attr);
    }
    m_prim = dnnl::matmul(m_pd);
}

void Matmul::run(const float *a, const float *b, const float *bias, float *c) const
{
    auto &ctx = DnnlContext::instance();
    // oneDNN takes non-const handles but does not write to sources.
    dnnl::memory aMem(m_pd.src_desc(), ctx.engine, const_cast<float *>(a));
    dnnl::memory bMem(m_pd.weights_desc(), ctx.engine, const_cast<float *>(b));
    dnnl::memory cMem(m_pd.dst_desc(), ctx.engine, c);
    std::unordered_map<int, dnnl::memory> args{
        {DNNL_ARG_SRC, aMem}, {DNNL_ARG_WEIGHTS, bMem}, {DNNL_ARG_DST, cMem}};
    if (m_shape.bias)
        args.emplace(DNNL_ARG_BIAS,
                     dnnl::memory(m_pd.bias_desc(), ctx.engine, const_cast<float *>(bias)));
    m_prim.execute(ctx.stream, args);
    ctx.stream.wait();
}

std::string Matmul::implementation() const
{
    return m_pd.impl_info_str();
}

const Matmul &MatmulCache::get(const MatmulShape &shape)
{
    auto &slot = m_cache[shape.key()];
    if (!slot)
        slot = std::make_unique<Matmul>(shape);
    return *slot;
}

} // namespace inkling
