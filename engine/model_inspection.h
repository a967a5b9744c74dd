// What a model directory holds, read cheaply (config.json and the safetensors header,
// never the weights), so a model list can describe models it has not loaded.
#pragma once

#include <string>

namespace inkling {

struct ModelSummary
{
    std::string directory;
    long long parameters = 0;
    long long fileBytes = 0; // size of model.safetensors
    std::string dtype;       // of the weights in the file: "F32", "F16", "BF16"
    int contextLength = 0;
    int layers = 0;
    int width = 0;
    // Whether LanguageModel::load would accept the directory as far as the files'
    // structure tells (tokenizer files are checked for presence, not parsed).
    bool loadable = false;
    std::string problem; // why not, as a ModelError message
};

// Never throws: every problem ends up in `problem`. The sizes are filled in as far as
// the files could be read, so a model that is too large still shows its size.
ModelSummary inspectModelDirectory(const std::string &directory);

} // namespace inkling
