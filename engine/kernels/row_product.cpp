// Single-row products over oneDNN's packed weights, in AVX-512 and AVX2 intrinsics. The build
// targets generic x86-64, so each kernel carries its own target attribute and is only
// called after rowKernelFor() has seen both the layout and the instructions.
#include "engine/kernels/row_product.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define INKLING_ROW_KERNELS 1
#else
#define INKLING_ROW_KERNELS 0
#endif

namespace inkling {

namespace {

constexpr int64_t kBlock = 64; // columns per packed block (the "64b" of the tags)
constexpr int kAhead = 4096;   // bytes prefetched ahead of the loads

std::atomic<bool> g_enabled{true};

#if INKLING_ROW_KERNELS

#define INKLING_AVX512 __attribute__((target("avx512f")))
#define INKLING_AVX512_VNNI __attribute__((target("avx512f,avx512vnni")))
#define INKLING_AVX2_FMA __attribute__((target("avx2,fma")))

// Writes 16 finished sums for columns j .. j+15 (fewer in the last block of a matrix
// whose width is no multiple of 64: the packed padding columns are dropped).
INKLING_AVX512 inline void finish16(__m512 v, int64_t j, int64_t n, const float *bias,
                                    bool accumulate, float *c)
{
    if (j >= n)
        return;
    const __mmask16 mask = n - j >= 16 ? __mmask16(0xffff) : __mmask16((1u << (n - j)) - 1);
    if (bias)
        v = _mm512_add_ps(v, _mm512_maskz_loadu_ps(mask, bias + j));
    if (accumulate)
        v = _mm512_add_ps(v, _mm512_maskz_loadu_ps(mask, c + j));
    _mm512_mask_storeu_ps(c + j, mask, v);
}

inline uint32_t load32(const void *p)
{
    uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// One block of 64 columns: 4 registers of 16 columns, and a second set of 4 for every
// other k group so that two independent chains of dot products hide the latency. (The
// threads are spread over blocks outside: an OpenMP region's outlined body would not
// carry this function's target attribute with every compiler.)
INKLING_AVX512_VNNI void s8Block(int64_t blk, const int8_t *a, float aScale, const int8_t *b,
                                 const float *bScale, const int32_t *bSums, int64_t k, int64_t n,
                                 const float *bias, bool accumulate, float *c)
{
    const int64_t groups = k / 4; // k groups of 4 bytes; even, since k % 64 == 0
    const __m512 aScales = _mm512_set1_ps(aScale);
    const int8_t *w = b + blk * k * kBlock; // [K/4][64][4]
    __m512i acc[8];
    for (__m512i &r : acc)
        r = _mm512_setzero_si512();
    for (int64_t g = 0; g < groups; g += 2) {
        // a[4g .. 4g+3] shifted to unsigned (x + 128 == x ^ 0x80 per byte), to all lanes.
        const __m512i a0 = _mm512_set1_epi32(int(load32(a + 4 * g) ^ 0x80808080u));
        const __m512i a1 = _mm512_set1_epi32(int(load32(a + 4 * g + 4) ^ 0x80808080u));
        const int8_t *p = w + g * 4 * kBlock;
        for (int r = 0; r < 8; ++r)
            _mm_prefetch(reinterpret_cast<const char *>(p) + kAhead + 64 * r, _MM_HINT_T0);
        for (int r = 0; r < 4; ++r) {
            acc[r] = _mm512_dpbusd_epi32(acc[r], a0, _mm512_loadu_si512(p + 64 * r));
            acc[4 + r] = _mm512_dpbusd_epi32(acc[4 + r], a1, _mm512_loadu_si512(p + 256 + 64 * r));
        }
    }
    for (int r = 0; r < 4; ++r) {
        const int64_t j = blk * kBlock + 16 * r;
        const __m512i sum =
            _mm512_sub_epi32(_mm512_add_epi32(acc[r], acc[4 + r]), _mm512_loadu_si512(bSums + j));
        const __m512 scale = _mm512_mul_ps(aScales, _mm512_loadu_ps(bScale + j));
        finish16(_mm512_mul_ps(_mm512_cvtepi32_ps(sum), scale), j, n, bias, accumulate, c);
    }
}

// Widens the weights to f32 (a bf16 value is the top half of its f32) and multiplies
// with FMAs: faster here than the BF16 dot-product instruction, which on this CPU
// streamed about half the bytes per second of the same loop over s8 weights.
INKLING_AVX512 void bf16Block(int64_t blk, const uint16_t *a, const uint16_t *b, int64_t k,
                              int64_t n, const float *bias, bool accumulate, float *c)
{
    const __m512i high = _mm512_set1_epi32(int(0xffff0000u));
    const uint16_t *w = b + blk * k * kBlock; // [K/2][64][2]
    __m512 acc[8];                            // [0..3]: even k, [4..7]: odd k, 16 columns each
    for (__m512 &r : acc)
        r = _mm512_setzero_ps();
    for (int64_t p = 0; p < k; p += 2) {
        const uint32_t pair = load32(a + p);
        const __m512 even = _mm512_castsi512_ps(_mm512_set1_epi32(int(pair << 16)));
        const __m512 odd = _mm512_castsi512_ps(_mm512_set1_epi32(int(pair & 0xffff0000u)));
        const uint16_t *q = w + p * kBlock;
        for (int r = 0; r < 4; ++r)
            _mm_prefetch(reinterpret_cast<const char *>(q) + kAhead + 64 * r, _MM_HINT_T0);
        for (int r = 0; r < 4; ++r) {
            const __m512i v = _mm512_loadu_si512(q + 32 * r);
            acc[r] = _mm512_fmadd_ps(even, _mm512_castsi512_ps(_mm512_slli_epi32(v, 16)), acc[r]);
            acc[4 + r] =
                _mm512_fmadd_ps(odd, _mm512_castsi512_ps(_mm512_and_si512(v, high)), acc[4 + r]);
        }
    }
    for (int r = 0; r < 4; ++r)
        finish16(_mm512_add_ps(acc[r], acc[4 + r]), blk * kBlock + 16 * r, n, bias, accumulate, c);
}

// f32 in oneDNN's plain layout [K, N]: columns j0 .. j1 - 1. Walking down a 64-column
// block, as the packed kernels do, would read 256 bytes per matrix row, a row (N floats)
// apart: for the LM head a page and a TLB miss per 256 bytes, 15× slower than streaming.
// So the sums of up to kCols columns stay in a buffer in the L1 cache, and the matrix
// rows are streamed across it, four at a time so that each pass over the sums serves
// four rows of weights.
INKLING_AVX2_FMA void f32Rows(const float *a, const float *w, int64_t k, int64_t n, int64_t j0,
                              int64_t j1, const float *bias, bool accumulate, float *c)
{
    constexpr int64_t kCols = 1024; // 4 KB of sums
    alignas(32) float acc[kCols];
    for (int64_t c0 = j0; c0 < j1; c0 += kCols) {
        const int64_t cols = std::min(kCols, j1 - c0), vec = cols / 8 * 8;
        std::fill(acc, acc + cols, 0.0f);
        int64_t p = 0;
        for (; p + 4 <= k; p += 4) {
            const float *r0 = w + p * n + c0, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
            const __m256 a0 = _mm256_broadcast_ss(a + p), a1 = _mm256_broadcast_ss(a + p + 1),
                         a2 = _mm256_broadcast_ss(a + p + 2), a3 = _mm256_broadcast_ss(a + p + 3);
            for (int64_t j = 0; j < vec; j += 8) {
                __m256 sum = _mm256_load_ps(acc + j);
                sum = _mm256_fmadd_ps(a0, _mm256_loadu_ps(r0 + j), sum);
                sum = _mm256_fmadd_ps(a1, _mm256_loadu_ps(r1 + j), sum);
                sum = _mm256_fmadd_ps(a2, _mm256_loadu_ps(r2 + j), sum);
                sum = _mm256_fmadd_ps(a3, _mm256_loadu_ps(r3 + j), sum);
                _mm256_store_ps(acc + j, sum);
            }
            for (int64_t j = vec; j < cols; ++j)
                acc[j] += a[p] * r0[j] + a[p + 1] * r1[j] + a[p + 2] * r2[j] + a[p + 3] * r3[j];
        }
        for (; p < k; ++p) {
            const float *r = w + p * n + c0;
            for (int64_t j = 0; j < cols; ++j)
                acc[j] += a[p] * r[j];
        }
        for (int64_t j = 0; j < cols; ++j) {
            float v = acc[j];
            if (bias)
                v += bias[c0 + j];
            if (accumulate)
                v += c[c0 + j];
            c[c0 + j] = v;
        }
    }
}

// s8 in oneDNN's plain AVX2 layout [K, N] (its int8 gemm packs nothing), columns j0 .. j1 - 1,
// for up to kS8Rows rows of A at once, on CPUs without VNNI. Their only byte product,
// vpmaddubsw, multiplies unsigned by signed bytes and adds each pair in 16 bits with
// saturation, so the activations cannot enter shifted by 128 as in s8Block (2 · 255 · 127 >
// 32767). The sign trick keeps every pair exact: |a| · (b with a's sign) is a · b, |a| ≤ 128
// is a valid unsigned byte and the weights are quantised to [-127, 127], so a pair sums to
// at most 2 · 128 · 127 = 32512. vpmaddwd with ones then adds the pairs into 32 bits. A
// product needs 4 consecutive k of a column side by side: 4 matrix rows of 32 columns are
// interleaved with 8 unpacks, once for all rows of A, which stays far below the memory
// bandwidth a single row is bound by. As in f32Rows, the sums of up to kCols columns (per
// row of A) stay in L1 and the weight rows stream across them.
INKLING_AVX2_FMA void s8Rows(const int8_t *a, int64_t lda, const float *aScale, int rows,
                             const int8_t *w, const float *bScale, int64_t k, int64_t n, int64_t j0,
                             int64_t j1, const float *bias, bool accumulate, float *c, int64_t ldc)
{
    constexpr int64_t kCols = 1024; // 4 KB of sums per row of A, 16 KB for kS8Rows
    alignas(32) int32_t acc[kS8Rows][kCols];
    const __m256i ones = _mm256_set1_epi16(1);
    for (int64_t c0 = j0; c0 < j1; c0 += kCols) {
        const int64_t cols = std::min(kCols, j1 - c0), vec = cols / 32 * 32;
        for (int i = 0; i < rows; ++i)
            std::fill(acc[i], acc[i] + cols, 0);
        for (int64_t p = 0; p < k; p += 4) { // k % 4 == 0 (rowKernelFor)
            const int8_t *r0 = w + p * n + c0, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
            // a[i, p .. p+3] to every 4-byte lane: the order of the interleaved k below
            __m256i ap[kS8Rows], aAbs[kS8Rows];
            for (int i = 0; i < rows; ++i) {
                ap[i] = _mm256_set1_epi32(int(load32(a + i * lda + p)));
                aAbs[i] = _mm256_abs_epi8(ap[i]);
            }
            for (int64_t j = 0; j < vec; j += 32) {
                const __m256i w0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(r0 + j));
                const __m256i w1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(r1 + j));
                const __m256i w2 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(r2 + j));
                const __m256i w3 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(r3 + j));
                // [column][k p .. p+3] in each 128-bit lane: u0 holds columns 0-3 | 16-19,
                // u1 4-7 | 20-23, u2 8-11 | 24-27, u3 12-15 | 28-31; the sums keep that
                // order and are put back in column order at the end.
                const __m256i t0 = _mm256_unpacklo_epi8(w0, w1), t1 = _mm256_unpackhi_epi8(w0, w1);
                const __m256i t2 = _mm256_unpacklo_epi8(w2, w3), t3 = _mm256_unpackhi_epi8(w2, w3);
                const __m256i u[4] = {_mm256_unpacklo_epi16(t0, t2), _mm256_unpackhi_epi16(t0, t2),
                                      _mm256_unpacklo_epi16(t1, t3), _mm256_unpackhi_epi16(t1, t3)};
                for (int i = 0; i < rows; ++i) {
                    for (int r = 0; r < 4; ++r) {
                        const __m256i pairs =
                            _mm256_maddubs_epi16(aAbs[i], _mm256_sign_epi8(u[r], ap[i]));
                        __m256i *sum = reinterpret_cast<__m256i *>(acc[i] + j + 8 * r);
                        *sum = _mm256_add_epi32(*sum, _mm256_madd_epi16(pairs, ones));
                    }
                }
            }
            for (int i = 0; i < rows; ++i) {
                const int8_t *ai = a + i * lda + p;
                for (int64_t j = vec; j < cols; ++j)
                    acc[i][j] += ai[0] * r0[j] + ai[1] * r1[j] + ai[2] * r2[j] + ai[3] * r3[j];
            }
        }
        for (int i = 0; i < rows; ++i) {
            float *ci = c + i * ldc;
            for (int64_t j = 0; j < cols; ++j) {
                // the sum of column j: in the interleaved order above for whole groups of 32
                int64_t at = j;
                if (j < vec) {
                    const int64_t g = j / 32 * 32, q = j % 32;
                    at = g + 8 * ((q % 16) / 4) + 4 * (q / 16) + q % 4;
                }
                float v = float(acc[i][at]) * aScale[i] * bScale[c0 + j];
                if (bias)
                    v += bias[c0 + j];
                if (accumulate)
                    v += ci[c0 + j];
                ci[c0 + j] = v;
            }
        }
    }
}

