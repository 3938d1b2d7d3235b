#include "models/autoencoders/VaeDecoder.h"
#include "models/CancellablePasses.h"

#include <ATen/ATen.h>

namespace i2v {

static constexpr double kVaeEps = 1e-6;  // hard-coded in diffusers' Decoder

VaeDecoderImpl::VaeDecoderImpl(const AutoencoderKLConfig& c) {
    const auto& ch = c.blockOutChannels;
    conv_in = register_module("conv_in", Conv2d(torch::nn::Conv2dOptions(c.latentChannels, ch.back(), 3).padding(1)));
    mid_block = register_module("mid_block", UNetMidBlock2D(UNetMidBlock2DOptions{
                                                 .channels = ch.back(), .groups = c.normNumGroups, .eps = kVaeEps,
                                                 .attentionHeadDim = ch.back()}));
    up_blocks = register_module("up_blocks", torch::nn::ModuleList());
    int64_t out = ch.back();
    for (size_t i = 0; i < ch.size(); ++i) {
        const int64_t in = out;
        out = ch[ch.size() - 1 - i];
        upList_.push_back(UpDecoderBlock2D(UpDecoderBlock2DOptions{.inChannels = in,
                                                                   .outChannels = out,
                                                                   .numLayers = c.layersPerBlock + 1,
                                                                   .groups = c.normNumGroups,
                                                                   .eps = kVaeEps,
                                                                   .addUpsample = i + 1 < ch.size()}));
        up_blocks->push_back(upList_.back());
    }
    conv_norm_out = register_module(
        "conv_norm_out", torch::nn::GroupNorm(torch::nn::GroupNormOptions(c.normNumGroups, ch.front()).eps(kVaeEps)));
    conv_out = register_module("conv_out", Conv2d(torch::nn::Conv2dOptions(ch.front(), c.outChannels, 3).padding(1)));
}

at::Tensor VaeDecoderImpl::forward(const at::Tensor& z, const CancelToken* cancel) {
    // Reassigning x frees each stage's input: at 1280x704 one full-resolution activation of the last
    // up block is ~0.5 GB per frame, so keeping them would multiply the peak.
    at::Tensor x = conv_in->forward(z, cancel);
    x = mid_block->forward(x, cancel);
    for (auto& block : upList_)
        x = block->forward(x, cancel);
    x = groupNorm(*conv_norm_out, x, true, cancel);
    return conv_out->forward(x, cancel);
}

} // namespace i2v
