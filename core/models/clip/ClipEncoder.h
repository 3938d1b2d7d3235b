// The transformer encoder shared by CLIP's text and vision towers (transformers
// models/clip/modeling_clip.py: CLIPAttention, CLIPMLP, CLIPEncoderLayer, CLIPEncoder).
// Module names equal the checkpoint keys (self_attn.q_proj, mlp.fc1, layer_norm1, ...).
#pragma once
#include "models/Layers.h"
#include "models/AttentionKernel.h"
#include "models/clip/ClipConfig.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <vector>

namespace i2v {

class CancelToken;

class ClipAttentionImpl : public torch::nn::Module {
public:
    explicit ClipAttentionImpl(const ClipConfig& config);
    // x: [B, L, D]; mask: undefined or additive [B or 1, 1, L, L].
    at::Tensor forward(const at::Tensor& x, const at::Tensor& mask);

    AttentionSettings attention;
    Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};

private:
    int64_t heads_;
    double scale_;
};
TORCH_MODULE(ClipAttention);

class ClipMlpImpl : public torch::nn::Module {
public:
    explicit ClipMlpImpl(const ClipConfig& config);
    at::Tensor forward(const at::Tensor& x);
    Linear fc1{nullptr}, fc2{nullptr};

private:
    std::string act_;
};
TORCH_MODULE(ClipMlp);

class ClipEncoderLayerImpl : public torch::nn::Module {
public:
    explicit ClipEncoderLayerImpl(const ClipConfig& config);
    at::Tensor forward(const at::Tensor& x, const at::Tensor& mask);
    ClipAttention self_attn{nullptr};
    torch::nn::LayerNorm layer_norm1{nullptr}, layer_norm2{nullptr};
    ClipMlp mlp{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

class ClipEncoderImpl : public torch::nn::Module {
public:
    explicit ClipEncoderImpl(const ClipConfig& config);
    // Returns hidden states as transformers' output_hidden_states: [0] = input, [i] = output of layer i.
    // Stops after `numLayers` layers when given (>= 0): the pipeline only needs the penultimate one.
    // `cancel` is checked before each layer (a layer of CLIP ViT-H is ~0.1 s on a 2-core CPU).
    std::vector<at::Tensor> forward(const at::Tensor& x, const at::Tensor& mask, int64_t numLayers = -1,
                                    const CancelToken* cancel = nullptr);
    torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(ClipEncoder);

} // namespace i2v
