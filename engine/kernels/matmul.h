// Matrix products on oneDNN: row-major f32 activations times weight matrices packed once
// into the blocked layout (and precision) of oneDNN's kernel, with the epilogues GPT-2
// needs fused as post-ops: bias, tanh GELU, and accumulation into the destination.
#pragma once

#include "engine/kernels/row_product.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace inkling {

// How a weight matrix is stored. Bf16 weights multiply bf16 activations (converted from
// f32 on the fly). S8 weights multiply s8 activations quantised on the fly with one scale
// (dynamic quantisation): an integer product that reads 1 byte per weight.
enum class WeightType { F32, BF16, S8 };

struct MatmulShape
{
    int64_t m = 0; // rows of A and C
    int64_t k = 0; // columns of A, rows of B
    int64_t n = 0; // columns of B and C
    // B is stored as [N, K] row-major (e.g. the tied LM head reads wte [V, C] as C x V).
    // Only the layout of the source matrix; packed weights no longer have one.
    bool transposedB = false;
    bool bias = false;
    enum class Epilogue { None, Gelu, Accumulate } epilogue = Epilogue::None;
    WeightType weights = WeightType::F32;

    auto key() const { return std::tuple(m, k, n, bias, epilogue, weights); }
};

// A weight matrix B [K, N] packed once (at load time) for the kernel; S8 matrices carry
// one scale per output column n: B[k, n] ≈ scale[n] * q[k, n], q in [-127, 127].
class PackedMatrix
{
public:
    PackedMatrix() = default;
    // w is [K, N] row-major, or [N, K] when transposed.
    PackedMatrix(const float *w, int64_t k, int64_t n, bool transposed, WeightType type);
    // Moves only: the scales' oneDNN memory points into this object's own vector.
    PackedMatrix(PackedMatrix &&) = default;
    PackedMatrix &operator=(PackedMatrix &&) = default;

    WeightType type() const { return m_type; }
    int64_t k() const { return m_k; }
    int64_t n() const { return m_n; }
    size_t bytes() const;
    const dnnl::memory &memory() const { return m_weights; }
    const dnnl::memory &scales() const { return m_scales; }
    // The kernel that multiplies a single row with these weights without oneDNN, if any.
    RowKernel rowKernel() const { return m_rowKernel; }
    const float *columnScales() const { return m_scaleValues.data(); }
    const int32_t *shiftSums() const { return m_shiftSums.data(); }

private:
    WeightType m_type = WeightType::F32;
    int64_t m_k = 0, m_n = 0;
    RowKernel m_rowKernel = RowKernel::None;
    dnnl::memory m_weights;
    // S8: scale[n], and for the row kernel 128 · Σ_k q[k, n]; both padded to whole blocks.
    std::vector<float> m_scaleValues;
    std::vector<int32_t> m_shiftSums;
    dnnl::memory m_scales; // over m_scaleValues
};

// The blocked layout oneDNN's matmul wants for B [K, N] of this type (the same for
// every M, checked by tst_matmul).
dnnl::memory::desc packedWeightsDesc(int64_t k, int64_t n, WeightType type);

// One activation row as the row kernels read it: f32 as it is, converted to bf16, or
// quantised to s8 with one scale, for the weight type of the matrix it multiplies. The
// buffers are sized once, so preparing a row allocates nothing.
class RowOperand
{
public:
    explicit RowOperand(int64_t maxK = 0);
    // Prepares x [k] (k ≤ maxK) for weights of type t; x must outlive the products (f32
    // is read in place).
    void set(const float *x, int64_t k, WeightType t);

    const float *f32() const { return m_f32; }
    const int8_t *s8() const { return m_s8.data(); }
    float s8Scale() const { return m_scale; }
    const uint16_t *bf16() const { return m_bf16.data(); }

private:
    const float *m_f32 = nullptr;
    std::vector<int8_t> m_s8;
    float m_scale = 1;
    std::vector<uint16_t> m_bf16;
};

