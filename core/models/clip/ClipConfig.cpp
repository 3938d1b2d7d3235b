#include "models/clip/ClipConfig.h"

namespace i2v {

ClipConfig ClipConfig::fromJson(const JsonConfig& j) {
    ClipConfig c;
    c.hiddenSize = j.get<int64_t>("hidden_size", c.hiddenSize);
    c.intermediateSize = j.get<int64_t>("intermediate_size", c.intermediateSize);
    c.numAttentionHeads = j.get<int64_t>("num_attention_heads", c.numAttentionHeads);
    c.numHiddenLayers = j.get<int64_t>("num_hidden_layers", c.numHiddenLayers);
    c.layerNormEps = j.get<double>("layer_norm_eps", c.layerNormEps);
    c.hiddenAct = j.get<std::string>("hidden_act", c.hiddenAct);
    c.projectionDim = j.get<int64_t>("projection_dim", c.projectionDim);
    c.vocabSize = j.get<int64_t>("vocab_size", c.vocabSize);
    c.maxPositionEmbeddings = j.get<int64_t>("max_position_embeddings", c.maxPositionEmbeddings);
    c.imageSize = j.get<int64_t>("image_size", c.imageSize);
    c.patchSize = j.get<int64_t>("patch_size", c.patchSize);
    c.numChannels = j.get<int64_t>("num_channels", c.numChannels);

    for (auto [key, value] : {std::pair<const char*, int64_t>{"hidden_size", c.hiddenSize},
                              {"intermediate_size", c.intermediateSize},
                              {"num_attention_heads", c.numAttentionHeads},
                              {"num_hidden_layers", c.numHiddenLayers},
                              {"projection_dim", c.projectionDim},
                              {"vocab_size", c.vocabSize},
                              {"max_position_embeddings", c.maxPositionEmbeddings},
                              {"image_size", c.imageSize},
                              {"patch_size", c.patchSize},
                              {"num_channels", c.numChannels}})
        if (value <= 0 || value > (int64_t(1) << 24))
            j.fail(key, "must be a positive integer, got " + std::to_string(value));
    if (c.hiddenSize % c.numAttentionHeads != 0)
        j.fail("hidden_size", "must be divisible by num_attention_heads");
    if (c.imageSize % c.patchSize != 0)
        j.fail("image_size", "must be divisible by patch_size");
    if (c.hiddenAct != "gelu" && c.hiddenAct != "quick_gelu" && c.hiddenAct != "gelu_new")
        j.fail("hidden_act", "'" + c.hiddenAct + "' is not supported (gelu, gelu_new, quick_gelu)");
    if (!(c.layerNormEps > 0))
        j.fail("layer_norm_eps", "must be positive");
    return c;
}

namespace {
// The last layer's presence bounds the depth; its MLP fixes the widths.
void addLayers(std::vector<ExpectedWeight>& e, const std::string& prefix, const ClipConfig& c) {
    e.push_back({prefix + "encoder.layers." + std::to_string(c.numHiddenLayers - 1) + ".mlp.fc1.weight",
                 {c.intermediateSize, c.hiddenSize}, "num_hidden_layers/intermediate_size/hidden_size"});
}
} // namespace

std::vector<ExpectedWeight> ClipConfig::expectedTextWeights() const {
    std::vector<ExpectedWeight> e{
        {"text_model.embeddings.token_embedding.weight", {vocabSize, hiddenSize}, "vocab_size/hidden_size"},
        {"text_model.embeddings.position_embedding.weight", {maxPositionEmbeddings, hiddenSize}, "max_position_embeddings"},
    };
    addLayers(e, "text_model.", *this);
    return e;
}

std::vector<ExpectedWeight> ClipConfig::expectedVisionWeights() const {
    const int64_t patches = (imageSize / patchSize) * (imageSize / patchSize);
    std::vector<ExpectedWeight> e{
        {"vision_model.embeddings.patch_embedding.weight", {hiddenSize, numChannels, patchSize, patchSize},
         "hidden_size/num_channels/patch_size"},
        {"vision_model.embeddings.position_embedding.weight", {patches + 1, hiddenSize}, "image_size/patch_size"},
        {"visual_projection.weight", {projectionDim, hiddenSize}, "projection_dim"},
    };
    addLayers(e, "vision_model.", *this);
    return e;
}

} // namespace i2v
