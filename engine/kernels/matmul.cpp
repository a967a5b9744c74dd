// oneDNN matmul primitives over plain row-major activations and packed weights.
#include "engine/kernels/matmul.h"

#include "engine/kernels/bf16.h"

#include "engine/kernels/dnnl_context.h"
#include "engine/kernels/gelu.h"
#include "engine/kernels/target_clones.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace inkling {

using dt = dnnl::memory::data_type;
using tag = dnnl::memory::format_tag;

namespace {

// The weights' element type, which is also the activations' (A): bf16 weights take bf16
// activations, s8 weights s8 activations quantised as the product runs.
dt elementType(WeightType t)
{
    switch (t) {
    case WeightType::BF16:
        return dt::bf16;
    case WeightType::S8:
        return dt::s8;
    case WeightType::F32:
        break;
    }
    return dt::f32;
}

// The product's epilogue as oneDNN attributes. Bf16 weights take bf16 activations. S8
// weights take s8 activations quantised as the product runs (dynamic quantisation), so
// the kernel multiplies integers and streams a quarter of the f32 weight bytes:
// C = (A_q B_q) * aScale * bScale[n] + bias, then the post-ops. oneDNN's kernels take
// one scale for all of A (a per-row scale makes them fall back to the reference
// implementation), which for a single decoded row is a per-row scale anyway.
// The activations' type: as the weights', except s8 weights on CPUs without VNNI, whose
// chunks take 7-bit unsigned activations (see sevenBitChunkActivations).
dt sourceType(WeightType t)
{
    return t == WeightType::S8 && sevenBitChunkActivations() ? dt::u8 : elementType(t);
}

dnnl::primitive_attr matmulAttr(WeightType t, MatmulShape::Epilogue epilogue)
{
    dnnl::post_ops ops;
    if (epilogue == MatmulShape::Epilogue::Gelu)
        ops.append_eltwise(dnnl::algorithm::eltwise_gelu_tanh, 0.f, 0.f);
    else if (epilogue == MatmulShape::Epilogue::Accumulate)
        ops.append_sum(1.f); // C = C_old + A x B + bias
    dnnl::primitive_attr attr;
    attr.set_post_ops(ops);
    if (t == WeightType::S8) {
        attr.set_scales(DNNL_ARG_SRC, 0, {}, dt::f32);          // one scale for A
        attr.set_scales(DNNL_ARG_WEIGHTS, 1 << 1, {}, dt::f32); // one scale per column n
        if (sevenBitChunkActivations())
            attr.set_zero_points(DNNL_ARG_SRC, 0, {}, dt::s32); // one zero point for A
    }
    return attr;
}

void reorderInto(const dnnl::memory &src, const dnnl::memory &dst)
{
    auto &ctx = DnnlContext::instance();
    dnnl::reorder(src, dst).execute(ctx.stream, const_cast<dnnl::memory &>(src),
                                    const_cast<dnnl::memory &>(dst));
    ctx.stream.wait();
}

// The symmetric scale for values of largest magnitude amax; all zeros (or a non-finite
// amax) keep scale 1, so that q = 0.
inline float scaleFor(float amax)
{
    return amax > 0 && std::isfinite(amax) ? amax / 127.f : 1.f;
}

// A value already divided by its scale, clamped to [-127, 127] (a NaN becomes the lower
// bound instead of an undefined conversion) and rounded to nearest even by adding and
// removing 1.5 · 2^23: plain arithmetic that vectorises, where nearbyint is a library
// call per value on baseline x86-64 (it was most of the time an s8 prefill spent outside
// the products).
inline int8_t toS8(float scaled)
{
    float v = scaled >= -127.f ? scaled : -127.f;
    v = v <= 127.f ? v : 127.f;
    return int8_t(int((v + 12582912.f) - 12582912.f));
}

} // namespace

bool sevenBitChunkActivations()
{
    static const bool seven =
        !__builtin_cpu_supports("avx512vnni") && !__builtin_cpu_supports("avxvnni");
    return seven;
}

INKLING_CLONES void convertToBf16(const float *src, uint16_t *dst, size_t count)
{
    for (size_t i = 0; i < count; ++i)
        dst[i] = bf16FromFloat(src[i]);
}

