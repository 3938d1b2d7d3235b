// diffusers' `Attention` with the plain `AttnProcessor` (models/attention_processor.py), used by the
// UNet's transformer blocks and the VAE's mid-block. Keys: to_q, to_k, to_v, to_out.0, group_norm.
#pragma once
#include "models/Layers.h"
#include "models/AttentionKernel.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <optional>

namespace i2v {

struct AttentionOptions {
    int64_t queryDim = 0;
    std::optional<int64_t> crossAttentionDim;  // none: self-attention
    int64_t heads = 8;
    int64_t dimHead = 64;
    bool bias = false;                  // to_q/to_k/to_v bias
    bool outBias = true;
    bool upcastAttention = false;       // scores in float32 for half inputs
    bool upcastSoftmax = false;
    std::optional<int64_t> normNumGroups;  // GroupNorm before the projections (VAE)
    double eps = 1e-5;
    bool residualConnection = false;
    double rescaleOutputFactor = 1.0;
};

class AttentionImpl : public torch::nn::Module {
public:
    explicit AttentionImpl(const AttentionOptions& options);
    // x: [B, L, C] or [B, C, H, W]; context: undefined (self-attention) or [B, Lc, Cc].
    // `cancel` is checked inside a large attention (AttentionKernel.h).
    at::Tensor forward(const at::Tensor& x, const at::Tensor& context = {}, const CancelToken* cancel = nullptr);

    AttentionSettings attention;  // kernel choice and chunking, set by the pipeline's memory mode
    Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr};
    torch::nn::ModuleList to_out{nullptr};
    torch::nn::GroupNorm group_norm{nullptr};

private:
    AttentionOptions options_;
};
TORCH_MODULE(Attention);

// Applies `settings` to every Attention and CLIP attention in a module tree, and its chunk bound to every
// FeedForward.
void applyAttentionSettings(torch::nn::Module& root, const AttentionSettings& settings);

} // namespace i2v
