#include "models/TemporalConvLayer.h"
#include "models/CancellablePasses.h"
#include "models/Layers.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/normalization.h>

namespace i2v {
namespace {

Conv3d temporalConv(int64_t in, int64_t out) {
    return Conv3d(torch::nn::Conv3dOptions(in, out, {3, 1, 1}).padding({1, 0, 0}));
}

// The Sequential's GroupNorm and SiLU (its Dropout has p = 0), then its Conv3d, with the cancel checks.
at::Tensor runStage(torch::nn::Sequential& stage, const at::Tensor& x, const CancelToken* cancel) {
    const at::Tensor normed = groupNorm(*stage->ptr(0)->as<torch::nn::GroupNormImpl>(), x, true, cancel);
    return stage->ptr(stage->size() - 1)->as<Conv3dImpl>()->forward(normed, cancel);
}

} // namespace

TemporalConvLayerImpl::TemporalConvLayerImpl(int64_t inDim, int64_t outDim, int64_t groups) {
    using namespace torch::nn;
    conv1 = register_module("conv1", Sequential(GroupNorm(groups, inDim), SiLU(), temporalConv(inDim, outDim)));
    conv2 = register_module("conv2", Sequential(GroupNorm(groups, outDim), SiLU(), Dropout(0.0), temporalConv(outDim, inDim)));
    conv3 = register_module("conv3", Sequential(GroupNorm(groups, outDim), SiLU(), Dropout(0.0), temporalConv(outDim, inDim)));
    conv4 = register_module("conv4", Sequential(GroupNorm(groups, outDim), SiLU(), Dropout(0.0), temporalConv(outDim, inDim)));
}

at::Tensor TemporalConvLayerImpl::forward(const at::Tensor& input, int64_t numFrames, const CancelToken* cancel) {
    const int64_t bf = input.size(0);
    const at::Tensor identity =
        input.reshape({bf / numFrames, numFrames, input.size(1), input.size(2), input.size(3)}).permute({0, 2, 1, 3, 4});
    at::Tensor x = identity;
    for (torch::nn::Sequential* stage : {&conv1, &conv2, &conv3, &conv4})
        x = runStage(*stage, x, cancel);
    // The residual sum written straight back into the [B*F, C, H, W] layout, in cancellable pieces of frames.
    return sumContiguous(x.transpose(1, 2), identity.transpose(1, 2), cancel, 1)
        .view({bf, -1, input.size(2), input.size(3)});
}

} // namespace i2v