INKLING_CLONES float quantise(const float *x, size_t count, int8_t *q)
{
    float amax = 0;
#pragma omp simd reduction(max : amax)
    for (size_t i = 0; i < count; ++i)
        amax = std::max(amax, std::fabs(x[i]));
    const float scale = scaleFor(amax);
    const float inverse = 1.f / scale;
#pragma omp simd
    for (size_t i = 0; i < count; ++i)
        q[i] = toS8(x[i] * inverse);
    return scale;
}

INKLING_CLONES float quantiseUnsigned7(const float *x, size_t count, uint8_t *q, int32_t &zeroPoint)
{
    float lo = 0, hi = 0; // the range includes 0, so that the zero point is in [0, 127]
#pragma omp simd reduction(min : lo) reduction(max : hi)
    for (size_t i = 0; i < count; ++i) {
        lo = std::min(lo, x[i]);
        hi = std::max(hi, x[i]);
    }
    const float range = hi - lo;
    const float scale = range > 0 && std::isfinite(range) ? range / 127.f : 1.f;
    const float inverse = 1.f / scale;
    const float zero = float(int((-lo * inverse + 12582912.f) - 12582912.f));
    zeroPoint = int32_t(zero);
#pragma omp simd
    for (size_t i = 0; i < count; ++i) {
        float v = x[i] * inverse + zero;
        v = v >= 0.f ? v : 0.f; // a NaN becomes 0
        v = v <= 127.f ? v : 127.f;
        q[i] = uint8_t(int((v + 12582912.f) - 12582912.f));
    }
    return scale;
}

dnnl::memory::desc packedWeightsDesc(int64_t k, int64_t n, WeightType type)
{
    const auto &ctx = DnnlContext::instance();
    const dnnl::memory::desc aMd({1, k}, sourceType(type), tag::ab);
    const dnnl::memory::desc bMd({k, n}, elementType(type), tag::any);
    const dnnl::memory::desc cMd({1, n}, dt::f32, tag::ab);
    const dnnl::matmul::primitive_desc pd(ctx.engine, aMd, bMd, cMd,
                                          matmulAttr(type, MatmulShape::Epilogue::None));
    return pd.weights_desc();
}

PackedMatrix::PackedMatrix(const float *w, int64_t k, int64_t n, bool transposed, WeightType type)
    : m_type(type)
    , m_k(k)
    , m_n(n)
{
    const auto &ctx = DnnlContext::instance();
    m_weights = dnnl::memory(packedWeightsDesc(k, n, type), ctx.engine);
    const tag layout = transposed ? tag::ba : tag::ab;
    if (type != WeightType::S8) {
        // Packed from row-major [K, N] in the weights' own type, so that the reorder only
        // moves elements: oneDNN 3.7's jit reorder that also transposes (an [N, K] source,
        // tag ba) or converts (f32 to bf16) writes wrong values into the AVX-512 blocked
        // layouts (BA16a64b, AB16a64b2a) on AMD Zen 4: in the last, partial block of
        // columns, and with an odd K (tst_matmul's lm-head and odd-size rows). A temporary
        // copy of the matrix, at load only; bf16 rounds to nearest even, as oneDNN does.
        std::vector<float> rowMajor;
        const float *plain = w;
        if (transposed) {
            rowMajor.resize(size_t(k * n));
            constexpr int64_t kTile = 64; // a tile of each side stays in cache while copied
#pragma omp parallel for schedule(static)
            for (int64_t c0 = 0; c0 < n; c0 += kTile)
                for (int64_t r0 = 0; r0 < k; r0 += kTile)
                    for (int64_t col = c0; col < std::min(n, c0 + kTile); ++col)
                        for (int64_t row = r0; row < std::min(k, r0 + kTile); ++row)
                            rowMajor[size_t(row * n + col)] = w[col * k + row];
            plain = rowMajor.data();
        }
        if (type == WeightType::BF16) {
            std::vector<uint16_t> rounded(size_t(k * n));
#pragma omp parallel for schedule(static)
            for (int64_t i = 0; i < k * n; ++i)
                rounded[size_t(i)] = bf16FromFloat(plain[i]);
            reorderInto(dnnl::memory({{k, n}, dt::bf16, tag::ab}, ctx.engine, rounded.data()),
                        m_weights);
        } else {
            reorderInto(
                dnnl::memory({{k, n}, dt::f32, tag::ab}, ctx.engine, const_cast<float *>(plain)),
                m_weights);
        }
        m_rowKernel = rowKernelFor(m_weights.get_desc());
        return;
    }
    // Symmetric per-column quantisation: scale[n] = max_k |B[k, n]| / 127, done in the
    // source's own layout (row-major [K, N], or [N, K] when transposed: then each column
    // of B is a contiguous row of w) and left to the reorder to pack.
    std::vector<float> scale(size_t(n), 0.f);
    std::vector<int8_t> q(size_t(k * n));
    if (transposed) {
#pragma omp parallel for schedule(static)
        for (int64_t col = 0; col < n; ++col)
            scale[size_t(col)] = quantise(w + col * k, size_t(k), q.data() + col * k);
    } else {
        for (int64_t row = 0; row < k; ++row) {
            const float *r = w + row * n;
#pragma omp simd
            for (int64_t col = 0; col < n; ++col)
                scale[size_t(col)] = std::max(scale[size_t(col)], std::fabs(r[col]));
        }
        for (float &sc : scale)
            sc = scaleFor(sc);
#pragma omp parallel for schedule(static)
        for (int64_t row = 0; row < k; ++row) {
            const float *r = w + row * n;
            int8_t *out = q.data() + row * n;
#pragma omp simd
            for (int64_t col = 0; col < n; ++col)
                out[col] = toS8(r[col] / scale[size_t(col)]);
        }
    }
    const dnnl::memory src({{k, n}, dt::s8, layout}, ctx.engine, q.data());
    reorderInto(src, m_weights);
    m_rowKernel = rowKernelFor(m_weights.get_desc());
    const size_t padded = size_t(rowKernelColumns(n));
    scale.resize(padded, 0.f);
    m_scaleValues = std::move(scale);
    m_scales = dnnl::memory({{n}, dt::f32, tag::a}, ctx.engine, m_scaleValues.data());
    if (m_rowKernel == RowKernel::S8) {
        m_shiftSums.resize(padded);
        shiftCompensation(q.data(), k, n, transposed, m_shiftSums.data());
    }
}

