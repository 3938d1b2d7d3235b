// diffusers' ResnetBlock2D (models/resnet.py) as the UNet and VAE use it: GroupNorm-SiLU-conv twice,
// optional time-embedding shift ("default" norm), optional 1x1 shortcut. Keys: norm1, conv1,
// time_emb_proj, norm2, conv2, conv_shortcut.
#pragma once
#include "models/Layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <optional>

namespace i2v {

struct ResnetBlock2DOptions {
    int64_t inChannels = 0;
    int64_t outChannels = 0;                 // 0: same as inChannels
    std::optional<int64_t> tembChannels;     // none: no time embedding (VAE)
    int64_t groups = 32;
    double eps = 1e-6;
    double outputScaleFactor = 1.0;
};

class ResnetBlock2DImpl : public torch::nn::Module {
public:
    explicit ResnetBlock2DImpl(const ResnetBlock2DOptions& options);
    // `cancel` is checked inside the large convolutions (CancellableSlices.h).
    at::Tensor forward(const at::Tensor& x, const at::Tensor& temb = {}, const CancelToken* cancel = nullptr);

    torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
    Conv2d conv1{nullptr}, conv2{nullptr}, conv_shortcut{nullptr};
    Linear time_emb_proj{nullptr};

private:
    double outputScaleFactor_;
};
TORCH_MODULE(ResnetBlock2D);

} // namespace i2v