// f32 in 64-column blocks [N/64][K][64]: each block is one contiguous stream, summed in
// 8 registers of 8 columns.
INKLING_AVX2_FMA void f32Block(const float *a, const float *w, int64_t k, int64_t cols,
                               const float *bias, bool accumulate, float *c)
{
    __m256 acc[8];
    for (__m256 &r : acc)
        r = _mm256_setzero_ps();
    for (int64_t p = 0; p < k; ++p) {
        const __m256 ap = _mm256_broadcast_ss(a + p);
        for (int r = 0; r < 8; ++r)
            acc[r] = _mm256_fmadd_ps(ap, _mm256_loadu_ps(w + p * kBlock + 8 * r), acc[r]);
    }
    alignas(32) float sums[kBlock];
    for (int r = 0; r < 8; ++r)
        _mm256_store_ps(sums + 8 * r, acc[r]);
    for (int64_t j = 0; j < cols; ++j) // the padding columns past n are dropped
        c[j] = sums[j] + (bias ? bias[j] : 0.0f) + (accumulate ? c[j] : 0.0f);
}

#endif // INKLING_ROW_KERNELS

} // namespace

void setRowKernelsEnabled(bool enabled)
{
    g_enabled = enabled;
}

RowKernel rowKernelFor(const dnnl::memory::desc &packed)
{
#if INKLING_ROW_KERNELS
    using dt = dnnl::memory::data_type;
    using tag = dnnl::memory::format_tag;
    const dnnl::memory::dims dims = packed.get_dims();
    if (!g_enabled || dims.size() != 2)
        return RowKernel::None;
    const bool wholeBlocksOfK = dims[0] % kBlock == 0;
    // The blocking alone decides: oneDNN's VNNI kernels append their own shift sums
    // after the weights (an "extra" in the descriptor), which the row kernel ignores.
    const auto blockedAs = [&](dt type, tag layout) {
        const dnnl::memory::desc want(dims, type, layout);
        return packed.get_data_type() == type && packed.get_inner_blks() == want.get_inner_blks() &&
               packed.get_inner_idxs() == want.get_inner_idxs() &&
               packed.get_strides() == want.get_strides() &&
               packed.get_padded_dims() == want.get_padded_dims() &&
               packed.get_padded_offsets() == want.get_padded_offsets();
    };
    if (wholeBlocksOfK && blockedAs(dt::s8, tag::BA16a64b4a) &&
        __builtin_cpu_supports("avx512vnni"))
        return RowKernel::S8;
    if (packed.get_data_type() == dt::s8 && packed.get_inner_nblks() == 0 &&
        packed.get_strides() == dnnl::memory::dims{dims[1], 1} && dims[0] % 4 == 0 &&
        __builtin_cpu_supports("avx2"))
        return RowKernel::S8Plain; // plain [K, N], as oneDNN packs s8 without VNNI
    if (wholeBlocksOfK && blockedAs(dt::bf16, tag::BA16a64b2a) && __builtin_cpu_supports("avx512f"))
        return RowKernel::Bf16;
    if (packed.get_data_type() == dt::f32 && __builtin_cpu_supports("avx2") &&
        __builtin_cpu_supports("fma")) {
        if (packed.get_inner_nblks() == 0 && packed.get_strides() == dnnl::memory::dims{dims[1], 1})
            return RowKernel::F32; // plain [K, N], as oneDNN packs f32 for AVX2
        if (wholeBlocksOfK && blockedAs(dt::f32, tag::BA16a64b))
            return RowKernel::F32Blocked; // [N/64][K/16][16][64], i.e. [N/64][K][64]
    }
#else
    (void)packed;
#endif
    return RowKernel::None;
}

