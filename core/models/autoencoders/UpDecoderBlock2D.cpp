#include "models/autoencoders/UpDecoderBlock2D.h"

#include <ATen/ATen.h>

namespace i2v {

UpDecoderBlock2DImpl::UpDecoderBlock2DImpl(const UpDecoderBlock2DOptions& o) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    for (int64_t i = 0; i < o.numLayers; ++i) {
        resnetList_.push_back(ResnetBlock2D(ResnetBlock2DOptions{
            .inChannels = i == 0 ? o.inChannels : o.outChannels, .outChannels = o.outChannels, .tembChannels = std::nullopt, .groups = o.groups, .eps = o.eps}));
        resnets->push_back(resnetList_.back());
    }
    if (o.addUpsample) {
        upsamplers = register_module("upsamplers", torch::nn::ModuleList());
        upsampler_ = Upsample2D(o.outChannels, o.outChannels);
        upsamplers->push_back(upsampler_);
    }
}

at::Tensor UpDecoderBlock2DImpl::forward(const at::Tensor& input, const CancelToken* cancel) {
    at::Tensor x = input;
    for (auto& resnet : resnetList_) {
        if (cancel)
            cancel->throwIfCancelled();
        x = resnet->forward(x, {}, cancel);
    }
    if (upsampler_)
        x = upsampler_->forward(x, {}, cancel);
    return x;
}

} // namespace i2v