size_t PackedMatrix::bytes() const
{
    size_t total = m_weights ? m_weights.get_desc().get_size() : 0;
    if (m_scales)
        total += m_scales.get_desc().get_size();
    return total;
}

Matmul::Matmul(const MatmulShape &shape)
    : m_shape(shape)
    , m_row(shape.m == 1 ? shape.k : 0)
{
    const auto &ctx = DnnlContext::instance();
    const dnnl::memory::desc aMd({shape.m, shape.k}, sourceType(shape.weights), tag::ab);
    const dnnl::memory::desc bMd = packedWeightsDesc(shape.k, shape.n, shape.weights);
    const dnnl::memory::desc cMd({shape.m, shape.n}, dt::f32, tag::ab);
    const dnnl::primitive_attr attr = matmulAttr(shape.weights, shape.epilogue);
    if (shape.bias) {
        const dnnl::memory::desc biasMd({1, shape.n}, dt::f32, tag::ab);
        m_pd = dnnl::matmul::primitive_desc(ctx.engine, aMd, bMd, biasMd, cMd, attr);
    } else {
        m_pd = dnnl::matmul::primitive_desc(ctx.engine, aMd, bMd, cMd, attr);
    }
    m_prim = dnnl::matmul(m_pd);

    m_src = dnnl::memory(m_pd.src_desc(), ctx.engine, DNNL_MEMORY_NONE);
    if (shape.weights == WeightType::BF16) {
        m_srcBf16.resize(size_t(shape.m * shape.k));
        m_src.set_data_handle(m_srcBf16.data());
    }
    m_dst = dnnl::memory(m_pd.dst_desc(), ctx.engine, DNNL_MEMORY_NONE);
    m_args = {{DNNL_ARG_SRC, m_src}, {DNNL_ARG_DST, m_dst}, {DNNL_ARG_WEIGHTS, {}}};
    if (shape.bias) {
        m_bias = dnnl::memory(m_pd.bias_desc(), ctx.engine, DNNL_MEMORY_NONE);
        m_args.emplace(DNNL_ARG_BIAS, m_bias);
    }
    if (shape.weights == WeightType::S8) {
        m_srcS8.resize(size_t(shape.m * shape.k));
        m_srcRowScales.resize(size_t(shape.m));
        m_src.set_data_handle(m_srcS8.data());
        m_args.emplace(DNNL_ARG_ATTR_SCALES | DNNL_ARG_SRC,
                       dnnl::memory({{1}, dt::f32, tag::a}, ctx.engine, &m_srcScale));
        m_args.emplace(DNNL_ARG_ATTR_SCALES | DNNL_ARG_WEIGHTS, dnnl::memory());
        if (sevenBitChunkActivations())
            m_args.emplace(DNNL_ARG_ATTR_ZERO_POINTS | DNNL_ARG_SRC,
                           dnnl::memory({{1}, dt::s32, tag::a}, ctx.engine, &m_srcZeroPoint));
    }
    if (shape.m == 1 && shape.epilogue == MatmulShape::Epilogue::Gelu) {
        const dnnl::memory::desc rowMd({1, shape.n}, dt::f32, tag::ab);
        m_gelu =
            dnnl::eltwise_forward({ctx.engine, dnnl::prop_kind::forward_inference,
                                   dnnl::algorithm::eltwise_gelu_tanh, rowMd, rowMd, 0.f, 0.f});
        m_geluData = dnnl::memory(rowMd, ctx.engine, DNNL_MEMORY_NONE);
        m_geluArgs = {{DNNL_ARG_SRC, m_geluData}, {DNNL_ARG_DST, m_geluData}};
    }
}

