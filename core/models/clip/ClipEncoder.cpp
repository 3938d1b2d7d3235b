#include "models/clip/ClipEncoder.h"
#include "util/CancelToken.h"

#include <ATen/ATen.h>
#include <torch/nn/functional/activation.h>

namespace i2v {

ClipAttentionImpl::ClipAttentionImpl(const ClipConfig& c)
    : heads_(c.numAttentionHeads), scale_(1.0 / std::sqrt(double(c.hiddenSize / c.numAttentionHeads))) {
    q_proj = register_module("q_proj", Linear(c.hiddenSize, c.hiddenSize));
    k_proj = register_module("k_proj", Linear(c.hiddenSize, c.hiddenSize));
    v_proj = register_module("v_proj", Linear(c.hiddenSize, c.hiddenSize));
    out_proj = register_module("out_proj", Linear(c.hiddenSize, c.hiddenSize));
}

at::Tensor ClipAttentionImpl::forward(const at::Tensor& x, const at::Tensor& mask) {
    const int64_t b = x.size(0), l = x.size(1), d = x.size(2);
    auto split = [&](const at::Tensor& t) { return t.view({b, l, heads_, d / heads_}).transpose(1, 2); };
    // transformers scales q before the product; doing the same keeps the rounding identical.
    const at::Tensor q = split(q_proj(x) * scale_);
    const at::Tensor out = scaledDotProductAttention(q, split(k_proj(x)), split(v_proj(x)), mask, 1.0, attention,
                                                     /*upcastSoftmax=*/false);
    return out_proj(out.transpose(1, 2).reshape({b, l, d}));
}

ClipMlpImpl::ClipMlpImpl(const ClipConfig& c) : act_(c.hiddenAct) {
    fc1 = register_module("fc1", Linear(c.hiddenSize, c.intermediateSize));
    fc2 = register_module("fc2", Linear(c.intermediateSize, c.hiddenSize));
}

at::Tensor ClipMlpImpl::forward(const at::Tensor& x) {
    at::Tensor h = fc1(x);
    if (act_ == "quick_gelu")
        h = h * at::sigmoid(1.702 * h);
    else if (act_ == "gelu_new")
        h = at::gelu(h, "tanh");
    else
        h = at::gelu(h);
    return fc2(h);
}

ClipEncoderLayerImpl::ClipEncoderLayerImpl(const ClipConfig& c) {
    const auto ln = torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps);
    self_attn = register_module("self_attn", ClipAttention(c));
    layer_norm1 = register_module("layer_norm1", torch::nn::LayerNorm(ln));
    mlp = register_module("mlp", ClipMlp(c));
    layer_norm2 = register_module("layer_norm2", torch::nn::LayerNorm(ln));
}

at::Tensor ClipEncoderLayerImpl::forward(const at::Tensor& x, const at::Tensor& mask) {
    at::Tensor h = x + self_attn(layer_norm1(x), mask);
    return h + mlp(layer_norm2(h));
}

ClipEncoderImpl::ClipEncoderImpl(const ClipConfig& c) {
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.numHiddenLayers; ++i)
        layers->push_back(ClipEncoderLayer(c));
}

std::vector<at::Tensor> ClipEncoderImpl::forward(const at::Tensor& x, const at::Tensor& mask, int64_t numLayers,
                                                 const CancelToken* cancel) {
    const int64_t n = numLayers < 0 ? int64_t(layers->size()) : std::min<int64_t>(numLayers, layers->size());
    std::vector<at::Tensor> hidden{x};
    for (int64_t i = 0; i < n; ++i) {
        throwIfCancelled(cancel);
        hidden.push_back(layers->at<ClipEncoderLayerImpl>(i).forward(hidden.back(), mask));
    }
    return hidden;
}

} // namespace i2v
