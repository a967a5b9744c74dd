// What describes a GPT-2 model directory: its name, where it is, its size and shape. The
// model list, the cheap inspection of a directory and the loaded model share it; each
// holds it beside what only it knows (the list's source, a loaded model's kernels).
#pragma once

#include <string>

namespace inkling {

struct ModelInfo
{
    std::string name;      // "inkling-tiny", "openai-community/gpt2", "gpt2-medium", ...
    std::string directory; // absolute
    long long parameters = 0;
    long long fileBytes = 0; // size of model.safetensors
    std::string dtype;       // of the weights in the file: "F32", "F16", "BF16"
    int contextLength = 0;
    int layers = 0;
    int width = 0;
};

} // namespace inkling
