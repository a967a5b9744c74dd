// Row-major f32 matrix products on oneDNN, with the epilogues GPT-2 needs fused as
// post-ops: bias, tanh GELU, and accumulation into the destination (residual add).
#pragma once

#include <oneapi/dnnl/dnnl.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>

namespace inkling {

struct MatmulShape
{
    int64_t m = 0; // rows of A and C
    int64_t k = 0; // columns of A, rows of B
    int64_t n = 0; // columns of B and C
    // B is stored as [N, K] row-major (e.g. the tied LM head reads wte [V, C] as C x V).
    bool transposedB = false;
    bool bias = false;
    enum class Epilogue { None, Gelu, Accumulate } epilogue = Epilogue::None;

    auto key() const { return std::tuple(m, k, n, transposedB, bias, epilogue); }
};

class Matmul
{
public:
    explicit Matmul(const MatmulShape &shape);

    // C [M, N] = A [M, K] x B [K, N] (+ bias [N]) then GELU, or C += that.
    void run(const float *a, const float *b, const float *bias, float *c) const;

    const MatmulShape &shape() const { return m_shape; }
    // The oneDNN implementation chosen, e.g. "brg_matmul:avx512_core".
    std::string implementation() const;

private:
    MatmulShape m_shape;
    dnnl::matmul::primitive_desc m_pd;
    dnnl::matmul m_prim;
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

} // namespace inkling
