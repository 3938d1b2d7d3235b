#include "models/transformers/TransformerTemporalModel.h"

#include "models/CancellablePasses.h"

#include <ATen/ATen.h>

namespace i2v {

TransformerTemporalModelImpl::TransformerTemporalModelImpl(const TransformerTemporalModelOptions& o) {
    const int64_t inner = o.heads * o.headDim;
    norm = register_module("norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.normNumGroups, o.inChannels).eps(1e-6)));
    proj_in = register_module("proj_in", Linear(o.inChannels, inner));
    transformer_blocks = register_module("transformer_blocks", torch::nn::ModuleList());
    BasicTransformerBlockOptions b;
    b.dim = inner;
    b.heads = o.heads;
    b.headDim = o.headDim;
    b.crossAttentionDim = o.crossAttentionDim;
    b.doubleSelfAttention = true;
    transformer_blocks->push_back(BasicTransformerBlock(b));
    proj_out = register_module("proj_out", Linear(inner, o.inChannels));
}

at::Tensor TransformerTemporalModelImpl::forward(const at::Tensor& input, int64_t numFrames, const CancelToken* cancel) {
    const int64_t bf = input.size(0), c = input.size(1), h = input.size(2), w = input.size(3);
    const int64_t b = bf / numFrames;
    // GroupNorm over [B, C, F, H, W], written straight into the [B*H*W, F, C] token layout, in cancellable pieces.
    at::Tensor tokens = at::empty({b, h, w, numFrames, c}, input.options());
    groupNormInto(*norm, input.reshape({b, numFrames, c, h, w}).permute({0, 2, 1, 3, 4}), tokens.permute({0, 4, 3, 1, 2}),
                  false, cancel);
    at::Tensor x = proj_in(tokens.view({b * h * w, numFrames, c}), cancel);
    for (const auto& block : *transformer_blocks)
        x = block->as<BasicTransformerBlockImpl>()->forward(x, {}, cancel);
    x = proj_out(x, cancel);
    // Back to [B*F, C, H, W] together with the residual, in cancellable pieces of frames.
    const at::Tensor frames = x.reshape({b, h, w, numFrames, c}).permute({0, 3, 4, 1, 2});
    return sumContiguous(frames, input.reshape({b, numFrames, c, h, w}), cancel, 1).view({bf, c, h, w});
}

} // namespace i2v
