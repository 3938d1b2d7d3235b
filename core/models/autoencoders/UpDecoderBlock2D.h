// diffusers' UpDecoderBlock2D (models/unets/unet_2d_blocks.py): resnets without time embedding, then an
// optional nearest-x2 + conv upsampler. Keys: resnets.N, upsamplers.0.conv.
#pragma once
#include "models/ResnetBlock2D.h"
#include "models/Upsample2D.h"
#include "util/CancelToken.h"

#include <torch/nn/modules/container/modulelist.h>

#include <vector>

namespace i2v {

struct UpDecoderBlock2DOptions {
    int64_t inChannels = 0;
    int64_t outChannels = 0;
    int64_t numLayers = 1;  // the VAE's Decoder passes layers_per_block + 1
    int64_t groups = 32;
    double eps = 1e-6;
    bool addUpsample = true;
};

class UpDecoderBlock2DImpl : public torch::nn::Module {
public:
    explicit UpDecoderBlock2DImpl(const UpDecoderBlock2DOptions& options);
    at::Tensor forward(const at::Tensor& x, const CancelToken* cancel = nullptr);   // checked before each resnet

    torch::nn::ModuleList resnets{nullptr}, upsamplers{nullptr};

private:
    std::vector<ResnetBlock2D> resnetList_;
    Upsample2D upsampler_{nullptr};
};
TORCH_MODULE(UpDecoderBlock2D);

} // namespace i2v