const char *rowKernelName(RowKernel kernel)
{
    switch (kernel) {
    case RowKernel::S8:
        return "inkling_row:avx512_vnni";
    case RowKernel::S8Plain:
        return "inkling_row:avx2_s8";
    case RowKernel::Bf16:
        return "inkling_row:avx512";
    case RowKernel::F32:
    case RowKernel::F32Blocked:
        return "inkling_row:avx2";
    case RowKernel::None:
        break;
    }
    return "none";
}

void shiftCompensation(const int8_t *q, int64_t k, int64_t n, bool transposed, int32_t *sums)
{
    std::memset(sums, 0, sizeof(int32_t) * size_t(rowKernelColumns(n)));
    if (transposed) { // q [N, K]: a column of B is a row of q
        for (int64_t col = 0; col < n; ++col)
            for (int64_t p = 0; p < k; ++p)
                sums[col] += q[col * k + p];
    } else {
        for (int64_t p = 0; p < k; ++p)
            for (int64_t col = 0; col < n; ++col)
                sums[col] += q[p * n + col];
    }
    for (int64_t col = 0; col < n; ++col)
        sums[col] *= 128;
}

void rowProductS8(const int8_t *a, float aScale, const int8_t *b, const float *bScale,
                  const int32_t *bSums, int64_t k, int64_t n, const float *bias, bool accumulate,
                  float *c, int64_t blockBegin, int64_t blockEnd)
{
#if INKLING_ROW_KERNELS
    for (int64_t blk = blockBegin; blk < blockEnd; ++blk)
        s8Block(blk, a, aScale, b, bScale, bSums, k, n, bias, accumulate, c);
#else
    (void)a, (void)aScale, (void)b, (void)bScale, (void)bSums, (void)k, (void)n, (void)bias,
        (void)accumulate, (void)c, (void)blockBegin, (void)blockEnd;
#endif
}