// The columns of blocks [blockBegin, blockEnd) (row_product.h) of C [1, N] = a [1, K] x
// b [K, N] (+ bias) (+ C when accumulate), on b's row kernel (which must not be None),
// with a prepared for b's type.
void multiplyRow(const RowOperand &a, const PackedMatrix &b, const float *bias, bool accumulate,
                 float *c, int64_t blockBegin, int64_t blockEnd);

class Matmul
{
public:
    explicit Matmul(const MatmulShape &shape);

    // C [M, N] = A [M, K] x B [K, N] (+ bias [N]) then GELU, or C += that.
    // B must be packed with the shape's k, n and weight type.
    void run(const float *a, const PackedMatrix &b, const float *bias, float *c) const;
    // Convenience for tests and one-off products: B plain f32 (packed on every call).
    void run(const float *a, const float *b, const float *bias, float *c) const;

    const MatmulShape &shape() const { return m_shape; }
    // The oneDNN implementation chosen, e.g. "brg_matmul:avx512_core".
    std::string implementation() const;
    // What runs this product with weights b: a row kernel (one row, see row_product.h;
    // every row count for s8 without VNNI) or oneDNN's implementation().
    std::string implementation(const PackedMatrix &b) const;

private:
    bool runRow(const float *a, const PackedMatrix &b, const float *bias, float *c) const;
    bool runS8Rows(const float *a, const PackedMatrix &b, const float *bias, float *c) const;

    MatmulShape m_shape;
    dnnl::matmul::primitive_desc m_pd;
    dnnl::matmul m_prim;
    // GELU over C after a row kernel (the kernels fuse bias and accumulation only).
    dnnl::eltwise_forward m_gelu;
    mutable dnnl::memory m_geluData;
    std::unordered_map<int, dnnl::memory> m_geluArgs;
    // Created once; every call only swaps data handles, so running allocates nothing.
    mutable dnnl::memory m_src, m_dst, m_bias;
    mutable std::unordered_map<int, dnnl::memory> m_args;
    mutable std::vector<uint16_t> m_srcBf16;   // [M, K] bf16 copy of A for bf16 weights
    mutable std::vector<int8_t> m_srcS8;       // [M, K] A quantised, for s8 weights:
    mutable float m_srcScale = 1;              // A ≈ m_srcScale * m_srcS8
    mutable int32_t m_srcZeroPoint = 0;        // or m_srcScale * (m_srcS8 as u8 - this)
    mutable std::vector<float> m_srcRowScales; // [M]: A[i] ≈ this[i] * m_srcS8[i] (AVX2 s8)
    mutable RowOperand m_row;                  // A for a row kernel (M = 1)
};

// Creates each shape's primitive once; later calls with the same shape reuse it.
class MatmulCache
{
public:
    const Matmul &get(const MatmulShape &shape);
    size_t size() const { return m_cache.size(); }

private:
    std::map<decltype(MatmulShape{}.key()), std::unique_ptr<Matmul>> m_cache;
};

// Symmetric quantisation: x[i] ≈ scale * q[i] with scale = max |x| / 127 (returned) and
// q rounded to nearest, in [-127, 127].
float quantise(const float *x, size_t count, int8_t *q);

// Asymmetric 7-bit quantisation: x[i] ≈ scale * (q[i] - zeroPoint) with q in [0, 127],
// scale = (max - min) / 127 over a range that includes 0 (returned).
float quantiseUnsigned7(const float *x, size_t count, uint8_t *q, int32_t &zeroPoint);

// Whether oneDNN, multiplying s8 weights, gets activations quantised with
// quantiseUnsigned7 instead of quantise: on CPUs without VNNI, where its int8 gemm adds
// pairs of u8 x s8 products in 16 bits (vpmaddubsw) and saturates unless the u8 side
// stays within 7 bits (2 · 127 · 127 < 32767); s8 activations would be shifted by 128
// into u8 and saturate. Only where the AVX2 s8 kernel cannot run (K not a multiple of 4):
// see Matmul::runS8Rows for why chunks do not use this path otherwise.
bool sevenBitChunkActivations();

// f32 → bf16 with round-to-nearest-even (NaN stays NaN).
void convertToBf16(const float *src, uint16_t *dst, size_t count);

} // namespace inkling
