// Maps checkpoint tensor names to Gpt2Weights and rejects anything unexpected.
#include "engine/model/gpt2_weights.h"

#include "engine/model/mapped_file.h"
#include "engine/model/model_error.h"
#include "engine/model/safetensors.h"

#include <set>

namespace inkling {

namespace {

class TensorReader
{
public:
    // A checking reader validates names, dtypes and shapes but returns empty vectors.
    TensorReader(std::shared_ptr<const SafetensorsFile> file, std::string prefix, bool checkOnly)
        : m_file(std::move(file))
        , m_prefix(std::move(prefix))
        , m_checkOnly(checkOnly)
    {}

    // Reads "<prefix>name" with exactly the given shape.
    std::vector<float> read(const std::string &name, const std::vector<int64_t> &shape)
    {
        return readFull(m_prefix + name, shape);
    }

    std::vector<float> readFull(const std::string &full, const std::vector<int64_t> &shape)
    {
        const TensorView *t = checked(full, shape);
        return m_checkOnly ? std::vector<float>() : DeferredMatrix(m_file, t).take();
    }

    // Checks "<prefix>name" like read() and leaves its conversion to the packing.
    DeferredMatrix deferred(const std::string &name, const std::vector<int64_t> &shape)
    {
        const TensorView *t = checked(m_prefix + name, shape);
        return m_checkOnly ? DeferredMatrix() : DeferredMatrix(m_file, t);
    }

    // Every tensor must have been read, except the attention-mask buffers that
    // transformers saves alongside the weights.
    void checkAllUsed() const
    {
        for (const auto &t : m_file->tensors()) {
            if (m_used.count(t.name))
                continue;
            const auto endsWith = [&](const std::string &suffix) {
                return t.name.size() >= suffix.size() &&
                       t.name.compare(t.name.size() - suffix.size(), suffix.size(), suffix) == 0;
            };
            if (endsWith(".attn.bias") || endsWith(".attn.masked_bias"))
                continue;
            throw ModelError(m_file->path(), t.name, "unexpected tensor for a GPT-2 model");
        }
    }

    static std::string shapeText(const std::vector<int64_t> &shape)
    {
        std::string s = "[";
        for (size_t i = 0; i < shape.size(); ++i)
            s += (i ? ", " : "") + std::to_string(shape[i]);
        return s + "]";
    }

private:
    const TensorView *checked(const std::string &full, const std::vector<int64_t> &shape)
    {
        const TensorView *t = m_file->find(full);
        if (!t)
            throw ModelError(m_file->path(), full, "missing");
        m_used.insert(full);
        if (t->dtype != DType::F32 && t->dtype != DType::F16 && t->dtype != DType::BF16)
            throw ModelError(m_file->path(), full,
                             std::string("dtype ") + dtypeName(t->dtype) +
                                 " is not supported (F32, F16 or BF16)");
        if (t->shape != shape)
            throw ModelError(m_file->path(), full,
                             "shape " + shapeText(t->shape) + " does not match config.json (" +
                                 shapeText(shape) + ")");
        return t;
    }

    std::shared_ptr<const SafetensorsFile> m_file;
    std::string m_prefix;
    bool m_checkOnly;
    std::set<std::string> m_used;
};

Gpt2Weights readWeights(const std::shared_ptr<const SafetensorsFile> &file,
                        const Gpt2Config &config, bool checkOnly, const ProgressCallback &progress)
{
    const std::string prefix = file->find("transformer.wte.weight") ? "transformer." : "";
    TensorReader r(file, prefix, checkOnly);
    const int64_t C = config.nEmbd, F = config.innerDim();

    Gpt2Weights w;
    w.wte = r.read("wte.weight", {config.nVocab, C});
    w.wpe = r.read("wpe.weight", {config.nCtx, C});
    for (int l = 0; l < config.nLayer; ++l) {
        const std::string h = "h." + std::to_string(l) + ".";
        Gpt2LayerWeights L;
        L.ln1Weight = r.read(h + "ln_1.weight", {C});
        L.ln1Bias = r.read(h + "ln_1.bias", {C});
        L.attnWeight = r.deferred(h + "attn.c_attn.weight", {C, 3 * C});
        L.attnBias = r.read(h + "attn.c_attn.bias", {3 * C});
        L.attnProjWeight = r.deferred(h + "attn.c_proj.weight", {C, C});
        L.attnProjBias = r.read(h + "attn.c_proj.bias", {C});
        L.ln2Weight = r.read(h + "ln_2.weight", {C});
        L.ln2Bias = r.read(h + "ln_2.bias", {C});
        L.fcWeight = r.deferred(h + "mlp.c_fc.weight", {C, F});
        L.fcBias = r.read(h + "mlp.c_fc.bias", {F});
        L.mlpProjWeight = r.deferred(h + "mlp.c_proj.weight", {F, C});
        L.mlpProjBias = r.read(h + "mlp.c_proj.bias", {C});
        w.layers.push_back(std::move(L));
        if (progress)
            progress(double(l + 1) / (config.nLayer + 1));
    }
    w.lnfWeight = r.read("ln_f.weight", {C});
    w.lnfBias = r.read("ln_f.bias", {C});
    // The head is never under "transformer."; when present it is usually wte again.
    if (file->find("lm_head.weight")) {
        w.lmHead = r.readFull("lm_head.weight", {config.nVocab, C});
        if (w.lmHead == w.wte)
            w.lmHead.clear();
    }
    r.checkAllUsed();
    if (progress)
        progress(1.0);
    return w;
}

} // namespace

DeferredMatrix::DeferredMatrix(std::shared_ptr<const SafetensorsFile> file, const TensorView *view)
    : m_file(std::move(file))
    , m_view(view)
{}

std::vector<float> DeferredMatrix::take()
{
    if (!m_view)
        return {};
    std::vector<float> values = toFloat32(*m_view);
    MappedFile::release(m_view->data, m_view->bytes);
    m_view = nullptr;
    m_file.reset();
    return values;
}

Gpt2Weights Gpt2Weights::load(const std::string &path, const Gpt2Config &config,
                              const ProgressCallback &progress)
{
    return load(SafetensorsFile::open(path), config, progress);
}

Gpt2Weights Gpt2Weights::load(std::shared_ptr<const SafetensorsFile> file, const Gpt2Config &config,
                              const ProgressCallback &progress)
{
    // The deferred matrices share the file: once the caller's reference is gone, the
    // mapping goes with the last matrix taken.
    return readWeights(file, config, false, progress);
}

void Gpt2Weights::check(const std::string &path, const Gpt2Config &config)
{
    check(SafetensorsFile::open(path), config);
}

void Gpt2Weights::check(const std::shared_ptr<const SafetensorsFile> &file,
                        const Gpt2Config &config)
{
    readWeights(file, config, true, {});
}

} // namespace inkling
