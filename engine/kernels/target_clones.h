// INKLING_CLONES: compile a hot loop for AVX-512, AVX2 and plain x86-64 and let the
// dynamic loader pick one for the CPU at hand (the build itself targets generic
// x86-64, so that the binary runs everywhere).
#pragma once

// Not under ThreadSanitizer: the clones' IFUNC resolvers run while the dynamic loader
// relocates the program, before TSan's runtime is set up, yet they are instrumented, so
// every binary would crash before main (any TSan program with target_clones does).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define INKLING_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define INKLING_CLONES
#endif
