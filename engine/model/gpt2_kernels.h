// What Gpt2Model keeps behind its pointer: the packed matrices, the oneDNN primitives
// that multiply a chunk, and the decode team with its members' scratch. Private to the
// model's two source files (the chunk forward pass and the decode step).
#pragma once

#include "engine/kernels/layer_norm.h"
#include "engine/kernels/matmul.h"
#include "engine/kernels/thread_team.h"
#include "engine/model/gpt2_model.h"

#include <memory>
#include <vector>

namespace inkling {

struct Gpt2Model::Kernels
{
    struct PackedLayer
    {
        PackedMatrix attn, attnProj, fc, mlpProj; // c_attn, attn.c_proj, c_fc, mlp.c_proj
    };

    // What one member of the decode team works on alone: its copy of a normalised row,
    // and the row as its kernels read it (converted or quantised).
    struct MemberScratch
    {
        std::vector<float> normed; // [C]
        RowOperand row;            // up to [F]

        MemberScratch(int64_t channels, int64_t inner)
            : normed(size_t(channels))
            , row(inner)
        {}
    };

    Kernels(WeightType type, int64_t channels, float eps)
        : weightType(type)
        , layerNorms(channels, eps)
    {}

    MatmulShape shape(int64_t m, int64_t k, int64_t n, MatmulShape::Epilogue e,
                      bool bias = true) const
    {
        return {m, k, n, false, bias, e, weightType};
    }

    // The team for `threads` members, made (or remade, when the thread count changed)
    // on the first decode step that needs it.
    ThreadTeam &teamOf(int threads, int64_t channels, int64_t inner)
    {
        if (!team || team->size() != threads) {
            team.reset(); // its threads end before new ones start
            team = std::make_unique<ThreadTeam>(threads);
            members.clear();
            for (int i = 0; i < threads; ++i)
                members.emplace_back(channels, inner);
        }
        return *team;
    }

    WeightType weightType;
    std::vector<PackedLayer> packed;
    PackedMatrix head; // [C, V]: wte (or lm_head) transposed
    // Whether every matrix has a row kernel: then a single token runs on the decode team.
    bool rowKernels = false;
    // Filled on first use of a shape, also from the model's const methods.
    MatmulCache matmuls;
    LayerNormCache layerNorms;
    std::unique_ptr<ThreadTeam> team;
    std::vector<MemberScratch> members;
};

} // namespace inkling
