// diffusers models/resnet.py `TemporalConvLayer`: four GroupNorm-SiLU-Conv3d(3x1x1) stages along the
// frame axis with an identity residual. Keys conv1.0/conv1.2, conv2.0/conv2.3, conv3.*, conv4.*
// (Sequential indices, dropout included).
#pragma once
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>

namespace i2v {

class CancelToken;

class TemporalConvLayerImpl : public torch::nn::Module {
public:
    TemporalConvLayerImpl(int64_t inDim, int64_t outDim, int64_t normNumGroups);
    // x: [B*F, C, H, W]; `cancel` is checked inside the large convolutions (CancellableSlices.h).
    at::Tensor forward(const at::Tensor& x, int64_t numFrames, const CancelToken* cancel = nullptr);
    torch::nn::Sequential conv1{nullptr}, conv2{nullptr}, conv3{nullptr}, conv4{nullptr};
};
TORCH_MODULE(TemporalConvLayer);

} // namespace i2v
