#include "models/Upsample2D.h"

#include <ATen/ATen.h>

namespace i2v {

Upsample2DImpl::Upsample2DImpl(int64_t channels, int64_t outChannels) {
    conv = register_module("conv", Conv2d(torch::nn::Conv2dOptions(channels, outChannels, 3).padding(1)));
}

at::Tensor Upsample2DImpl::forward(const at::Tensor& input, const std::vector<int64_t>& outputSize, const CancelToken* cancel) {
    // Nearest interpolation has no bfloat16 kernel on older torch: go through float32 as diffusers does.
    const auto dtype = input.scalar_type();
    at::Tensor x = dtype == at::kBFloat16 ? input.to(at::kFloat) : input;
    x = outputSize.empty() ? at::upsample_nearest2d(x, {x.size(2) * 2, x.size(3) * 2})
                           : at::upsample_nearest2d(x, outputSize);
    return conv->forward(x.to(dtype), cancel);
}

} // namespace i2v
