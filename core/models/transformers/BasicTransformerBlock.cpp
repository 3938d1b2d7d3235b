#include "models/transformers/BasicTransformerBlock.h"

#include "models/CancellablePasses.h"

namespace i2v {

BasicTransformerBlockImpl::BasicTransformerBlockImpl(const BasicTransformerBlockOptions& o) {
    const auto ln = torch::nn::LayerNormOptions({o.dim}).eps(1e-5);
    AttentionOptions a;
    a.queryDim = o.dim;
    a.heads = o.heads;
    a.dimHead = o.headDim;
    a.upcastAttention = o.upcastAttention;
    norm1 = register_module("norm1", torch::nn::LayerNorm(ln));
    attn1 = register_module("attn1", Attention(a));
    if (o.crossAttentionDim || o.doubleSelfAttention) {
        AttentionOptions a2 = a;
        if (!o.doubleSelfAttention)
            a2.crossAttentionDim = o.crossAttentionDim;
        norm2 = register_module("norm2", torch::nn::LayerNorm(ln));
        attn2 = register_module("attn2", Attention(a2));
    }
    norm3 = register_module("norm3", torch::nn::LayerNorm(ln));
    ff = register_module("ff", FeedForward(o.dim, o.activation));
}

at::Tensor BasicTransformerBlockImpl::forward(const at::Tensor& input, const at::Tensor& context, const CancelToken* cancel) {
    // The norms and residual sums in cancellable pieces: at 1280x704x16 each moves about a gigabyte.
    at::Tensor x = attn1->forward(layerNorm(*norm1, input, cancel), {}, cancel);
    addInPlace(x, input, cancel);
    if (attn2) {
        at::Tensor y = attn2->forward(layerNorm(*norm2, x, cancel), context, cancel);
        addInPlace(y, x, cancel);
        x = std::move(y);
    }
    at::Tensor y = ff->forward(layerNorm(*norm3, x, cancel), cancel);
    addInPlace(y, x, cancel);
    return y;
}

} // namespace i2v
