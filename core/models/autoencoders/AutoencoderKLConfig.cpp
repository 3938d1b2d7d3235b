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

} // namespace i2v
