// diffusers' Upsample2D (models/upsampling.py): nearest-neighbour x2 (or to an explicit size, which the
// UNet needs when the latent size is not divisible by its total downsampling) then a 3x3 conv (key: conv).
#pragma once
#include "models/Layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>

#include <vector>

namespace i2v {

class Upsample2DImpl : public torch::nn::Module {
public:
    Upsample2DImpl(int64_t channels, int64_t outChannels);
    // outputSize: empty for x2, else {H, W}.
    at::Tensor forward(const at::Tensor& x, const std::vector<int64_t>& outputSize = {}, const CancelToken* cancel = nullptr);
    Conv2d conv{nullptr};
};
TORCH_MODULE(Upsample2D);

} // namespace i2v
