#include "models/Downsample2D.h"

#include <ATen/ATen.h>

namespace i2v {

Downsample2DImpl::Downsample2DImpl(int64_t channels, int64_t outChannels, int64_t padding) : padding_(padding) {
    conv = register_module("conv", Conv2d(torch::nn::Conv2dOptions(channels, outChannels, 3).stride(2).padding(padding)));
}

at::Tensor Downsample2DImpl::forward(const at::Tensor& x, const CancelToken* cancel) {
    return conv->forward(padding_ == 0 ? at::constant_pad_nd(x, {0, 1, 0, 1}, 0) : x, cancel);
}

} // namespace i2v
