#include "models/autoencoders/AutoencoderKLConfig.h"

namespace i2v {

AutoencoderKLConfig AutoencoderKLConfig::fromJson(const JsonConfig& j) {
    AutoencoderKLConfig c;
    c.inChannels = j.get<int64_t>("in_channels", c.inChannels);
    c.outChannels = j.get<int64_t>("out_channels", c.outChannels);
    c.downBlockTypes = j.get<std::vector<std::string>>("down_block_types", c.downBlockTypes);
    c.upBlockTypes = j.get<std::vector<std::string>>("up_block_types", c.upBlockTypes);
    c.blockOutChannels = j.get<std::vector<int64_t>>("block_out_channels", c.blockOutChannels);
    c.layersPerBlock = j.get<int64_t>("layers_per_block", c.layersPerBlock);
    c.actFn = j.get<std::string>("act_fn", c.actFn);
    c.latentChannels = j.get<int64_t>("latent_channels", c.latentChannels);
    c.normNumGroups = j.get<int64_t>("norm_num_groups", c.normNumGroups);
    c.scalingFactor = j.get<double>("scaling_factor", c.scalingFactor);
    c.forceUpcast = j.get<bool>("force_upcast", c.forceUpcast);
    // diffusers accepts an int or a [h, w] list and uses the first entry for tiling.
    if (j.has("sample_size")) {
        const auto& s = j.json().at("sample_size");
        if (s.is_array() && !s.empty() && s.front().is_number_integer())
            c.sampleSize = s.front().get<int64_t>();
        else
            c.sampleSize = j.require<int64_t>("sample_size");
    }

    auto positive = [&](const char* key, int64_t value) {
        if (value <= 0 || value > (int64_t(1) << 20))
            j.fail(key, "must be a positive integer, got " + std::to_string(value));
    };
    positive("in_channels", c.inChannels);
    positive("out_channels", c.outChannels);
    positive("layers_per_block", c.layersPerBlock);
    positive("latent_channels", c.latentChannels);
    positive("norm_num_groups", c.normNumGroups);
    positive("sample_size", c.sampleSize);
    if (c.blockOutChannels.empty() || c.blockOutChannels.size() > 16)
        j.fail("block_out_channels", "must list 1 to 16 channel counts");
    for (int64_t ch : c.blockOutChannels) {
        positive("block_out_channels", ch);
        if (ch % c.normNumGroups != 0)
            j.fail("block_out_channels", "entry " + std::to_string(ch) + " is not divisible by norm_num_groups (" +
                                             std::to_string(c.normNumGroups) + ")");
    }
    if (c.downBlockTypes.size() != c.blockOutChannels.size())
        j.fail("down_block_types", "must have one entry per block_out_channels entry");
    if (c.upBlockTypes.size() != c.blockOutChannels.size())
        j.fail("up_block_types", "must have one entry per block_out_channels entry");
    for (const auto& t : c.downBlockTypes)
        if (t != "DownEncoderBlock2D")
            j.fail("down_block_types", "contains '" + t + "', which is not supported (only DownEncoderBlock2D)");
    for (const auto& t : c.upBlockTypes)
        if (t != "UpDecoderBlock2D")
            j.fail("up_block_types", "contains '" + t + "', which is not supported (only UpDecoderBlock2D)");
    if (c.actFn != "silu" && c.actFn != "swish")
        j.fail("act_fn", "'" + c.actFn + "' is not supported (only silu)");
    if (!(c.scalingFactor > 0))
        j.fail("scaling_factor", "must be positive");
    return c;
}

std::vector<ExpectedWeight> AutoencoderKLConfig::expectedWeights() const {
    const int64_t first = blockOutChannels.front(), last = blockOutChannels.back(), n = int64_t(blockOutChannels.size());
    std::vector<ExpectedWeight> e{
        {"encoder.conv_in.weight", {first, inChannels, 3, 3}, "in_channels/block_out_channels"},
        {"encoder.conv_out.weight", {2 * latentChannels, last, 3, 3}, "latent_channels"},
        {"encoder.mid_block.attentions.0.to_q.weight", {last, last}, "block_out_channels"},
        {"decoder.conv_in.weight", {last, latentChannels, 3, 3}, "latent_channels"},
        {"decoder.conv_out.weight", {outChannels, first, 3, 3}, "out_channels"},
    };
    // The first resnet of a block fixes its width, the last one its depth (a file with that key has the layers).
    for (int64_t i = 0; i < n; ++i) {
        const std::string down = "encoder.down_blocks." + std::to_string(i) + ".resnets.";
        const std::string up = "decoder.up_blocks." + std::to_string(i) + ".resnets.";
        for (const std::string& r : {down + "0", down + std::to_string(layersPerBlock - 1)})
            e.push_back({r + ".conv1.weight", {blockOutChannels[i], kAnyDim, 3, 3}, "block_out_channels/layers_per_block"});
        for (const std::string& r : {up + "0", up + std::to_string(layersPerBlock)})
            e.push_back({r + ".conv1.weight", {blockOutChannels[n - 1 - i], kAnyDim, 3, 3}, "block_out_channels/layers_per_block"});
    }
    return e;
}

} // namespace i2v
