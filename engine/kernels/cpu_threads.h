// How many threads the engine runs by default, and how its OpenMP threads wait.
#pragma once

#include <string>

namespace inkling {

// Physical cores this process may run on (hyper-threads of one core count once): the
// default thread count, since two threads on one core only fight over its FPUs. Reads
// the Linux CPU topology under sysfsCpuDir; falls back to the logical CPU count.
int physicalCoreCount(const std::string &sysfsCpuDir = "/sys/devices/system/cpu");

// OpenMP threads that spin while they wait for work (libgomp's default) take the CPU
// from everything else, and on a busy machine from each other: keystroke-to-suggestion
// latency went from 26 ms to 216 ms (p50) with 2 threads at load 16, against 31 ms with
// passive waiting (inkling-bench --typing-only, 2026-11-27). libgomp reads the policy
// when it is loaded, before main(), so unless the user chose one, this sets
// OMP_WAIT_POLICY=PASSIVE and re-executes the program (once); it returns only if no
// re-execution was needed or possible.
void ensurePassiveOpenMpWaiting(char **argv);

// "passive", "active" or "default (spinning)": what this process's OpenMP runtime was
// started with, for --version output and diagnostics.
std::string openMpWaitPolicy();

} // namespace inkling
