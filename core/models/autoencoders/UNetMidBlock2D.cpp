#include "models/autoencoders/UNetMidBlock2D.h"

#include <ATen/ATen.h>

namespace i2v {

UNetMidBlock2DImpl::UNetMidBlock2DImpl(const UNetMidBlock2DOptions& o) {
    const int64_t headDim = o.attentionHeadDim > 0 ? o.attentionHeadDim : o.channels;
    const ResnetBlock2DOptions resnet{.inChannels = o.channels, .outChannels = o.channels, .tembChannels = std::nullopt, .groups = o.groups, .eps = o.eps};
    // What diffusers' Attention(..., _from_deprecated_attn_block=True) is in the VAE: biased
    // projections, GroupNorm in front (attn_groups = resnet_groups), residual added after to_out,
    // softmax in float32.
    AttentionOptions attn;
    attn.queryDim = o.channels;
    attn.heads = o.channels / headDim;
    attn.dimHead = headDim;
    attn.bias = true;
    attn.outBias = true;
    attn.upcastSoftmax = true;
    attn.normNumGroups = o.groups;
    attn.eps = o.eps;
    attn.residualConnection = true;
    attn.rescaleOutputFactor = 1.0;

    attentions = register_module("attentions", torch::nn::ModuleList());
    resnets = register_module("resnets", torch::nn::ModuleList());
    resnetList_.push_back(ResnetBlock2D(resnet));
    resnets->push_back(resnetList_.back());
    for (int64_t i = 0; i < o.numLayers; ++i) {
        attentionList_.push_back(Attention(attn));
        attentions->push_back(attentionList_.back());
        resnetList_.push_back(ResnetBlock2D(resnet));
        resnets->push_back(resnetList_.back());
    }
}

at::Tensor UNetMidBlock2DImpl::forward(const at::Tensor& input, const CancelToken* cancel) {
    at::Tensor x = resnetList_[0]->forward(input, {}, cancel);
    for (size_t i = 0; i < attentionList_.size(); ++i) {
        x = attentionList_[i]->forward(x, {}, cancel);
        x = resnetList_[i + 1]->forward(x, {}, cancel);
    }
    return x;
}

} // namespace i2v
