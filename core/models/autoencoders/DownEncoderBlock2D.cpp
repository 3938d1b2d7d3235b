#include "models/autoencoders/DownEncoderBlock2D.h"

#include "util/CancelToken.h"

#include <ATen/ATen.h>

namespace i2v {

DownEncoderBlock2DImpl::DownEncoderBlock2DImpl(const DownEncoderBlock2DOptions& o) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    for (int64_t i = 0; i < o.numLayers; ++i) {
        resnetList_.push_back(ResnetBlock2D(ResnetBlock2DOptions{
            .inChannels = i == 0 ? o.inChannels : o.outChannels, .outChannels = o.outChannels, .tembChannels = std::nullopt, .groups = o.groups, .eps = o.eps}));
        resnets->push_back(resnetList_.back());
    }
    if (o.addDownsample) {
        downsamplers = register_module("downsamplers", torch::nn::ModuleList());
        downsampler_ = Downsample2D(o.outChannels, o.outChannels, o.downsamplePadding);
        downsamplers->push_back(downsampler_);
    }
}

at::Tensor DownEncoderBlock2DImpl::forward(const at::Tensor& input, const CancelToken* cancel) {
    at::Tensor x = input;
    for (auto& resnet : resnetList_) {
        throwIfCancelled(cancel);
        x = resnet->forward(x, {}, cancel);
    }
    if (downsampler_)
        x = downsampler_->forward(x, cancel);
    return x;
}

} // namespace i2v
