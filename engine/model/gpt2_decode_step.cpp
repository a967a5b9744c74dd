// One decoded token on the decode team (thread_team.h). Shapes: C = n_embd, F = inner
// (4C), V = vocabulary, H heads of width hd. The whole step is one job; the members split
// each matrix's columns (whole 64-column blocks) and the heads, and meet at one barrier
// after each of the five products of a layer. Everything else that a chunk runs as
// primitives of its own is done where the data already is: each member normalises (and
// quantises) the input row itself, since C values take less time than a barrier; GELU,
// bias and the residual add go with the member's own columns.
#include "engine/kernels/attention.h"
#include "engine/kernels/gelu.h"
#include "engine/model/gpt2_kernels.h"

#include <omp.h>

#include <algorithm>

namespace inkling {

namespace {

// The member's share of c = a x b (+ bias) (+= c when accumulate); returns the columns
// [begin, end) it computed.
std::pair<int64_t, int64_t> multiplyShare(const ThreadTeam::Member &m, const RowOperand &a,
                                          const PackedMatrix &b, const float *bias, bool accumulate,
                                          float *c)
{
    const auto [b0, b1] = m.share(rowKernelBlocks(b.n()));
    multiplyRow(a, b, bias, accumulate, c, b0, b1);
    return {std::min(b0 * 64, b.n()), std::min(b1 * 64, b.n())};
}

} // namespace

void Gpt2Model::decodeStep(int pos, KvCache &cache, Gpt2Scratch &s, float *logits) const
{
    const int C = m_config.nEmbd, F = m_config.innerDim(), H = m_config.nHead;
    const float eps = m_config.layerNormEps;
    Kernels &k = *m_kernels;
    const WeightType type = k.weightType;
    // The team has as many members as OpenMP would use here (the thread count the user
    // chose reaches the engine through omp_set_num_threads).
    ThreadTeam &team = k.teamOf(omp_get_max_threads(), C, F);
    float *x = s.x.data(), *qkv = s.qkv.data(), *att = s.att.data(), *fc = s.fc.data();

    team.run([&](ThreadTeam::Member &m) {
        Kernels::MemberScratch &own = k.members[size_t(m.index())];
        float *normed = own.normed.data();
        for (int l = 0; l < m_config.nLayer; ++l) {
            const Gpt2LayerWeights &w = m_w.layers[size_t(l)];
            const Kernels::PackedLayer &p = k.packed[size_t(l)];

            // qkv [3C] = ln_1(x) Wqkv + b
            layerNormRow(x, w.ln1Weight.data(), w.ln1Bias.data(), C, eps, normed);
            own.row.set(normed, C, type);
            multiplyShare(m, own.row, p.attn, w.attnBias.data(), false, qkv);
            m.barrier();

            // att [C]: this member's heads, their keys and values stored first
            const auto [h0, h1] = m.share(H);
            cache.storeHeads(l, pos, qkv + C, qkv + 2 * C, int(h0), int(h1));
            causalAttention(qkv, 3 * C, cache, l, pos, 1, att, s.scores.data(), int(h0), int(h1));
            m.barrier();

            // x [C] += att Wproj + b
            own.row.set(att, C, type);
            multiplyShare(m, own.row, p.attnProj, w.attnProjBias.data(), true, x);
            m.barrier();

            // fc [F] = gelu(ln_2(x) Wfc + b)
            layerNormRow(x, w.ln2Weight.data(), w.ln2Bias.data(), C, eps, normed);
            own.row.set(normed, C, type);
            const auto [c0, c1] = multiplyShare(m, own.row, p.fc, w.fcBias.data(), false, fc);
            geluTanh(fc + c0, c1 - c0);
            m.barrier();

            // x [C] += fc Wproj + b
            own.row.set(fc, F, type);
            multiplyShare(m, own.row, p.mlpProj, w.mlpProjBias.data(), true, x);
            m.barrier();
        }
        if (!logits)
            return;
        // logits [V] = ln_f(x) headᵀ
        layerNormRow(x, m_w.lnfWeight.data(), m_w.lnfBias.data(), C, eps, normed);
        own.row.set(normed, C, type);
        multiplyShare(m, own.row, k.head, nullptr, false, logits);
    });
}

} // namespace inkling
