// diffusers' DownEncoderBlock2D (models/unets/unet_2d_blocks.py): resnets without time embedding, then
// an optional strided-conv downsampler (the VAE's pad-then-conv variant). Keys: resnets.N,
// downsamplers.0.conv.
#pragma once
#include "models/Downsample2D.h"
#include "models/ResnetBlock2D.h"

#include <torch/nn/modules/container/modulelist.h>

#include <vector>

namespace i2v {

struct DownEncoderBlock2DOptions {
    int64_t inChannels = 0;
    int64_t outChannels = 0;
    int64_t numLayers = 1;
    int64_t groups = 32;
    double eps = 1e-6;
    bool addDownsample = true;
    int64_t downsamplePadding = 0;  // 0: pad right/bottom by one then convolve, as the VAE's Encoder asks
};

class DownEncoderBlock2DImpl : public torch::nn::Module {
public:
    explicit DownEncoderBlock2DImpl(const DownEncoderBlock2DOptions& options);
    // `cancel` is checked before each ResNet and inside the large convolutions.
    at::Tensor forward(const at::Tensor& x, const CancelToken* cancel = nullptr);

    torch::nn::ModuleList resnets{nullptr}, downsamplers{nullptr};

private:
    std::vector<ResnetBlock2D> resnetList_;
    Downsample2D downsampler_{nullptr};
};
TORCH_MODULE(DownEncoderBlock2D);

} // namespace i2v
