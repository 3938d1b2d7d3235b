// diffusers models/transformers/transformer_2d.py `Transformer2DModel`, continuous-input path: GroupNorm,
// proj_in (1x1 conv, or Linear with use_linear_projection), BasicTransformerBlocks with cross-attention
// to the context, proj_out, residual. Spatial attention within each frame.
#pragma once
#include "models/transformers/BasicTransformerBlock.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>

namespace i2v {

struct Transformer2DModelOptions {
    int64_t heads = 8;
    int64_t headDim = 64;
    int64_t inChannels = 0;
    int64_t normNumGroups = 32;
    std::optional<int64_t> crossAttentionDim;
    bool useLinearProjection = false;
    bool upcastAttention = false;
};

class Transformer2DModelImpl : public torch::nn::Module {
public:
    explicit Transformer2DModelImpl(const Transformer2DModelOptions& options);
    // x: [N, C, H, W]; `cancel` is checked inside the large attentions and feed-forward.
    at::Tensor forward(const at::Tensor& x, const at::Tensor& context, const CancelToken* cancel = nullptr);

    torch::nn::GroupNorm norm{nullptr};
    torch::nn::AnyModule proj_in, proj_out;  // Conv2d 1x1 or Linear
    torch::nn::ModuleList transformer_blocks{nullptr};

private:
    bool linear_;
};
TORCH_MODULE(Transformer2DModel);

} // namespace i2v
