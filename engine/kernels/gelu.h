// GPT-2's GELU (the tanh approximation) over a row in place, for the decode team's
// members, which apply it to their own columns right after the product (oneDNN fuses it
// into the chunk products as a post-op).
#pragma once

#include <cstdint>

namespace inkling {

// x[i] = 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))) for i < n.
void geluTanh(float *x, int64_t n);

} // namespace inkling
