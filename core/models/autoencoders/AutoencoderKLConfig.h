// The fields of diffusers' AutoencoderKL config (models/autoencoders/autoencoder_kl.py, vae/config.json)
// that the VAE needs, read and range-checked once so the modules can trust them.
#pragma once
#include "io/JsonConfig.h"
#include "models/WeightShapeCheck.h"

#include <string>
#include <vector>

namespace i2v {

struct AutoencoderKLConfig {
    int64_t inChannels = 3;
    int64_t outChannels = 3;
    std::vector<std::string> downBlockTypes{"DownEncoderBlock2D"};
    std::vector<std::string> upBlockTypes{"UpDecoderBlock2D"};
    std::vector<int64_t> blockOutChannels{64};
    int64_t layersPerBlock = 1;
    std::string actFn = "silu";
    int64_t latentChannels = 4;
    int64_t normNumGroups = 32;
    int64_t sampleSize = 32;       // pixel tile size of tiled decoding (first entry when a list)
    double scalingFactor = 0.18215;
    bool forceUpcast = true;       // fp16 weights are known to overflow: the caller should run this VAE in fp32

    // Pixels per latent along each axis: 2^(number of blocks - 1).
    int64_t downscaleFactor() const { return int64_t(1) << (blockOutChannels.size() - 1); }

    // Reads a vae/config.json; ModelError naming the file and key for unknown block types, an
    // activation other than silu, or sizes that cannot build the model.
    static AutoencoderKLConfig fromJson(const JsonConfig& json);
    // The weight shapes that pin every size of this config (models/WeightShapeCheck.h).
    std::vector<ExpectedWeight> expectedWeights() const;
};

} // namespace i2v
