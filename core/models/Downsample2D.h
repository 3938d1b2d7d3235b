// diffusers' Downsample2D (models/downsampling.py) with a strided 3x3 conv (key: conv). padding = 0 is
// the VAE's variant: pad right/bottom by one, then convolve without padding.
#pragma once
#include "models/Layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>

namespace i2v {

class Downsample2DImpl : public torch::nn::Module {
public:
    Downsample2DImpl(int64_t channels, int64_t outChannels, int64_t padding);
    at::Tensor forward(const at::Tensor& x, const CancelToken* cancel = nullptr);
    Conv2d conv{nullptr};

private:
    int64_t padding_;
};
TORCH_MODULE(Downsample2D);

} // namespace i2v
