// A GPT-2 checkpoint of any shape with deterministic random weights, written in the
// Hugging Face layout (config.json + model.safetensors) so that the benchmark loads it
// through the normal loader.
#pragma once

#include "engine/model/gpt2_config.h"

#include <cstdint>
#include <string>

namespace inkling::bench {

// Writes dir/config.json and dir/model.safetensors (F32, tied head) unless both exist
// already with the expected size. Weights: N(0, 0.02)-like uniforms as in GPT-2's
// initialisation, LayerNorm gains 1, biases small.
// The tokenizer files (GPT-2's vocabulary) are copied from tokenizerDir, so that the
// directory is a complete model the application's loader accepts.
void writeRandomCheckpoint(const std::string &dir, const Gpt2Config &config, uint64_t seed,
                           const std::string &tokenizerDir);

} // namespace inkling::bench
