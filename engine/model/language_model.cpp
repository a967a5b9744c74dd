// Loading a model directory, turning every failure into a ModelError.
#include "engine/model/language_model.h"

#include "engine/model/model_error.h"
#include "engine/model/safetensors.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

namespace fs = std::filesystem;

namespace inkling {

// A config.json from a stranger may describe a model far larger than this computer can
// hold; refuse it with a clear message before any weight is allocated. Every buffer that
// grows with a config value is counted; the weights at 2 bytes per parameter (the
// smallest file dtype), so no model that fits is ever refused.
double minimumModelBytes(const Gpt2Config &config)
{
    const double kvCache = 2.0 * sizeof(float) * config.nLayer *
                           double(KvCache::strideFor(config.nCtx)) * config.nEmbd;
    return 2.0 * double(config.parameterCount()) + kvCache + Gpt2Scratch::bytesFor(config);
}

void checkModelMemory(const Gpt2Config &config, const std::string &configPath, double otherBytes)
{
    const double needed = minimumModelBytes(config) + otherBytes;
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0)
        return; // unknown: let the allocation decide
    const double available = double(pages) * double(pageSize);
    if (needed <= available)
        return;
    const auto gib = [](double bytes) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f GiB", bytes / double(1ull << 30));
        return std::string(text);
    };
    throw ModelError(
        configPath, {},
        "describes a model that needs at least " + gib(needed - otherBytes) +
            " of memory, more than this computer has (" + gib(available) + ")" +
            (otherBytes > 0 ? " beside the model in use (" + gib(otherBytes) + ")" : ""));
}

void checkModelFiles(const std::string &dir)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw ModelError(dir, {}, "is not a model directory (it does not exist)");
    const auto file = [&](const char *name) {
        return (fs::path(dir) / name).string();
    };
    for (const char *name : {"config.json", "model.safetensors", "vocab.json", "merges.txt"}) {
        if (!fs::exists(file(name), ec)) {
            // A PyTorch pickle is never opened: unpickling runs arbitrary code.
            if (std::string(name) == "model.safetensors" &&
                fs::exists(file("pytorch_model.bin"), ec))
                throw ModelError(file(name), {},
                                 "missing: the directory has only pytorch_model.bin (a PyTorch "
                                 "pickle), which Inkling does not read for safety");
            // exists() is also false when the directory may not be searched.
            throw ModelError(file(name), {},
                             ec ? "cannot be read: " + ec.message()
                                : std::string("missing from the model directory"));
        }
    }
}

std::unique_ptr<LanguageModel> LanguageModel::load(const std::string &dir, Precision precision,
                                                   const ProgressCallback &progress,
                                                   double otherBytes)
{
    checkModelFiles(dir);
    const auto file = [&](const char *name) {
        return (fs::path(dir) / name).string();
    };
    // Shares of the load time: reading the small tensors and the embeddings, then
    // converting and packing the large matrices (most of the work).
    constexpr double kReadShare = 0.2;
    const auto report = [&](double fraction) {
        if (progress)
            progress(fraction);
    };
    report(0.0);

    const Gpt2Config config = Gpt2Config::fromJsonFile(file("config.json"));
    checkModelMemory(config, file("config.json"), otherBytes);
    Tokenizer tokenizer = [&] {
        try {
            return Tokenizer::load(file("vocab.json"), file("merges.txt"));
        } catch (const TokenizerError &e) {
            throw ModelError(file("vocab.json"), {}, e.what());
        }
    }();
    if (tokenizer.vocabSize() > config.nVocab)
        throw ModelError(file("vocab.json"), {},
                         "has " + std::to_string(tokenizer.vocabSize()) +
                             " tokens but config.json's vocab_size is " +
                             std::to_string(config.nVocab));

    // Opened once: its header gives the file's size and dtype, then the weights.
    std::shared_ptr<const SafetensorsFile> st = SafetensorsFile::open(file("model.safetensors"));
    const long long bytes = (long long)st->fileSize();
    std::string dtype;
    for (const auto &t : st->tensors()) {
        if (t.name.ends_with("wte.weight"))
            dtype = dtypeName(t.dtype);
    }
    Gpt2Weights weights =
        Gpt2Weights::load(std::move(st), config, [&](double f) { report(kReadShare * f); });
    auto model = std::make_unique<Gpt2Model>(config, std::move(weights), precision, [&](double f) {
        report(kReadShare + (1 - kReadShare) * f);
    });
    std::unique_ptr<LanguageModel> lm(new LanguageModel(
        fs::absolute(dir).lexically_normal().string(), std::move(model), std::move(tokenizer)));
    lm->m_fileBytes = bytes;
    lm->m_fileDType = dtype;
    return lm;
}

std::string LanguageModel::name() const
{
    return modelName(m_dir);
}

ModelInfo LanguageModel::info() const
{
    ModelInfo info;
    info.name = name();
    info.directory = m_dir;
    info.parameters = config().parameterCount();
    info.fileBytes = m_fileBytes;
    info.dtype = m_fileDType;
    info.contextLength = config().nCtx;
    info.layers = config().nLayer;
    info.width = config().nEmbd;
    return info;
}

std::string modelName(const std::string &dir)
{
    fs::path p(dir);
    if (p.filename().empty())
        p = p.parent_path();
    return p.filename().string();
}

std::string defaultModelDirectory()
{
    std::error_code ec;
    const auto usable = [&](const fs::path &p) {
        return fs::exists(p / "config.json", ec);
    };
    if (const char *env = std::getenv("INKLING_MODEL_DIR"); env && *env)
        return env;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path nextToExe =
            exe.parent_path().parent_path() / "share/inkling/models/inkling-tiny";
        if (usable(nextToExe))
            return nextToExe.string();
    }
    for (const char *candidate : {INKLING_INSTALLED_MODEL_DIR, INKLING_SOURCE_MODEL_DIR}) {
        if (usable(candidate))
            return candidate;
    }
    return {};
}

} // namespace inkling
