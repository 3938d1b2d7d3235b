#include "models/autoencoders/VaeEncoder.h"
#include "models/CancellablePasses.h"

#include <ATen/ATen.h>

namespace i2v {

// diffusers hard-codes these for the VAE's Encoder/Decoder rather than reading a config key.
static constexpr double kVaeEps = 1e-6;

VaeEncoderImpl::VaeEncoderImpl(const AutoencoderKLConfig& c) {
    const auto& ch = c.blockOutChannels;
    conv_in = register_module("conv_in", Conv2d(torch::nn::Conv2dOptions(c.inChannels, ch.front(), 3).padding(1)));
    down_blocks = register_module("down_blocks", torch::nn::ModuleList());
    int64_t out = ch.front();
    for (size_t i = 0; i < ch.size(); ++i) {
        const int64_t in = out;
        out = ch[i];
        downList_.push_back(DownEncoderBlock2D(DownEncoderBlock2DOptions{.inChannels = in,
                                                                         .outChannels = out,
                                                                         .numLayers = c.layersPerBlock,
                                                                         .groups = c.normNumGroups,
                                                                         .eps = kVaeEps,
                                                                         .addDownsample = i + 1 < ch.size(),
                                                                         .downsamplePadding = 0}));
        down_blocks->push_back(downList_.back());
    }
    mid_block = register_module("mid_block", UNetMidBlock2D(UNetMidBlock2DOptions{
                                                 .channels = ch.back(), .groups = c.normNumGroups, .eps = kVaeEps,
                                                 .attentionHeadDim = ch.back()}));
    conv_norm_out = register_module(
        "conv_norm_out", torch::nn::GroupNorm(torch::nn::GroupNormOptions(c.normNumGroups, ch.back()).eps(kVaeEps)));
    conv_out = register_module(
        "conv_out", Conv2d(torch::nn::Conv2dOptions(ch.back(), 2 * c.latentChannels, 3).padding(1)));
}

at::Tensor VaeEncoderImpl::forward(const at::Tensor& input, const CancelToken* cancel) {
    // One live activation at a time: each stage's input is released as soon as its output exists.
    at::Tensor x = conv_in->forward(input, cancel);
    for (auto& block : downList_)
        x = block->forward(x, cancel);
    x = mid_block->forward(x, cancel);
    x = groupNorm(*conv_norm_out, x, true, cancel);
    return conv_out->forward(x, cancel);
}

} // namespace i2v
