// GPT-2 weights in f32 (the large matrices converted when packed), named as in the checkpoint (wte,
// wpe, h.N.ln_1, c_attn, ...). Matrices keep the Hugging Face Conv1D layout [in, out], so x [T, in]
// x W [in, out].
#pragma once

#include "engine/model/gpt2_config.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace inkling {

class SafetensorsFile;
struct TensorView;

// Reports how far a long operation has come, as a fraction in [0, 1].
using ProgressCallback = std::function<void(double fraction)>;

// A weight matrix of the checkpoint, converted to f32 only when the model packs it, so
// that loading never holds an f32 copy of every matrix at once (GPT-2 1.5B: 6 GB).
class DeferredMatrix
{
public:
    DeferredMatrix() = default;
    DeferredMatrix(std::shared_ptr<const SafetensorsFile> file, const TensorView *view);

    // The f32 values, once (then empty); the file's pages they came from are dropped,
    // and the file is unmapped when its last matrix has been taken.
    std::vector<float> take();

private:
    std::shared_ptr<const SafetensorsFile> m_file; // keeps the mapping alive until then
    const TensorView *m_view = nullptr;
};

struct Gpt2LayerWeights
{
    std::vector<float> ln1Weight, ln1Bias; // [C]
    DeferredMatrix attnWeight;             // c_attn: [C, 3C]
    std::vector<float> attnBias;           // [3C]
    DeferredMatrix attnProjWeight;         // attn.c_proj: [C, C]
    std::vector<float> attnProjBias;       // [C]
    std::vector<float> ln2Weight, ln2Bias; // [C]
    DeferredMatrix fcWeight;               // mlp.c_fc: [C, 4C]
    std::vector<float> fcBias;             // [4C]
    DeferredMatrix mlpProjWeight;          // mlp.c_proj: [4C, C]
    std::vector<float> mlpProjBias;        // [C]
};

struct Gpt2Weights
{
    std::vector<float> wte;                // [V, C], also the LM head (tied)
    std::vector<float> wpe;                // [nCtx, C]
    std::vector<float> lnfWeight, lnfBias; // [C]
    std::vector<float> lmHead;             // [V, C] when the file has an untied head, else empty
    std::vector<Gpt2LayerWeights> layers;

    // Reads model.safetensors (F32/F16/BF16; keys with or without "transformer.")
    // and checks every tensor's presence, dtype and shape against config. `progress`
    // hears the fraction of layers read.
    static Gpt2Weights load(const std::string &safetensorsPath, const Gpt2Config &config,
                            const ProgressCallback &progress = {});
    // The same from a file already open (a model load reads its header once).
    static Gpt2Weights load(std::shared_ptr<const SafetensorsFile> file, const Gpt2Config &config,
                            const ProgressCallback &progress = {});
    // The same checks from the header alone, without reading or converting any weight
    // (cheap even for GPT-2 1.5B). Throws the ModelError load() would throw.
    static void check(const std::string &safetensorsPath, const Gpt2Config &config);
    static void check(const std::shared_ptr<const SafetensorsFile> &file, const Gpt2Config &config);
};

} // namespace inkling
