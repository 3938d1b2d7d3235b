#include "models/transformers/TransformerTemporalModel.h"

#include "util/CancelToken.h"

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
    // Checks between the layout changes: at 1280x704x16 each is a strided copy of ~0.6 GB.
    at::Tensor x = norm(input.reshape({b, numFrames, c, h, w}).permute({0, 2, 1, 3, 4}));
    throwIfCancelled(cancel);
    x = x.permute({0, 3, 4, 2, 1}).reshape({b * h * w, numFrames, c});
    x = proj_in(x, cancel);
    for (const auto& block : *transformer_blocks)
        x = block->as<BasicTransformerBlockImpl>()->forward(x, {}, cancel);
    x = proj_out(x, cancel);
    throwIfCancelled(cancel);
    x = x.reshape({b, h, w, numFrames, c}).permute({0, 3, 4, 1, 2}).contiguous().reshape({bf, c, h, w});
    return x + input;
}

} // namespace i2v