RowOperand::RowOperand(int64_t maxK)
    : m_s8(size_t(maxK))
    , m_bf16(size_t(maxK))
{}

void RowOperand::set(const float *x, int64_t k, WeightType t)
{
    m_f32 = x;
    if (t == WeightType::S8)
        m_scale = quantise(x, size_t(k), m_s8.data());
    else if (t == WeightType::BF16)
        convertToBf16(x, m_bf16.data(), size_t(k));
}

void multiplyRow(const RowOperand &a, const PackedMatrix &b, const float *bias, bool accumulate,
                 float *c, int64_t blockBegin, int64_t blockEnd)
{
    const void *weights = b.memory().get_data_handle();
    switch (b.rowKernel()) {
    case RowKernel::None:
        break;
    case RowKernel::S8:
        rowProductS8(a.s8(), a.s8Scale(), static_cast<const int8_t *>(weights), b.columnScales(),
                     b.shiftSums(), b.k(), b.n(), bias, accumulate, c, blockBegin, blockEnd);
        break;
    case RowKernel::S8Plain:
        rowProductS8Plain(a.s8(), a.s8Scale(), static_cast<const int8_t *>(weights),
                          b.columnScales(), b.k(), b.n(), bias, accumulate, c, blockBegin,
                          blockEnd);
        break;
    case RowKernel::Bf16:
        rowProductBf16(a.bf16(), static_cast<const uint16_t *>(weights), b.k(), b.n(), bias,
                       accumulate, c, blockBegin, blockEnd);
        break;
    case RowKernel::F32:
    case RowKernel::F32Blocked:
        rowProductF32(a.f32(), static_cast<const float *>(weights), b.rowKernel(), b.k(), b.n(),
                      bias, accumulate, c, blockBegin, blockEnd);
        break;
    }
}

bool Matmul::runRow(const float *a, const PackedMatrix &b, const float *bias, float *c) const
{
    if (m_shape.m != 1 || b.type() != m_shape.weights || b.rowKernel() == RowKernel::None)
        return false;
    const bool accumulate = m_shape.epilogue == MatmulShape::Epilogue::Accumulate;
    const float *rowBias = m_shape.bias ? bias : nullptr;
    m_row.set(a, m_shape.k, m_shape.weights);
    // Outside the decode team (which splits the blocks itself): OpenMP over the blocks.
    const int64_t blocks = rowKernelBlocks(m_shape.n);
#pragma omp parallel for schedule(static)
    for (int64_t blk = 0; blk < blocks; ++blk)
        multiplyRow(m_row, b, rowBias, accumulate, c, blk, blk + 1);
    if (m_gelu) {
        m_geluData.set_data_handle(c);
        m_gelu.execute(DnnlContext::instance().stream, m_geluArgs);
    }
    return true;
}

