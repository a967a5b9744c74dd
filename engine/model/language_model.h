// Everything a completion needs from one Hugging Face GPT-2 model directory: config,
// weights on oneDNN, and the tokenizer. Also finds the embedded default model.
#pragma once

#include "engine/model/gpt2_config.h"
#include "engine/model/gpt2_model.h"
#include "engine/model/model_info.h"
#include "engine/text/tokenizer.h"

#include <memory>
#include <string>

namespace inkling {

class LanguageModel
{
public:
    // Loads config.json, model.safetensors, vocab.json and merges.txt from dir.
    // Throws ModelError with the offending file (and tensor) on any problem. Weight
    // matrices are packed (and quantised) for `precision` at load time. `progress`
    // hears the fraction done (reading the weights, then packing them).
    // otherBytes: memory held meanwhile by a model this one replaces (see checkModelMemory).
    static std::unique_ptr<LanguageModel> load(const std::string &dir,
                                               Precision precision = Precision::F32,
                                               const ProgressCallback &progress = {},
                                               double otherBytes = 0);

    const std::string &directory() const { return m_dir; }
    // The directory's name, e.g. "inkling-tiny" or "gpt2-medium".
    std::string name() const;
    const Gpt2Config &config() const { return m_model->config(); }
    const Gpt2Model &model() const { return *m_model; }
    const Tokenizer &tokenizer() const { return m_tokenizer; }
    // Size of model.safetensors and its weights' dtype ("F16", ...).
    long long fileBytes() const { return m_fileBytes; }
    const std::string &fileDType() const { return m_fileDType; }
    // All of the above about the files, as the model list describes a directory.
    ModelInfo info() const;

private:
    LanguageModel(std::string dir, std::unique_ptr<Gpt2Model> model, Tokenizer tokenizer)
        : m_dir(std::move(dir))
        , m_model(std::move(model))
        , m_tokenizer(std::move(tokenizer))
    {}

    std::string m_dir;
    std::unique_ptr<Gpt2Model> m_model;
    Tokenizer m_tokenizer;
    long long m_fileBytes = 0;
    std::string m_fileDType;
};

// The name of a model directory: its last component, e.g. "inkling-tiny".
std::string modelName(const std::string &dir);
// Throws the ModelError load() would throw for a missing or unreadable file of dir.
void checkModelFiles(const std::string &dir);
// A lower bound of the memory a model with config needs once loaded: 2 bytes per
// parameter (the smallest file dtype), the f32 KV cache and the activation buffers.
double minimumModelBytes(const Gpt2Config &config);
// Throws a ModelError naming configPath when the model cannot fit in this computer's
// memory beside otherBytes already in use (a model that stays loaded until the new one
// is ready).
void checkModelMemory(const Gpt2Config &config, const std::string &configPath,
                      double otherBytes = 0);

// The embedded inkling-tiny model: $INKLING_MODEL_DIR if set, else the installed copy
// (next to the executable's ../share, then the configured prefix), else the source
// tree's. Empty when none exists.
std::string defaultModelDirectory();

} // namespace inkling
