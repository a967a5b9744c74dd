// What a model directory holds, read cheaply (config.json and the safetensors header,
// never the weights), so a model list can describe models it has not loaded.
#pragma once

#include "engine/model/model_info.h"

#include <string>

namespace inkling {

struct ModelSummary
{
    ModelInfo info; // named after the directory
    // Whether LanguageModel::load would accept the directory as far as the files'
    // structure tells (tokenizer files are checked for presence, not parsed).
    bool loadable = false;
    std::string problem; // why not, as a ModelError message
};

// Never throws: every problem ends up in `problem`. The sizes are filled in as far as
// the files could be read, so a model that is too large still shows its size.
ModelSummary inspectModelDirectory(const std::string &directory);

} // namespace inkling
