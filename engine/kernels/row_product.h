// The product of a single activation row with a packed weight matrix: the whole work of
// a decode step. oneDNN's kernels are built for blocks of rows; with one row (on this
// machine's 3.7) they stream the weights at about half the memory bandwidth the machine
// has, and a decode step does nothing but stream weights. These kernels read the very
// layout oneDNN packed (so the prefill keeps using oneDNN on the same bytes) and keep
// nothing else in flight: one pass over each 64-column block (AVX-512 VNNI dot products
// for s8, FMAs on weights widened to f32 for bf16, AVX2 FMAs for f32), the scales, bias
// and residual add applied while the sums are still in registers.
//
// S8 without VNNI (AVX2 only): oneDNN's int8 kernels there add pairs of u8 x s8 products in
// 16 bits (vpmaddubsw) and saturate when activations are shifted to unsigned. The AVX2 s8
// kernel reads oneDNN's plain [K, N] s8 layout and uses the sign trick instead:
// vpmaddubsw(|a|, b with a's sign) on symmetric activations, each pair at most
// 2 · 128 · 127 < 32767, then vpmaddwd with ones into exact 32-bit sums. It interleaves
// 4 rows of weights in registers (oneDNN's layout has one k per row), keeps up to 2048
// column sums in L1 and streams the rows across them; scales, bias and accumulation are
// applied once per column at the end. The chunks (T > 1) run the same kernel on 4 rows at a
// time, which share each load and interleave of weights, with one scale per row (matmul.cpp
// says why not oneDNN).
//
// Each call computes a range of whole 64-column blocks, so that the decode thread team
// (thread_team.h) splits a matrix's columns among its members without a parallel
// region of its own.
#pragma once

#include <oneapi/dnnl/dnnl.hpp>

#include <cstdint>

namespace inkling {

// The packed layouts the row kernels read: B [K, N] stored as [N/64][K/4][64][4] bytes
// (s8, oneDNN tag BA16a64b4a) or [N/64][K/2][64][2] bf16 values (BA16a64b2a), i.e. each
// block of 64 columns holds, for every group of 4 (2) consecutive k, those k of its 64
// columns side by side: exactly one 64-byte register of weights per dot-product
// instruction for 16 columns. F32 weights are read either as oneDNN packs them for
// AVX2 (plain row-major [K, N]) or in 64-column blocks [N/64][K][64] (F32Blocked); s8
// without VNNI in oneDNN's plain [K, N] (S8Plain, K a multiple of 4).
enum class RowKernel { None, S8, S8Plain, Bf16, F32, F32Blocked };

// Which row kernel can read weights packed as `packed` on this CPU (None: use oneDNN).
// K must be a multiple of 64 (every GPT-2 width is) for S8 and Bf16.
RowKernel rowKernelFor(const dnnl::memory::desc &packed);

// How the kernel is named where implementations are reported, e.g. "inkling_row:avx512_vnni".
const char *rowKernelName(RowKernel kernel);

// n columns rounded up to whole 64-column blocks: the length of the per-column arrays
// (scales, shift sums) the kernels read, a block at a time.
constexpr int64_t rowKernelColumns(int64_t n)
{
    return (n + 63) / 64 * 64;
}

// The blocks of 64 columns a row product is split into.
constexpr int64_t rowKernelBlocks(int64_t n)
{
    return (n + 63) / 64;
}

// Off: rowKernelFor() answers None from now on, so matrices packed afterwards run every
// product on oneDNN (inkling-bench measures both in one run).
void setRowKernelsEnabled(bool enabled);

// The sums the s8 kernel subtracts: the instruction multiplies unsigned by signed bytes,
// so activations enter shifted by 128 and 128 · Σ_k B[k, n] comes off again. Computed
// from the quantised weights q, [K, N] row-major or [N, K] when transposed; the result
// has rowKernelColumns(n) entries, the padding zero.
void shiftCompensation(const int8_t *q, int64_t k, int64_t n, bool transposed, int32_t *sums);

// The row products compute the columns of blocks [blockBegin, blockEnd) only (the last
// block stops at n), so that the members of a team each take a share.

// C [N] = (Σ_k a[k] · B[k, n]) · aScale · bScale[n] (+ bias[n]) (+ C[n] when accumulate).
// a is quantised [K]; b is the packed s8 layout above; bScale and bSums are padded to a
// multiple of 64 columns.
void rowProductS8(const int8_t *a, float aScale, const int8_t *b, const float *bScale,
                  const int32_t *bSums, int64_t k, int64_t n, const float *bias, bool accumulate,
                  float *c, int64_t blockBegin, int64_t blockEnd);

// The same for B in the plain layout [K, N], with AVX2 only (no shift sums: a is signed
// throughout). Exact for any a in [-128, 127] and B in [-127, 127].
void rowProductS8Plain(const int8_t *a, float aScale, const int8_t *b, const float *bScale,
                       int64_t k, int64_t n, const float *bias, bool accumulate, float *c,
                       int64_t blockBegin, int64_t blockEnd);

// The most rows of A rowsProductS8Plain takes at once (they share each load of weights).
constexpr int kS8Rows = 4;

// The same for rows ≤ kS8Rows rows of A [rows, K] (row i at a + i · lda, with its own
// scale aScale[i]) into C [rows, N] (row i at c + i · ldc): the chunks' kernel on AVX2.
void rowsProductS8Plain(const int8_t *a, int64_t lda, const float *aScale, int rows,
                        const int8_t *b, const float *bScale, int64_t k, int64_t n,
                        const float *bias, bool accumulate, float *c, int64_t ldc,
                        int64_t blockBegin, int64_t blockEnd);

// C [N] = Σ_k a[k] · B[k, n] (+ bias[n]) (+ C[n] when accumulate), a and B in bf16.
void rowProductBf16(const uint16_t *a, const uint16_t *b, int64_t k, int64_t n, const float *bias,
                    bool accumulate, float *c, int64_t blockBegin, int64_t blockEnd);

// The same in f32, B laid out as `layout` (F32 or F32Blocked) says.
void rowProductF32(const float *a, const float *b, RowKernel layout, int64_t k, int64_t n,
                   const float *bias, bool accumulate, float *c, int64_t blockBegin,
                   int64_t blockEnd);

} // namespace inkling
