// diffusers models/transformers/transformer_temporal.py `TransformerTemporalModel`: attention along the
// frame axis for every pixel. GroupNorm over [B, C, F, H, W] (all frames together), proj_in,
// BasicTransformerBlocks with double self-attention, proj_out, residual.
#pragma once
#include "models/Layers.h"
#include "models/transformers/BasicTransformerBlock.h"

#include <torch/nn/modules/container/modulelist.h>

namespace i2v {

struct TransformerTemporalModelOptions {
    int64_t heads = 16;
    int64_t headDim = 88;
    int64_t inChannels = 0;
    int64_t normNumGroups = 32;
    std::optional<int64_t> crossAttentionDim;  // unused by double self-attention, kept for fidelity
};

class TransformerTemporalModelImpl : public torch::nn::Module {
public:
    explicit TransformerTemporalModelImpl(const TransformerTemporalModelOptions& options);
    // x: [B*F, C, H, W]; `cancel` is checked inside the large attentions and feed-forward.
    at::Tensor forward(const at::Tensor& x, int64_t numFrames, const CancelToken* cancel = nullptr);

    torch::nn::GroupNorm norm{nullptr};
    Linear proj_in{nullptr}, proj_out{nullptr};
    torch::nn::ModuleList transformer_blocks{nullptr};
};
TORCH_MODULE(TransformerTemporalModel);

} // namespace i2v
