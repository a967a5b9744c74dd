// Deterministic random GPT-2 weights in safetensors, written without any dependency.
#include "bench/random_checkpoint.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace inkling::bench {

namespace {

struct Tensor
{
    std::string name;
    std::vector<int64_t> shape;
    enum class Fill { Random, Ones, Small } fill;
    float scale = 0.02f;

    int64_t elements() const
    {
        int64_t n = 1;
        for (int64_t d : shape)
            n *= d;
        return n;
    }
};

std::vector<Tensor> gpt2Tensors(const Gpt2Config &c)
{
    using F = Tensor::Fill;
    const int64_t C = c.nEmbd, F4 = c.innerDim();
    std::vector<Tensor> t = {{"wte.weight", {c.nVocab, C}, F::Random},
                             {"wpe.weight", {c.nCtx, C}, F::Random, 0.01f}};
    for (int l = 0; l < c.nLayer; ++l) {
        const std::string h = "h." + std::to_string(l) + ".";
        const float proj = 0.02f / std::sqrt(2.0f * c.nLayer); // GPT-2's residual scaling
        t.push_back({h + "ln_1.weight", {C}, F::Ones});
        t.push_back({h + "ln_1.bias", {C}, F::Small});
        t.push_back({h + "attn.c_attn.weight", {C, 3 * C}, F::Random});
        t.push_back({h + "attn.c_attn.bias", {3 * C}, F::Small});
        t.push_back({h + "attn.c_proj.weight", {C, C}, F::Random, proj});
        t.push_back({h + "attn.c_proj.bias", {C}, F::Small});
        t.push_back({h + "ln_2.weight", {C}, F::Ones});
        t.push_back({h + "ln_2.bias", {C}, F::Small});
        t.push_back({h + "mlp.c_fc.weight", {C, F4}, F::Random});
        t.push_back({h + "mlp.c_fc.bias", {F4}, F::Small});
        t.push_back({h + "mlp.c_proj.weight", {F4, C}, F::Random, proj});
        t.push_back({h + "mlp.c_proj.bias", {C}, F::Small});
    }
    t.push_back({"ln_f.weight", {C}, F::Ones});
    t.push_back({"ln_f.bias", {C}, F::Small});
    return t;
}

// splitmix64: tiny, fast and the same on every platform.
struct Random
{
    uint64_t state;
    float uniform() // [-1, 1)
    {
        uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        return float(z >> 40) / float(1 << 23) - 1.0f;
    }
};

} // namespace

void writeRandomCheckpoint(const std::string &dir, const Gpt2Config &c, uint64_t seed,
                           const std::string &tokenizerDir)
{
    namespace fs = std::filesystem;
    const std::vector<Tensor> tensors = gpt2Tensors(c);
    std::string header = "{";
    int64_t offset = 0;
    for (const Tensor &t : tensors) {
        std::string shape;
        for (int64_t d : t.shape)
            shape += (shape.empty() ? "" : ",") + std::to_string(d);
        const int64_t bytes = t.elements() * 4;
        header += "\"" + t.name + "\":{\"dtype\":\"F32\",\"shape\":[" + shape +
                  "],\"data_offsets\":[" + std::to_string(offset) + "," +
                  std::to_string(offset + bytes) + "]},";
        offset += bytes;
    }
    header += "\"__metadata__\":{\"format\":\"pt\"}}";
    header.append((8 - header.size() % 8) % 8, ' ');

    const fs::path weights = fs::path(dir) / "model.safetensors";
    const uintmax_t expected = 8 + header.size() + uintmax_t(offset);
    fs::create_directories(dir);
    for (const char *file : {"vocab.json", "merges.txt"})
        fs::copy_file(fs::path(tokenizerDir) / file, fs::path(dir) / file,
                      fs::copy_options::overwrite_existing);
    std::error_code ec;
    if (fs::exists(fs::path(dir) / "config.json", ec) && fs::file_size(weights, ec) == expected)
        return;
    {
        std::ofstream cfg(fs::path(dir) / "config.json");
        cfg << "{\"model_type\":\"gpt2\",\"vocab_size\":" << c.nVocab
            << ",\"n_positions\":" << c.nCtx << ",\"n_ctx\":" << c.nCtx << ",\"n_embd\":" << c.nEmbd
            << ",\"n_layer\":" << c.nLayer << ",\"n_head\":" << c.nHead
            << ",\"n_inner\":null,\"activation_function\":\"gelu_new\","
               "\"layer_norm_epsilon\":1e-05,\"tie_word_embeddings\":true}\n";
    }
    std::ofstream out(weights, std::ios::binary);
    const uint64_t n = header.size();
    out.write(reinterpret_cast<const char *>(&n), 8); // little-endian hosts only
    out << header;
    Random rng{seed};
    std::vector<float> buf;
    for (const Tensor &t : tensors) {
        buf.resize(size_t(t.elements()));
        // Uniform with the standard deviation `scale`: half-width scale * sqrt(3).
        const float width = t.scale * std::sqrt(3.0f);
        for (float &x : buf) {
            switch (t.fill) {
            case Tensor::Fill::Random:
                x = width * rng.uniform();
                break;
            case Tensor::Fill::Ones:
                x = 1.0f;
                break;
            case Tensor::Fill::Small:
                x = 0.01f * rng.uniform();
                break;
            }
        }
        out.write(reinterpret_cast<const char *>(buf.data()), std::streamsize(buf.size() * 4));
    }
    if (!out)
        throw std::runtime_error("cannot write " + weights.string());
}

} // namespace inkling::bench