// Chunks with s8 weights on AVX2 without VNNI, on the row kernel's 4-row form. Measured
// against oneDNN's int8 gemm fed 7-bit unsigned activations (exact, one scale and zero point
// for the whole chunk, as its fast kernels require): that raised the embedded model's
// perplexity by 6.0 % over f32 (tst_precision's bound is 3 %; s8 with VNNI costs 0.9 %),
// and greedy continuations diverged (1 of 4 identical). Here every row keeps 8 bits and a
// scale of its own. Each thread takes whole 64-column blocks and runs all rows over them,
// so that a block's weights (K · 64 bytes) are read from memory once and then from L2.
bool Matmul::runS8Rows(const float *a, const PackedMatrix &b, const float *bias, float *c) const
{
    if (m_shape.weights != WeightType::S8 || b.rowKernel() != RowKernel::S8Plain)
        return false;
    const int64_t m = m_shape.m, k = m_shape.k, n = m_shape.n;
    const bool accumulate = m_shape.epilogue == MatmulShape::Epilogue::Accumulate;
    const bool gelu = m_shape.epilogue == MatmulShape::Epilogue::Gelu;
    const float *rowBias = m_shape.bias ? bias : nullptr;
    const auto *w = static_cast<const int8_t *>(b.memory().get_data_handle());
    int8_t *q = m_srcS8.data(); // [M, K]
    float *scales = m_srcRowScales.data();
#pragma omp parallel for schedule(static)
    for (int64_t i = 0; i < m; ++i)
        scales[i] = quantise(a + i * k, size_t(k), q + i * k);
    const int64_t blocks = rowKernelBlocks(n);
#pragma omp parallel for schedule(static)
    for (int64_t blk = 0; blk < blocks; ++blk) {
        for (int64_t i = 0; i < m; i += kS8Rows) {
            const int rows = int(std::min<int64_t>(kS8Rows, m - i));
            rowsProductS8Plain(q + i * k, k, scales + i, rows, w, b.columnScales(), k, n, rowBias,
                               accumulate, c + i * n, n, blk, blk + 1);
        }
        if (gelu) {
            const int64_t j = blk * 64, cols = std::min<int64_t>(64, n - j);
            for (int64_t i = 0; i < m; ++i)
                geluTanh(c + i * n + j, cols);
        }
    }
    return true;
}

void Matmul::run(const float *a, const PackedMatrix &b, const float *bias, float *c) const
{
    if (runRow(a, b, bias, c) || runS8Rows(a, b, bias, c))
        return;
    auto &ctx = DnnlContext::instance();
    // oneDNN takes non-const handles but does not write to sources.
    switch (m_shape.weights) {
    case WeightType::F32:
        m_src.set_data_handle(const_cast<float *>(a));
        break;
    case WeightType::BF16:
        convertToBf16(a, m_srcBf16.data(), m_srcBf16.size());
        break;
    case WeightType::S8:
        if (sevenBitChunkActivations())
            m_srcScale = quantiseUnsigned7(
                a, m_srcS8.size(), reinterpret_cast<uint8_t *>(m_srcS8.data()), m_srcZeroPoint);
        else
            m_srcScale = quantise(a, m_srcS8.size(), m_srcS8.data());
        break;
    }
    m_dst.set_data_handle(c);
    if (m_shape.bias)
        m_bias.set_data_handle(const_cast<float *>(bias));
    // Assigning to existing keys copies a handle; the map itself never reallocates.
    m_args.find(DNNL_ARG_WEIGHTS)->second = b.memory();
    if (m_shape.weights == WeightType::S8)
        m_args.find(DNNL_ARG_ATTR_SCALES | DNNL_ARG_WEIGHTS)->second = b.scales();
    // The CPU stream runs primitives synchronously in the calling thread (OpenMP
    // runtime), so there is nothing to wait for before the caller reads C.
    m_prim.execute(ctx.stream, m_args);
}

void Matmul::run(const float *a, const float *b, const float *bias, float *c) const
{
    run(a, PackedMatrix(b, m_shape.k, m_shape.n, m_shape.transposedB, m_shape.weights), bias, c);
}

std::string Matmul::implementation() const
{
    return m_pd.impl_info_str();
}

std::string Matmul::implementation(const PackedMatrix &b) const
{
    if (b.type() == m_shape.weights && (b.rowKernel() == RowKernel::S8Plain ||
                                        (m_shape.m == 1 && b.rowKernel() != RowKernel::None)))
        return rowKernelName(b.rowKernel());
    return implementation();
}

const Matmul &MatmulCache::get(const MatmulShape &shape)
{
    auto &slot = m_cache[shape.key()];
    if (!slot)
        slot = std::make_unique<Matmul>(shape);
    return *slot;
}

} // namespace inkling
