// diffusers models/attention.py `FeedForward` with its activations (models/activations.py `GELU`,
// `GEGLU`): net.0 = activation with its `proj` Linear, net.1 = dropout, net.2 = output Linear.
#pragma once
#include "models/Layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>

#include <string>

namespace i2v {

class CancelToken;

class GeluProjectionImpl : public torch::nn::Module {
public:
    // gated = true is GEGLU (proj to 2x inner, hidden * gelu(gate)); false is GELU (proj then gelu).
    GeluProjectionImpl(int64_t dimIn, int64_t dimOut, bool gated, bool bias);
    at::Tensor forward(const at::Tensor& x);
    Linear proj{nullptr};

private:
    bool gated_;
};
TORCH_MODULE(GeluProjection);

class FeedForwardImpl : public torch::nn::Module {
public:
    // activation: "geglu" or "gelu"; innerDim 0 = 4 * dim.
    FeedForwardImpl(int64_t dim, const std::string& activation, int64_t innerDim = 0, bool bias = true);
    // Rows (tokens) are independent, so a large input runs in row chunks whose projection output stays
    // under `maxIntermediateBytes` (0 = never chunk). At 1280x704x16 with CFG the top-level GEGLU output
    // alone is [32 * 14080, 2560] fp32 = 4.6 GB, plus as much again for gelu(gate) and the product.
    // With `cancel`, the chunks also keep under kFlopsBetweenCancelChecks and the token is checked between them.
    at::Tensor forward(const at::Tensor& x, const CancelToken* cancel = nullptr);
    torch::nn::ModuleList net{nullptr};
    int64_t maxIntermediateBytes = 0;   // set with the attention chunk bound (applyAttentionSettings)
};
TORCH_MODULE(FeedForward);

} // namespace i2v
