// diffusers models/attention.py `BasicTransformerBlock` with norm_type "layer_norm": self-attention,
// then attn2 (cross-attention to the context, or a second self-attention when double_self_attention),
// then the feed-forward, each pre-normed with a residual. Keys: norm1, attn1, norm2, attn2, norm3, ff.
#pragma once
#include "models/Attention.h"
#include "models/FeedForward.h"

#include <torch/nn/modules/normalization.h>

#include <optional>

namespace i2v {

struct BasicTransformerBlockOptions {
    int64_t dim = 0;
    int64_t heads = 8;
    int64_t headDim = 64;
    std::optional<int64_t> crossAttentionDim;
    bool doubleSelfAttention = false;
    bool upcastAttention = false;
    std::string activation = "geglu";
};

class BasicTransformerBlockImpl : public torch::nn::Module {
public:
    explicit BasicTransformerBlockImpl(const BasicTransformerBlockOptions& options);
    // context: undefined for self-attention in attn2.
    // `cancel` is checked inside the large attentions and feed-forward.
    at::Tensor forward(const at::Tensor& x, const at::Tensor& context = {}, const CancelToken* cancel = nullptr);

    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
    Attention attn1{nullptr}, attn2{nullptr};
    FeedForward ff{nullptr};
};
TORCH_MODULE(BasicTransformerBlock);

} // namespace i2v
