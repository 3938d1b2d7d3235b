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

} // namespace i2v