void rowProductS8Plain(const int8_t *a, float aScale, const int8_t *b, const float *bScale,
                       int64_t k, int64_t n, const float *bias, bool accumulate, float *c,
                       int64_t blockBegin, int64_t blockEnd)
{
#if INKLING_ROW_KERNELS
    s8Rows(a, 0, &aScale, 1, b, bScale, k, n, std::min(blockBegin * kBlock, n),
           std::min(blockEnd * kBlock, n), bias, accumulate, c, 0);
#else
    (void)a, (void)aScale, (void)b, (void)bScale, (void)k, (void)n, (void)bias, (void)accumulate,
        (void)c, (void)blockBegin, (void)blockEnd;
#endif
}

void rowsProductS8Plain(const int8_t *a, int64_t lda, const float *aScale, int rows,
                        const int8_t *b, const float *bScale, int64_t k, int64_t n,
                        const float *bias, bool accumulate, float *c, int64_t ldc,
                        int64_t blockBegin, int64_t blockEnd)
{
#if INKLING_ROW_KERNELS
    s8Rows(a, lda, aScale, rows, b, bScale, k, n, std::min(blockBegin * kBlock, n),
           std::min(blockEnd * kBlock, n), bias, accumulate, c, ldc);
#else
    (void)a, (void)lda, (void)aScale, (void)rows, (void)b, (void)bScale, (void)k, (void)n,
        (void)bias, (void)accumulate, (void)c, (void)ldc, (void)blockBegin, (void)blockEnd;
#endif
}

