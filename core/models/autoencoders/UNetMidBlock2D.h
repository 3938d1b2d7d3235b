// diffusers' UNetMidBlock2D (models/unets/unet_2d_blocks.py) as the VAE builds it: resnet, then
// (attention, resnet) per layer, no time embedding. Keys: resnets.N, attentions.N (to_q, to_k, to_v,
// to_out.0, group_norm).
#pragma once
#include "models/Attention.h"
#include "models/ResnetBlock2D.h"

#include <torch/nn/modules/container/modulelist.h>

#include <vector>

namespace i2v {

struct UNetMidBlock2DOptions {
    int64_t channels = 0;
    int64_t groups = 32;
    double eps = 1e-6;
    int64_t attentionHeadDim = 0;  // 0: one head over all channels (the VAE's attention_head_dim = channels)
    int64_t numLayers = 1;
};

class UNetMidBlock2DImpl : public torch::nn::Module {
public:
    explicit UNetMidBlock2DImpl(const UNetMidBlock2DOptions& options);
    // `cancel` is checked inside the large convolutions and the attention.
    at::Tensor forward(const at::Tensor& x, const CancelToken* cancel = nullptr);

    torch::nn::ModuleList attentions{nullptr}, resnets{nullptr};

private:
    // Typed handles on the registered children (ModuleList only hands out type-erased modules).
    std::vector<Attention> attentionList_;
    std::vector<ResnetBlock2D> resnetList_;
};
TORCH_MODULE(UNetMidBlock2D);

} // namespace i2v
