// Arithmetic on 16-float vectors (GCC/Clang vector extensions) for the kernels that run
// in functions compiled for several targets (target_clones.h): AVX-512 takes a vector in
// one register, AVX2 in two, plain x86-64 in four. Inline helpers only, so that no vector
// is passed across a call between functions built for different targets.
#pragma once

#include <cstdint>
#include <cstring>

namespace inkling {

typedef float F16 __attribute__((vector_size(64)));    // 16 floats
typedef int32_t I16 __attribute__((vector_size(64)));  // 16 ints
typedef uint32_t U16 __attribute__((vector_size(64))); // 16 unsigned ints
typedef uint16_t B16 __attribute__((vector_size(32))); // 16 bf16 values

[[gnu::always_inline]] inline F16 load16(const float *p)
{
    F16 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

[[gnu::always_inline]] inline F16
load16(const uint16_t *p) // bf16 widened exactly: its bits are the f32's top half
{
    B16 h;
    std::memcpy(&h, p, sizeof h);
    const U16 bits = __builtin_convertvector(h, U16) << 16;
    F16 v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

[[gnu::always_inline]] inline void store16(float *p, F16 v)
{
    std::memcpy(p, &v, sizeof v);
}

[[gnu::always_inline]] inline F16 splat(float x)
{
    return F16{} + x;
}

// e^x for x ≤ 0 (scores minus their maximum): 2^k · e^r with k = round(x / ln 2) and
// |r| ≤ ln 2 / 2, e^r by its Taylor polynomial to degree 6 (relative error < 2e-7,
// about one rounding of f32). Below -87 the result is clamped at about 1.6e-38, above 0
// (lanes past the last position, ignored) at 1, so that 2^k stays a normal float.
[[gnu::always_inline]] inline F16 exp16(F16 x)
{
    x = x < splat(-87.0f) ? splat(-87.0f) : x;
    x = x > splat(0.0f) ? splat(0.0f) : x;
    const F16 round = splat(12582912.0f); // 1.5 · 2^23: adding it rounds to an integer
    const F16 k = (x * 1.44269504088896341f + round) - round;
    const F16 r = (x - k * 0.693145751953125f) - k * 1.428606820309417e-6f; // ln 2 in two parts
    F16 p = r * (1.0f / 720) + 1.0f / 120;
    p = p * r + 1.0f / 24;
    p = p * r + 1.0f / 6;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    const I16 bits = (__builtin_convertvector(k, I16) + 127) << 23; // 2^k
    F16 scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

} // namespace inkling
