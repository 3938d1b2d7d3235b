// diffusers' `Encoder` (models/autoencoders/vae.py) as AutoencoderKL builds it (double_z): conv_in,
// DownEncoderBlock2D per block, UNetMidBlock2D, GroupNorm-SiLU-conv_out to 2 x latent channels
// (mean and log-variance). Keys: conv_in, down_blocks.N, mid_block, conv_norm_out, conv_out.
#pragma once
#include "models/Layers.h"
#include "models/autoencoders/AutoencoderKLConfig.h"
#include "models/autoencoders/DownEncoderBlock2D.h"
#include "models/autoencoders/UNetMidBlock2D.h"

#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>

namespace i2v {

class VaeEncoderImpl : public torch::nn::Module {
public:
    explicit VaeEncoderImpl(const AutoencoderKLConfig& config);
    // [B, in_channels, H, W] -> [B, 2 * latent_channels, H / f, W / f] (before quant_conv).
    // `cancel` is checked between blocks and inside the large ops: one 1280x704 image is ~30 s on a 2-core CPU.
    at::Tensor forward(const at::Tensor& x, const CancelToken* cancel = nullptr);

    Conv2d conv_in{nullptr}, conv_out{nullptr};
    torch::nn::ModuleList down_blocks{nullptr};
    UNetMidBlock2D mid_block{nullptr};
    torch::nn::GroupNorm conv_norm_out{nullptr};

private:
    std::vector<DownEncoderBlock2D> downList_;
};
TORCH_MODULE(VaeEncoder);

} // namespace i2v
