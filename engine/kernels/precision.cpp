// Precision names and the choice of a precision whose oneDNN kernel is a fast one.
#include "engine/kernels/precision.h"

#include "engine/kernels/matmul.h"

namespace inkling {

const char *precisionName(Precision p)
{
    switch (p) {
    case Precision::Auto:
        return "auto";
    case Precision::F32:
        return "f32";
    case Precision::BF16:
        return "bf16";
    case Precision::S8:
        return "s8";
    }
    return "?";
}

std::optional<Precision> precisionFromName(std::string_view name)
{
    for (Precision p : {Precision::Auto, Precision::F32, Precision::BF16, Precision::S8}) {
        if (name == precisionName(p))
            return p;
    }
    return std::nullopt;
}

// Whether int8 products here sum exactly: with VNNI (AVX-512 VNNI, AVX-VNNI, AMX) in 32
// bits; with AVX2 alone through our own care. oneDNN's int8 kernels there add pairs of
// u8 × s8 products in 16 bits (vpmaddubsw), which saturated with s8 activations shifted
// to u8 (measured on an AVX2-only AMD EPYC: s8 logits 11–19 % RMS from f32, far from the
// 1–3 % s8 costs elsewhere). There, rows and chunks run on our sign-trick kernels
// (row_product.h: one row, or four at a time), which cannot saturate; only a product they
// cannot take (K not a multiple of 4) goes to oneDNN, with 7-bit activations.
bool hasExactInt8Products()
{
    return __builtin_cpu_supports("avx512vnni") || __builtin_cpu_supports("avxvnni") ||
           __builtin_cpu_supports("avx2");
}

std::string probeMatmulKernel(Precision p)
{
    if (p == Precision::S8 && !hasExactInt8Products())
        return "unsupported: no exact int8 products on this CPU (neither VNNI nor AVX2)";
    const WeightType type = p == Precision::S8     ? WeightType::S8
                            : p == Precision::BF16 ? WeightType::BF16
                                                   : WeightType::F32;
    std::string impl;
    try {
        // A decode row, an odd prefill chunk and a full one, with the epilogues the model
        // uses: any reference kernel among them disqualifies the precision.
        for (const MatmulShape &shape :
             {MatmulShape{1, 256, 768, false, true, MatmulShape::Epilogue::None, type},
              MatmulShape{7, 256, 1024, false, true, MatmulShape::Epilogue::Gelu, type},
              MatmulShape{64, 1024, 256, false, true, MatmulShape::Epilogue::Accumulate, type}}) {
            impl = Matmul(shape).implementation();
            if (impl.rfind("ref", 0) == 0)
                return impl;
        }
    } catch (const dnnl::error &e) {
        return std::string("unsupported: ") + e.what();
    }
    return impl;
}

Precision choosePrecision(Precision requested, const KernelProbe &probe)
{
    const auto fast = [&](Precision p) {
        if (p == Precision::F32)
            return true; // the reference precision is always used, fast or not
        const std::string impl = probe(p);
        return !impl.empty() && impl.rfind("ref", 0) != 0 && impl.rfind("unsupported", 0) != 0;
    };
    switch (requested) {
    case Precision::Auto:
        // s8 first: its products multiply integers (activations quantised on the fly)
        // and read a byte per weight, so decoding, which streams every weight once per
        // token, runs about twice as fast as bf16 (inkling-bench, 2026-11-27: 853 vs 400
        // tokens/s for the embedded model, 66 vs 35 for 124M) for +0.9 % perplexity. On
        // AVX2 alone it decodes 1.4–1.7× faster than f32 (a quarter of the bytes) while
        // its prompt chunks run at 0.7–0.8× (docs/performance.md): decoding dominates a
        // suggestion, so s8 still comes first.
        [[fallthrough]];
    case Precision::S8:
        if (fast(Precision::S8))
            return Precision::S8;
        [[fallthrough]];
    case Precision::BF16:
        if (fast(Precision::BF16))
            return Precision::BF16;
        [[fallthrough]];
    case Precision::F32:
        break;
    }
    return Precision::F32;
}

} // namespace inkling
