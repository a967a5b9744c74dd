// GPT-2 weights in f32, named as in the checkpoint (wte, wpe, h.N.ln_1, c_attn, ...).
// Matrices keep the Hugging Face Conv1D layout [in, out], so x [T, in] x W [in, out].
#pragma once

#include "engine/gpt2_config.h"

#include <functional>
#include <string>
#include <vector>

namespace inkling {

// Reports how far a long operation has come, as a fraction in [0, 1].
using ProgressCallback = std::function<void(double fraction)>;

struct Gpt2LayerWeights
{
    std::vector<float> ln1Weight, ln1Bias;         // [C]
    std::vector<float> attnWeight, attnBias;       // c_attn: [C, 3C], [3C]
    std::vector<float> attnProjWeight, attnProjBias; // attn.c_proj: [C, C], [C]
    std::vector<float> ln2Weight, ln2Bias;         // [C]
    std::vector<float> fcWeight, fcBias;           // mlp.c_fc: [C, 4C], [4C]
    std::vector<float> mlpProjWeight, mlpProjBias; // mlp.c_proj: [4C, C], [C]
};

struct Gpt2Weights
{
    std::vector<float> wte;                  // [V, C], also the LM head (tied)
    std::vector<float> wpe;                  // [nCtx, C]
    std::vector<float> lnfWeight, lnfBias;   // [C]
    std::vector<float> lmHead;               // [V, C] when the file has an untied head, else empty
    std::vector<Gpt2LayerWeights> layers;

    // Reads model.safetensors (F32/F16/BF16; keys with or without "transformer.")
    // and checks every tensor's presence, dtype and shape against config. `progress`
    // hears the fraction of layers read.
    static Gpt2Weights load(const std::string &safetensorsPath, const Gpt2Config &config,
                            const ProgressCallback &progress = {});
    // The same checks from the header alone, without reading or converting any weight
    // (cheap even for GPT-2 1.5B). Throws the ModelError load() would throw.
    static void check(const std::string &safetensorsPath, const Gpt2Config &config);
};

} // namespace inkling
