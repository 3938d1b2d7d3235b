// transformers' CLIPVisionModelWithProjection (models/clip/modeling_clip.py: CLIPVisionEmbeddings,
// CLIPVisionTransformer, visual_projection): keys vision_model.* and visual_projection.weight.
#pragma once
#include "models/Layers.h"
#include "models/clip/ClipEncoder.h"

#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/embedding.h>

namespace i2v {

class ClipVisionEmbeddingsImpl : public torch::nn::Module {
public:
    explicit ClipVisionEmbeddingsImpl(const ClipConfig& c);
    at::Tensor forward(const at::Tensor& pixelValues);  // [B, 3, S, S] -> [B, 1 + (S/p)^2, D]
    at::Tensor class_embedding;
    Conv2d patch_embedding{nullptr};
    torch::nn::Embedding position_embedding{nullptr};
};
TORCH_MODULE(ClipVisionEmbeddings);

class ClipVisionTransformerImpl : public torch::nn::Module {
public:
    explicit ClipVisionTransformerImpl(const ClipConfig& c);
    ClipVisionEmbeddings embeddings{nullptr};
    torch::nn::LayerNorm pre_layrnorm{nullptr};  // sic: the checkpoint's spelling
    ClipEncoder encoder{nullptr};
    torch::nn::LayerNorm post_layernorm{nullptr};
};
TORCH_MODULE(ClipVisionTransformer);

class ClipVisionModelWithProjection : public torch::nn::Module {
public:
    explicit ClipVisionModelWithProjection(const ClipConfig& config);
    const ClipConfig& config() const { return config_; }

    struct Output {
        at::Tensor imageEmbeds;                // [B, projection_dim]
        std::vector<at::Tensor> hiddenStates;  // encoder input (after pre_layrnorm), then each layer's output
    };
    Output forward(const at::Tensor& pixelValues, const CancelToken* cancel = nullptr);
    at::Tensor encode(const at::Tensor& pixelValues, const CancelToken* cancel = nullptr) {
        return forward(pixelValues, cancel).imageEmbeds;
    }

    ClipVisionTransformer vision_model{nullptr};
    Linear visual_projection{nullptr};

    static const std::vector<std::string>& ignoredKeys();

private:
    ClipConfig config_;
};

} // namespace i2v
