// The same checks LanguageModel::load makes, minus reading the weights and the tokenizer.
#include "engine/model/model_inspection.h"

#include "engine/model/gpt2_weights.h"
#include "engine/model/language_model.h"
#include "engine/model/safetensors.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace inkling {

ModelSummary inspectModelDirectory(const std::string &directory)
{
    ModelSummary s;
    s.info.name = modelName(directory);
    s.info.directory = directory;
    const std::string configPath = (fs::path(directory) / "config.json").string();
    const std::string weightsPath = (fs::path(directory) / "model.safetensors").string();
    try {
        checkModelFiles(directory);
        const Gpt2Config config = Gpt2Config::fromJsonFile(configPath);
        s.info.parameters = config.parameterCount();
        s.info.contextLength = config.nCtx;
        s.info.layers = config.nLayer;
        s.info.width = config.nEmbd;
        checkModelMemory(config, configPath); // where load() checks it, for the same message
        // Maps the file (no read) and parses only its header, once for both uses.
        const std::shared_ptr<const SafetensorsFile> st = SafetensorsFile::open(weightsPath);
        s.info.fileBytes = (long long)st->fileSize();
        for (const auto &t : st->tensors()) {
            if (t.name.ends_with("wte.weight"))
                s.info.dtype = dtypeName(t.dtype);
        }
        Gpt2Weights::check(st, config);
        s.loadable = true;
    } catch (const std::exception &e) {
        s.problem = e.what();
        std::error_code ec;
        if (s.info.fileBytes == 0 && fs::is_regular_file(weightsPath, ec)) {
            const auto bytes = fs::file_size(weightsPath, ec);
            s.info.fileBytes = ec ? 0 : (long long)bytes;
        }
    }
    return s;
}

} // namespace inkling
