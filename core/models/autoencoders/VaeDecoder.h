// diffusers' `Decoder` (models/autoencoders/vae.py) with norm_type "group": conv_in, UNetMidBlock2D,
// UpDecoderBlock2D per block (layers_per_block + 1 resnets, reversed channels), GroupNorm-SiLU-conv_out.
// Keys: conv_in, mid_block, up_blocks.N, conv_norm_out, conv_out.
#pragma once
#include "models/Layers.h"
#include "models/autoencoders/AutoencoderKLConfig.h"
#include "models/autoencoders/UNetMidBlock2D.h"
#include "models/autoencoders/UpDecoderBlock2D.h"
#include "util/CancelToken.h"

#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>

namespace i2v {

class VaeDecoderImpl : public torch::nn::Module {
public:
    explicit VaeDecoderImpl(const AutoencoderKLConfig& config);
    // [B, latent_channels, h, w] (after post_quant_conv) -> [B, out_channels, h * f, w * f]. `cancel` is
    // checked before the mid block and every resnet of every up block: one full-resolution frame takes seconds.
    at::Tensor forward(const at::Tensor& z, const CancelToken* cancel = nullptr);

    Conv2d conv_in{nullptr}, conv_out{nullptr};
    UNetMidBlock2D mid_block{nullptr};
    torch::nn::ModuleList up_blocks{nullptr};
    torch::nn::GroupNorm conv_norm_out{nullptr};

private:
    std::vector<UpDecoderBlock2D> upList_;
};
TORCH_MODULE(VaeDecoder);

} // namespace i2v
