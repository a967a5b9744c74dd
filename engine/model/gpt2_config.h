// GPT-2 hyper-parameters as read from a Hugging Face config.json.
#pragma once

#include <string>

namespace inkling {

struct Gpt2Config
{
    int nVocab = 50257;
    int nCtx = 1024; // n_positions: the learned position table's length
    int nEmbd = 768;
    int nHead = 12;
    int nLayer = 12;
    int nInner = 0; // 0 means 4 * nEmbd, as in GPT-2
    float layerNormEps = 1e-5f;

    int headDim() const { return nEmbd / nHead; }
    int innerDim() const { return nInner > 0 ? nInner : 4 * nEmbd; }
    // Parameter count of the GPT-2 architecture with these sizes (LM head tied).
    long long parameterCount() const;

    // Reads and validates config.json; throws ModelError naming the file and key.
    static Gpt2Config fromJsonFile(const std::string &path);
    // Throws ModelError when the sizes are not those of a usable GPT-2.
    void validate(const std::string &file) const;
};

} // namespace inkling
