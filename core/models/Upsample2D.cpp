#include "models/Upsample2D.h"

#include "models/CancellablePasses.h"

namespace i2v {

Upsample2DImpl::Upsample2DImpl(int64_t channels, int64_t outChannels) {
    conv = register_module("conv", Conv2d(torch::nn::Conv2dOptions(channels, outChannels, 3).padding(1)));
}

at::Tensor Upsample2DImpl::forward(const at::Tensor& input, const std::vector<int64_t>& outputSize, const CancelToken* cancel) {
    const std::vector<int64_t> size = outputSize.empty() ? std::vector<int64_t>{input.size(2) * 2, input.size(3) * 2} : outputSize;
    return conv->forward(upsampleNearest(input, size, cancel), cancel);
}

} // namespace i2v
