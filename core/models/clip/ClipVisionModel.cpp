#include "models/clip/ClipVisionModel.h"

#include "util/Errors.h"

#include <ATen/ATen.h>

namespace i2v {

ClipVisionEmbeddingsImpl::ClipVisionEmbeddingsImpl(const ClipConfig& c) {
    class_embedding = register_parameter("class_embedding", at::zeros({c.hiddenSize}));
    patch_embedding = register_module(
        "patch_embedding",
        Conv2d(torch::nn::Conv2dOptions(c.numChannels, c.hiddenSize, c.patchSize).stride(c.patchSize).bias(false)));
    const int64_t patches = (c.imageSize / c.patchSize) * (c.imageSize / c.patchSize);
    position_embedding = register_module("position_embedding", torch::nn::Embedding(patches + 1, c.hiddenSize));
}

at::Tensor ClipVisionEmbeddingsImpl::forward(const at::Tensor& pixels) {
    const int64_t b = pixels.size(0);
    const at::Tensor patches = patch_embedding(pixels.to(class_embedding.scalar_type())).flatten(2).transpose(1, 2);
    const at::Tensor cls = class_embedding.expand({b, 1, -1});
    return at::cat({cls, patches}, 1) + position_embedding->weight.unsqueeze(0);
}

ClipVisionTransformerImpl::ClipVisionTransformerImpl(const ClipConfig& c) {
    const auto ln = torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps);
    embeddings = register_module("embeddings", ClipVisionEmbeddings(c));
    pre_layrnorm = register_module("pre_layrnorm", torch::nn::LayerNorm(ln));
    encoder = register_module("encoder", ClipEncoder(c));
    post_layernorm = register_module("post_layernorm", torch::nn::LayerNorm(ln));
}

ClipVisionModelWithProjection::ClipVisionModelWithProjection(const ClipConfig& config) : config_(config) {
    vision_model = register_module("vision_model", ClipVisionTransformer(config));
    visual_projection = register_module(
        "visual_projection", Linear(torch::nn::LinearOptions(config.hiddenSize, config.projectionDim).bias(false)));
}

const std::vector<std::string>& ClipVisionModelWithProjection::ignoredKeys() {
    static const std::vector<std::string> keys{"vision_model.embeddings.position_ids"};
    return keys;
}

ClipVisionModelWithProjection::Output ClipVisionModelWithProjection::forward(const at::Tensor& pixels,
                                                                           const CancelToken* cancel) {
    const int64_t s = config_.imageSize;
    if (pixels.dim() != 4 || pixels.size(1) != config_.numChannels || pixels.size(2) != s || pixels.size(3) != s)
        throw InputError("image encoder input must be [batch, " + std::to_string(config_.numChannels) + ", " +
                         std::to_string(s) + ", " + std::to_string(s) + "]");
    Output out;
    const at::Tensor emb = vision_model->embeddings(pixels);
    out.hiddenStates = vision_model->encoder->forward(vision_model->pre_layrnorm(emb), at::Tensor(), -1, cancel);
    const at::Tensor pooled = vision_model->post_layernorm(out.hiddenStates.back().select(1, 0));
    out.imageEmbeds = visual_projection(pooled);
    return out;
}

} // namespace i2v
