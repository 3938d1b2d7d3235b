// transformers' CLIPTextModel (models/clip/modeling_clip.py: CLIPTextEmbeddings, CLIPTextTransformer):
// keys text_model.embeddings.*, text_model.encoder.layers.N.*, text_model.final_layer_norm.*.
#pragma once
#include "models/clip/ClipEncoder.h"

#include <torch/nn/modules/embedding.h>

namespace i2v {

class ClipTextEmbeddingsImpl : public torch::nn::Module {
public:
    explicit ClipTextEmbeddingsImpl(const ClipConfig& c);
    at::Tensor forward(const at::Tensor& inputIds);  // [B, L] int64 -> [B, L, D]
    torch::nn::Embedding token_embedding{nullptr}, position_embedding{nullptr};
};
TORCH_MODULE(ClipTextEmbeddings);

class ClipTextTransformerImpl : public torch::nn::Module {
public:
    explicit ClipTextTransformerImpl(const ClipConfig& c);
    ClipTextEmbeddings embeddings{nullptr};
    ClipEncoder encoder{nullptr};
    torch::nn::LayerNorm final_layer_norm{nullptr};
};
TORCH_MODULE(ClipTextTransformer);

class ClipTextModel : public torch::nn::Module {
public:
    explicit ClipTextModel(const ClipConfig& config);
    const ClipConfig& config() const { return config_; }

    // All hidden states (embeddings, then each layer's output; no final LayerNorm) for a causal mask.
    std::vector<at::Tensor> hiddenStates(const at::Tensor& inputIds, int64_t numLayers = -1,
                                         const CancelToken* cancel = nullptr);
    // What I2VGenXLPipeline.encode_prompt uses: final_layer_norm(hidden_states[-(clipSkip + 1)]);
    // clipSkip = 0 gives last_hidden_state. The pipeline's default is clip_skip = 1.
    at::Tensor encode(const at::Tensor& inputIds, int64_t clipSkip = 1, const CancelToken* cancel = nullptr);

    ClipTextTransformer text_model{nullptr};

    // Keys older transformers versions saved that the model does not use.
    static const std::vector<std::string>& ignoredKeys();

private:
    ClipConfig config_;
};

} // namespace i2v
