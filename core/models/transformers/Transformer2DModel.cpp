#include "models/transformers/Transformer2DModel.h"
#include "models/Layers.h"
#include "models/CancellablePasses.h"

namespace i2v {

Transformer2DModelImpl::Transformer2DModelImpl(const Transformer2DModelOptions& o) : linear_(o.useLinearProjection) {
    const int64_t inner = o.heads * o.headDim;
    norm = register_module("norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.normNumGroups, o.inChannels).eps(1e-6)));
    if (linear_) {
        proj_in = torch::nn::AnyModule(Linear(o.inChannels, inner));
        proj_out = torch::nn::AnyModule(Linear(inner, o.inChannels));
    } else {
        proj_in = torch::nn::AnyModule(Conv2d(torch::nn::Conv2dOptions(o.inChannels, inner, 1)));
        proj_out = torch::nn::AnyModule(Conv2d(torch::nn::Conv2dOptions(inner, o.inChannels, 1)));
    }
    register_module("proj_in", proj_in.ptr());
    transformer_blocks = register_module("transformer_blocks", torch::nn::ModuleList());
    BasicTransformerBlockOptions b;
    b.dim = inner;
    b.heads = o.heads;
    b.headDim = o.headDim;
    b.crossAttentionDim = o.crossAttentionDim;
    b.upcastAttention = o.upcastAttention;
    transformer_blocks->push_back(BasicTransformerBlock(b));
    register_module("proj_out", proj_out.ptr());
}

at::Tensor Transformer2DModelImpl::forward(const at::Tensor& input, const at::Tensor& context, const CancelToken* cancel) {
    const int64_t n = input.size(0), h = input.size(2), w = input.size(3);
    at::Tensor x = groupNorm(*norm, input, false, cancel);
    int64_t inner = 0;
    if (!linear_) {
        x = proj_in.forward(x, cancel);
        inner = x.size(1);
        x = x.permute({0, 2, 3, 1}).reshape({n, h * w, inner});
    } else {
        x = proj_in.forward(x.permute({0, 2, 3, 1}).reshape({n, h * w, x.size(1)}), cancel);
        inner = x.size(2);
    }
    for (const auto& block : *transformer_blocks)
        x = block->as<BasicTransformerBlockImpl>()->forward(x, context, cancel);
    if (linear_)  // back to [N, C, H, W] together with the residual sum
        return sumContiguous(proj_out.forward(x, cancel).reshape({n, h, w, -1}).permute({0, 3, 1, 2}), input, cancel);
    x = proj_out.forward(x.reshape({n, h, w, inner}).permute({0, 3, 1, 2}).contiguous(), cancel);
    addInPlace(x, input, cancel);
    return x;
}

} // namespace i2v
