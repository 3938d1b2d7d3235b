// The fields of transformers' CLIPTextConfig / CLIPVisionConfig the encoders need, read from a
// component's config.json.
#pragma once
#include "io/JsonConfig.h"
#include "models/WeightShapeCheck.h"

#include <string>

namespace i2v {

struct ClipConfig {
    int64_t hiddenSize = 512;
    int64_t intermediateSize = 2048;
    int64_t numAttentionHeads = 8;
    int64_t numHiddenLayers = 12;
    double layerNormEps = 1e-5;
    std::string hiddenAct = "quick_gelu";
    int64_t projectionDim = 512;
    // text
    int64_t vocabSize = 49408;
    int64_t maxPositionEmbeddings = 77;
    // vision
    int64_t imageSize = 224;
    int64_t patchSize = 32;
    int64_t numChannels = 3;

    // Reads and range-checks a config.json; ModelError naming the file and key on a bad value.
    static ClipConfig fromJson(const JsonConfig& json);
    // The weight shapes that pin every size of a CLIPTextModel / CLIPVisionModelWithProjection of this
    // config (models/WeightShapeCheck.h).
    std::vector<ExpectedWeight> expectedTextWeights() const;
    std::vector<ExpectedWeight> expectedVisionWeights() const;
};

} // namespace i2v
