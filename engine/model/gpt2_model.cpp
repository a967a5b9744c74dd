// One GPT-2 forward step over a chunk of new tokens. Shapes: T new tokens, C = n_embd,
// F = inner (4C), V = vocabulary, P = nPast cached positions.
#include "engine/model/gpt2_model.h"

#include "engine/kernels/attention.h"
#include "engine/kernels/bf16.h"
#include "engine/model/gpt2_kernels.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <stdexcept>

namespace inkling {

using Epilogue = MatmulShape::Epilogue;

Gpt2Scratch::Gpt2Scratch(const Gpt2Config &c)
    : x(size_t(Gpt2Model::kMaxChunk) * c.nEmbd)
    , h(size_t(Gpt2Model::kMaxChunk) * c.nEmbd)
    , qkv(size_t(Gpt2Model::kMaxChunk) * 3 * c.nEmbd)
    , att(size_t(Gpt2Model::kMaxChunk) * c.nEmbd)
    , fc(size_t(Gpt2Model::kMaxChunk) * c.innerDim())
    , scores(size_t(Gpt2Model::kMaxChunk) * c.nHead * KvCache::strideFor(c.nCtx))
{}

double Gpt2Scratch::bytesFor(const Gpt2Config &c)
{
    const double t = Gpt2Model::kMaxChunk;
    const double floats = t * c.nEmbd * (1 + 1 + 3 + 1) + t * c.innerDim() +
                          t * c.nHead * double(KvCache::strideFor(c.nCtx));
    return floats * sizeof(float);
}

namespace {

WeightType weightTypeFor(Precision p)
{
    return p == Precision::S8     ? WeightType::S8
           : p == Precision::BF16 ? WeightType::BF16
                                  : WeightType::F32;
}

// Packs w [K, N] (or [N, K] when transposed), then releases the f32 copy so that
// loading never holds two copies of more than one matrix.
PackedMatrix packAndFree(std::vector<float> &w, int64_t k, int64_t n, WeightType type,
                         bool transposed = false)
{
    PackedMatrix packed(w.data(), k, n, transposed, type);
    std::vector<float>().swap(w);
    return packed;
}

// Converts a deferred matrix, packs it, and lets the f32 copy go at once.
PackedMatrix pack(DeferredMatrix &m, int64_t k, int64_t n, WeightType type)
{
    std::vector<float> w = m.take();
    return packAndFree(w, k, n, type);
}

} // namespace

Gpt2Model::Gpt2Model(const Gpt2Config &config, Gpt2Weights weights, Precision precision,
                     const ProgressCallback &progress, const KernelProbe &probe)
    : m_config(config)
    , m_precision(choosePrecision(precision, probe))
    , m_w(std::move(weights))
    , m_kernels(
          std::make_unique<Kernels>(weightTypeFor(m_precision), config.nEmbd, config.layerNormEps))
{
    const int64_t C = config.nEmbd, F = config.innerDim(), V = config.nVocab;
    const WeightType type = m_kernels->weightType;
    const double steps = config.nLayer + 1; // the head, then every layer
    // The head first: the tied head is packed from the f32 wte, which can then shrink to
    // bf16 before the layers' packed matrices add up, so the f32 copy is never held
    // beside them (peak memory, not just the memory after loading).
    if (m_w.lmHead.empty())
        m_kernels->head = PackedMatrix(m_w.wte.data(), C, V, true, type);
    else
        m_kernels->head = packAndFree(m_w.lmHead, C, V, type, true);
    std::vector<float>().swap(m_w.lmHead); // an untied head equal to wte leaves capacity
    if (type != WeightType::F32) {
        m_wteBf16.resize(m_w.wte.size());
        std::transform(m_w.wte.begin(), m_w.wte.end(), m_wteBf16.begin(), bf16FromFloat);
        std::vector<float>().swap(m_w.wte);
    }
    if (progress)
        progress(1 / steps);

    std::vector<Kernels::PackedLayer> &packed = m_kernels->packed;
    for (Gpt2LayerWeights &w : m_w.layers) {
        Kernels::PackedLayer p;
        p.attn = pack(w.attnWeight, C, 3 * C, type);
        p.attnProj = pack(w.attnProjWeight, C, C, type);
        p.fc = pack(w.fcWeight, C, F, type);
        p.mlpProj = pack(w.mlpProjWeight, F, C, type);
        packed.push_back(std::move(p));
        if (progress)
            progress(double(packed.size() + 1) / steps);
    }
    // Whether a single token can run on the decode team: every matrix has a row kernel.
    m_kernels->rowKernels = m_kernels->head.rowKernel() != RowKernel::None;
    for (const Kernels::PackedLayer &p : packed)
        for (const PackedMatrix *m : {&p.attn, &p.attnProj, &p.fc, &p.mlpProj})
            m_kernels->rowKernels = m_kernels->rowKernels && m->rowKernel() != RowKernel::None;
}

Gpt2Model::Gpt2Model(Gpt2Model &&) noexcept = default;
Gpt2Model &Gpt2Model::operator=(Gpt2Model &&) noexcept = default;
Gpt2Model::~Gpt2Model() = default;

size_t Gpt2Model::matrixBytes() const
{
    size_t total = m_kernels->head.bytes();
    for (const Kernels::PackedLayer &p : m_kernels->packed)
        total += p.attn.bytes() + p.attnProj.bytes() + p.fc.bytes() + p.mlpProj.bytes();
    return total;
}

size_t Gpt2Model::weightBytes() const
{
    const auto f32 = [](const std::vector<float> &v) {
        return v.capacity() * sizeof(float);
    };
    size_t total = matrixBytes() + m_wteBf16.capacity() * sizeof(uint16_t) + f32(m_w.wte) +
                   f32(m_w.wpe) + f32(m_w.lnfWeight) + f32(m_w.lnfBias) + f32(m_w.lmHead);
    for (const Gpt2LayerWeights &w : m_w.layers)
        total += f32(w.ln1Weight) + f32(w.ln1Bias) + f32(w.attnBias) + f32(w.attnProjBias) +
                 f32(w.ln2Weight) + f32(w.ln2Bias) + f32(w.fcBias) + f32(w.mlpProjBias);
    return total;
}

void Gpt2Model::forward(std::span<const int> tokens, int nPast, KvCache &cache, Gpt2Scratch &s,
                        float *logits, int nLogits) const
{
    const int T = int(tokens.size());
    const int C = m_config.nEmbd;
    if (T < 1 || T > kMaxChunk || nPast < 0 || nPast + T > m_config.nCtx || nLogits < 0 ||
        nLogits > T)
        throw std::invalid_argument("Gpt2Model::forward: chunk does not fit the context");

    // x [T, C] = wte[token] + wpe[position]
    for (int t = 0; t < T; ++t) {
        const int id = tokens[t];
        if (id < 0 || id >= m_config.nVocab)
            throw std::invalid_argument("Gpt2Model::forward: token id out of range");
        const float *pe = m_w.wpe.data() + size_t(nPast + t) * C;
        float *xt = s.x.data() + size_t(t) * C;
        if (m_wteBf16.empty()) {
            const float *te = m_w.wte.data() + size_t(id) * C;
            for (int c = 0; c < C; ++c)
                xt[c] = te[c] + pe[c];
        } else {
            const uint16_t *te = m_wteBf16.data() + size_t(id) * C;
            for (int c = 0; c < C; ++c)
                xt[c] = floatFromBf16(te[c]) + pe[c];
        }
    }

    if (T == 1 && m_kernels->rowKernels) {
        decodeStep(nPast, cache, s, nLogits == 1 ? logits : nullptr);
        return;
    }
    for (int l = 0; l < m_config.nLayer; ++l)
        block(l, T, nPast, cache, s);

    if (nLogits == 0)
        return;
    // Only the rows whose logits are wanted go through ln_f and the LM head.
    const float *xLast = s.x.data() + size_t(T - nLogits) * C; // [nLogits, C]
    Kernels &k = *m_kernels;
    k.layerNorms.get(nLogits).run(xLast, m_w.lnfWeight.data(), m_w.lnfBias.data(), s.h.data());
    // logits [nLogits, V] = h [nLogits, C] x headᵀ [C, V]
    k.matmuls.get(k.shape(nLogits, C, m_config.nVocab, Epilogue::None, false))
        .run(s.h.data(), k.head, nullptr, logits);
}

void Gpt2Model::block(int l, int T, int nPast, KvCache &cache, Gpt2Scratch &s) const
{
    const Gpt2LayerWeights &w = m_w.layers[size_t(l)];
    Kernels &k = *m_kernels;
    const Kernels::PackedLayer &p = k.packed[size_t(l)];
    const int C = m_config.nEmbd, F = m_config.innerDim();
    const LayerNorm &ln = k.layerNorms.get(T);

    // Attention sub-block: x += c_proj(attention(ln_1(x)))
    ln.run(s.x.data(), w.ln1Weight.data(), w.ln1Bias.data(), s.h.data()); // h [T, C]
    k.matmuls
        .get(k.shape(T, C, 3 * C, Epilogue::None)) // qkv [T, 3C]
        .run(s.h.data(), p.attn, w.attnBias.data(), s.qkv.data());
    for (int t = 0; t < T; ++t) { // k, v rows of qkv → cache rows nPast + t
        const float *row = s.qkv.data() + size_t(t) * 3 * C;
        cache.store(l, nPast + t, row + C, row + 2 * C);
    }
    causalAttention(s.qkv.data(), 3 * C, cache, l, nPast, T, s.att.data(),
                    s.scores.data()); // att [T, C]
    k.matmuls
        .get(k.shape(T, C, C, Epilogue::Accumulate)) // x [T, C] += att x Wproj
        .run(s.att.data(), p.attnProj, w.attnProjBias.data(), s.x.data());

    // MLP sub-block: x += c_proj(gelu(c_fc(ln_2(x))))
    ln.run(s.x.data(), w.ln2Weight.data(), w.ln2Bias.data(), s.h.data()); // h [T, C]
    k.matmuls
        .get(k.shape(T, C, F, Epilogue::Gelu)) // fc [T, F]
        .run(s.h.data(), p.fc, w.fcBias.data(), s.fc.data());
    k.matmuls
        .get(k.shape(T, F, C, Epilogue::Accumulate)) // x [T, C] += fc x Wproj
        .run(s.fc.data(), p.mlpProj, w.mlpProjBias.data(), s.x.data());
}

std::string Gpt2Model::matmulImplementation() const
{
    // The first layer's QKV product stands for every matrix (all are packed alike), in
    // the two shapes forward() runs it in anyway: so asking creates no extra primitive.
    const int64_t C = m_config.nEmbd;
    Kernels &k = *m_kernels;
    const PackedMatrix &qkv = k.packed.front().attn; // the config has at least one layer
    const std::string row = k.matmuls.get(k.shape(1, C, 3 * C, Epilogue::None)).implementation(qkv);
    const std::string chunk =
        k.matmuls.get(k.shape(kMaxChunk, C, 3 * C, Epilogue::None)).implementation(qkv);
    return row == chunk ? row : row + " (one row), " + chunk + " (chunks)";
}

} // namespace inkling