void rowProductBf16(const uint16_t *a, const uint16_t *b, int64_t k, int64_t n, const float *bias,
                    bool accumulate, float *c, int64_t blockBegin, int64_t blockEnd)
{
#if INKLING_ROW_KERNELS
    for (int64_t blk = blockBegin; blk < blockEnd; ++blk)
        bf16Block(blk, a, b, k, n, bias, accumulate, c);
#else
    (void)a, (void)b, (void)k, (void)n, (void)bias, (void)accumulate, (void)c, (void)blockBegin,
        (void)blockEnd;
#endif
}

void rowProductF32(const float *a, const float *b, RowKernel layout, int64_t k, int64_t n,
                   const float *bias, bool accumulate, float *c, int64_t blockBegin,
                   int64_t blockEnd)
{
#if INKLING_ROW_KERNELS
    if (layout == RowKernel::F32) {
        f32Rows(a, b, k, n, std::min(blockBegin * kBlock, n), std::min(blockEnd * kBlock, n), bias,
                accumulate, c);
        return;
    }
    for (int64_t blk = blockBegin; blk < blockEnd; ++blk) {
        const int64_t j = blk * kBlock;
        f32Block(a, b + blk * k * kBlock, k, std::min(kBlock, n - j), bias ? bias + j : nullptr,
                 accumulate, c + j);
    }
#else
    (void)a, (void)b, (void)layout, (void)k, (void)n, (void)bias, (void)accumulate, (void)c,
        (void)blockBegin, (void)blockEnd;
#endif
}

} // namespace inkling
