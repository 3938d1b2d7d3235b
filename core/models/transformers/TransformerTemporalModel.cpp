#include "models/transformers/TransformerTemporalModel.h"

#include "util/CancelToken.h"

#include <ATen/ATen.h>

#include <algorithm>

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
    // [B, C, F, H, W] -> [B*H*W, F, C] tokens, about 64 MiB of image rows at a time with a check between them.
    const at::Tensor positions = x.permute({0, 3, 4, 2, 1});
    at::Tensor tokens = at::empty(positions.sizes(), x.options());
    const int64_t rowBytes = b * w * numFrames * c * int64_t(x.element_size());
    const int64_t rowsPerCopy = std::max<int64_t>(1, (int64_t(64) << 20) / std::max<int64_t>(1, rowBytes));
    for (int64_t row = 0; row < h; row += rowsPerCopy) {
        throwIfCancelled(cancel);
        const int64_t len = std::min(rowsPerCopy, h - row);
        tokens.narrow(1, row, len).copy_(positions.narrow(1, row, len));
    }
    x = proj_in(tokens.view({b * h * w, numFrames, c}), cancel);
    for (const auto& block : *transformer_blocks)
        x = block->as<BasicTransformerBlockImpl>()->forward(x, {}, cancel);
    x = proj_out(x, cancel);
    // Back to [B*F, C, H, W] plus the residual, one frame at a time with a check between frames (each output
    // element is the same single sum as in one whole add).
    const at::Tensor frames = x.reshape({b, h, w, numFrames, c}).permute({0, 3, 4, 1, 2});
    const at::Tensor residual = input.reshape({b, numFrames, c, h, w});
    at::Tensor out = at::empty({b, numFrames, c, h, w}, input.options());
    for (int64_t f = 0; f < numFrames; ++f) {
        throwIfCancelled(cancel);
        at::Tensor frame = out.select(1, f);
        at::add_out(frame, frames.select(1, f), residual.select(1, f));
    }
    return out.view({bf, c, h, w});
}

} // namespace i2v
