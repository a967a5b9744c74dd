// bfloat16 <-> float, the one scalar definition (the KV cache, weight packing and the
// safetensors reader share it; attention widens 16 values at once the same way).
#pragma once

#include <cstdint>
#include <cstring>

namespace inkling {

// Round to nearest even, as oneDNN and PyTorch convert; a NaN stays a (quiet) NaN.
inline uint16_t bf16FromFloat(float f)
{
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    if ((u & 0x7fffffffu) > 0x7f800000u)
        return uint16_t((u >> 16) | 0x40);
    return uint16_t((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}

// Exact: a bf16's bits are the top half of the float's.
inline float floatFromBf16(uint16_t b)
{
    const uint32_t u = uint32_t(b) << 16;
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

} // namespace inkling
