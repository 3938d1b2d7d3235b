#include "models/clip/ClipTextModel.h"

#include "util/Errors.h"

#include <ATen/ATen.h>

#include <limits>

namespace i2v {

ClipTextEmbeddingsImpl::ClipTextEmbeddingsImpl(const ClipConfig& c) {
    token_embedding = register_module("token_embedding", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
    position_embedding = register_module("position_embedding", torch::nn::Embedding(c.maxPositionEmbeddings, c.hiddenSize));
}

at::Tensor ClipTextEmbeddingsImpl::forward(const at::Tensor& ids) {
    const at::Tensor positions = at::arange(ids.size(1), ids.options().dtype(at::kLong)).unsqueeze(0);
    return token_embedding(ids) + position_embedding(positions);
}

ClipTextTransformerImpl::ClipTextTransformerImpl(const ClipConfig& c) {
    embeddings = register_module("embeddings", ClipTextEmbeddings(c));
    encoder = register_module("encoder", ClipEncoder(c));
    final_layer_norm = register_module(
        "final_layer_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps)));
}

ClipTextModel::ClipTextModel(const ClipConfig& config) : config_(config) {
    text_model = register_module("text_model", ClipTextTransformer(config));
}

const std::vector<std::string>& ClipTextModel::ignoredKeys() {
    static const std::vector<std::string> keys{"text_model.embeddings.position_ids"};
    return keys;
}

std::vector<at::Tensor> ClipTextModel::hiddenStates(const at::Tensor& inputIds, int64_t numLayers,
                                                    const CancelToken* cancel) {
    if (inputIds.dim() != 2 || inputIds.size(1) > config_.maxPositionEmbeddings)
        throw InputError("text encoder input must be [batch, <= " + std::to_string(config_.maxPositionEmbeddings) +
                         "] token ids");
    if (inputIds.numel() > 0 && (inputIds.min().item<int64_t>() < 0 || inputIds.max().item<int64_t>() >= config_.vocabSize))
        throw InputError("token id outside the text encoder's vocabulary of " + std::to_string(config_.vocabSize) +
                         ": the tokenizer does not belong to this text encoder");
    const at::Tensor x = text_model->embeddings(inputIds);
    const int64_t l = inputIds.size(1);
    // Causal mask as transformers builds it: the dtype's lowest value (torch.finfo(dtype).min) above the
    // diagonal. float's lowest does not fit in bf16/fp16, so each dtype gets its own.
    const auto dtype = x.scalar_type();
    const double lowest = dtype == at::kHalf       ? double(std::numeric_limits<c10::Half>::lowest())
                          : dtype == at::kBFloat16 ? double(std::numeric_limits<c10::BFloat16>::lowest())
                                                   : double(std::numeric_limits<float>::lowest());
    const at::Tensor mask = at::full({l, l}, lowest, x.options()).triu(1).view({1, 1, l, l});
    return text_model->encoder->forward(x, mask, numLayers, cancel);
}

at::Tensor ClipTextModel::encode(const at::Tensor& inputIds, int64_t clipSkip, const CancelToken* cancel) {
    const int64_t layers = config_.numHiddenLayers;
    // hidden_states has layers + 1 entries (the embeddings first): clip_skip = layers is the embeddings' output.
    if (clipSkip < 0 || clipSkip > layers)
        throw InputError("clip_skip must be between 0 and " + std::to_string(layers));
    const auto hidden = hiddenStates(inputIds, layers - clipSkip, cancel);
    return text_model->final_layer_norm(hidden.back());
}

} // namespace i2v
