// The number formats a model's weight matrices can be held in, and the choice among
// them based on what oneDNN actually provides on this CPU.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace inkling {

enum class Precision {
    Auto, // s8, else bf16, else f32: the fastest whose kernels are not oneDNN's reference code
    F32,  // reference: f32 weights and activations
    BF16, // bf16 weights, bf16 matmul inputs, f32 accumulation and everything else
    S8,   // s8 weights with one f32 scale per output channel, s8 activations quantised per product
};

const char *precisionName(Precision p);
std::optional<Precision> precisionFromName(std::string_view name);

// Answers "which oneDNN implementation would run matrix products with these weights?"
// (e.g. "brg_matmul:avx512_core_bf16" or "ref:any"); injectable for tests.
using KernelProbe = std::function<std::string(Precision)>;

// The probe that asks oneDNN for representative GPT-2 shapes.
std::string probeMatmulKernel(Precision p);

// Resolves Auto and never returns a precision whose kernel is oneDNN's slow reference
// implementation ("ref:..."): those fall back to bf16 (for s8), then to f32.
Precision choosePrecision(Precision requested, const KernelProbe &probe = probeMatmulKernel);

} // namespace inkling
