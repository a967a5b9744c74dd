// With u = √(2/π) (x + 0.044715 x³) and e = exp(-2|u|), tanh|u| = (1 - e) / (1 + e), so
//   GELU(x) = x / (1 + e)      for u ≥ 0,
//   GELU(x) = x · e / (1 + e)  for u < 0,
// which never subtracts nearly equal numbers (the naive 1 + tanh(u) loses all its digits
// for large negative x) and needs only exp of a non-positive argument: the polynomial
// exp16 that attention uses, on 16 values at a time.
#include "engine/kernels/gelu.h"

#include "engine/kernels/target_clones.h"
#include "engine/kernels/vector_math.h"

#include <cmath>

namespace inkling {

namespace {

constexpr float kSqrt2OverPi = 0.7978845608028654f;
constexpr float kCubic = 0.044715f;

float geluScalar(float x)
{
    const float u = kSqrt2OverPi * (x + kCubic * x * x * x);
    const float e = std::exp(-2.0f * std::fabs(u));
    return u >= 0 ? x / (1.0f + e) : x * e / (1.0f + e);
}

} // namespace

INKLING_CLONES void geluTanh(float *x, int64_t n)
{
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const F16 v = load16(x + i);
        const F16 u = kSqrt2OverPi * (v + kCubic * v * v * v);
        const F16 negAbs = u < splat(0.0f) ? u : -u;
        const F16 e = exp16(2.0f * negAbs);
        const F16 onePlus = 1.0f + e;
        store16(x + i, u >= splat(0.0f) ? v / onePlus : v * e / onePlus);
    }
    for (; i < n; ++i)
        x[i] = geluScalar(x[i]);
}

} // namespace inkling
