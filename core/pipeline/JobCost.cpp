#include "pipeline/JobCost.h"

#include "io/SafetensorsFile.h"
#include "models/autoencoders/AutoencoderKLConfig.h"

#include <algorithm>
#include <cmath>

namespace i2v {
namespace {

struct ComponentWeights {
    std::vector<WeightShape> shapes;
    bool halfFile = false;
};

ComponentWeights readShapes(const DiffusersFolder& folder, const std::string& component, WeightsVariant variant) {
    const SafetensorsFile file(folder.weightsFile(component, variant));
    ComponentWeights out;
    for (const std::string& key : file.keys()) {
        const auto& info = file.info(key);
        out.shapes.push_back({key, info.shape});
        out.halfFile = out.halfFile || info.dtypeName == "F16" || info.dtypeName == "BF16";
    }
    return out;
}

double elements(const std::vector<int64_t>& shape) {
    double n = 1;
    for (int64_t s : shape)
        n *= double(s);
    return n;
}

// The cross-attention tokens per frame: the text tokens, 64 image-latent tokens (diffusers' I2VGenXLUNet
// pools the first frame's latent to 32x32, then two stride-2 convolutions: 8x8) and one token per latent
// channel from the image embedding.
constexpr int64_t kImageLatentTokens = 64;

} // namespace

JobCostModel::JobCostModel(const DiffusersFolder& folder, WeightsVariant variant, int64_t textTokens)
    : unet_({}, 0), vae_({}), textTokens_(textTokens) {
    const auto summarize = [](const ComponentWeights& w) {
        Component c;
        c.halfFile = w.halfFile;
        for (const auto& s : w.shapes) {
            c.parameters += elements(s.shape);
            if (s.shape.size() >= 2)
                c.matrixParameters += elements(s.shape);
        }
        return c;
    };
    const ComponentWeights unet = readShapes(folder, "unet", variant), vae = readShapes(folder, "vae", variant);
    const JsonConfig unetConfig = folder.componentConfig("unet");
    const int64_t inChannels = unetConfig.get<int64_t>("in_channels", 4);
    unet_ = UNetCost(unet.shapes, textTokens + kImageLatentTokens + inChannels);
    vae_ = VaeCost(vae.shapes);
    unetWeights_ = summarize(unet);
    vaeWeights_ = summarize(vae);
    textWeights_ = summarize(readShapes(folder, "text_encoder", variant));
    imageWeights_ = summarize(readShapes(folder, "image_encoder", variant));

    const JsonConfig image = folder.componentConfig("image_encoder");
    const int64_t patches = image.get<int64_t>("image_size", 224) / std::max<int64_t>(1, image.get<int64_t>("patch_size", 14));
    imageTokens_ = patches * patches + 1;  // + the class token
    const AutoencoderKLConfig vaeConfig = AutoencoderKLConfig::fromJson(folder.componentConfig("vae"));
    vaeForceUpcast_ = vaeConfig.forceUpcast;
    vaeFactor_ = vaeConfig.downscaleFactor();
    vaeWidthFull_ = vaeConfig.blockOutChannels.front();
    vaeWidthLatent_ = vaeConfig.blockOutChannels.back();
    // The up blocks run in reverse order: the last one's input is the second block's width.
    vaeWidthIntoFull_ = vaeConfig.blockOutChannels.size() > 1 ? vaeConfig.blockOutChannels[1] : vaeWidthFull_;
    vaeTile_ = vaeConfig.sampleSize;
    unetWidths_ = unetConfig.get<std::vector<int64_t>>("block_out_channels", {320, 640, 1280, 1280});
    unetLayers_ = unetConfig.get<int64_t>("layers_per_block", 2);
    unetHeads0_ = std::max<int64_t>(1, unetWidths_.front() / std::max<int64_t>(1, unetConfig.get<int64_t>("attention_head_dim", 64)));
}

double JobCostModel::weightBytes(const Component& c, const MemorySettings& m) const {
    if (m.computeBytes == 4 && m.keepHalfWeights && c.halfFile)
        return c.matrixParameters * 2 + (c.parameters - c.matrixParameters) * 4;
    return c.parameters * m.computeBytes;
}

JobCost JobCostModel::estimate(const GenerationRequest& r, const MemorySettings& m) const {
    JobCost cost;
    const int64_t batch = r.doClassifierFreeGuidance() ? 2 : 1;
    const int64_t h = r.height / vaeFactor_, w = r.width / vaeFactor_, frames = r.numFrames;
    cost.steps = r.numInferenceSteps;
    cost.encode = transformerEncoderFlops(int64_t(textWeights_.parameters), batch * textTokens_);
    cost.encode += transformerEncoderFlops(int64_t(imageWeights_.parameters), imageTokens_);
    cost.encode += vae_.encodeImage(r.height, r.width);
    cost.step = unet_.forward(batch, frames, h, w);
    cost.decode = vae_.decodeFrame(h, w) * double(frames);

    MemorySettings vaeMemory = m;
    if (vaeForceUpcast_ && m.float16)
        vaeMemory.computeBytes = 4;
    cost.weightBytes = weightBytes(unetWeights_, m) + weightBytes(vaeWeights_, vaeMemory);
    const double textWeights = weightBytes(textWeights_, m), imageWeights = weightBytes(imageWeights_, m);
    if (!m.offloadEncoders)
        cost.weightBytes += textWeights + imageWeights;

    // Working sets, in elements. Denoising: the skip connections the down path keeps for the up path,
    // twelve level-0 maps in flight, and one block of attention scores and of feed-forward intermediates at
    // level 0, bounded by the attention chunk (AttentionKernel.h, FeedForward.h). The twelve are what a
    // transformer at level 0 holds at once: its input for the residual, the norm in token layout, proj_in's
    // output, the block's norm, q, k and v, the attention's folded output, to_out's output and the sums.
    // Whole jobs' peaks on the full-size checkpoint at 1280x704 (fp16 files, 2 threads), against the estimate:
    // fp32 with fp16 weights kept, 2 / 16 frames 7,928 / 14,767 MiB against 8,183 / 15,390 (+3.2 / +4.2 %);
    // bf16 6,483 / 9,881 against 6,805 / 10,608 (+5.0 / +7.4 %). The 16-frame peaks held about eleven level-0
    // maps in fp32 and nine in bf16 (its norms, GEGLU and attention run over pieces in AVX-512 lanes); one
    // count for both keeps the estimate on the high side. Six maps, the count before twelve, were 22 % under
    // the 16-frame peak.
    const double bf = double(batch * frames), bytes = m.computeBytes;
    double skips = 0, hl = double(h), wl = double(w);
    const double level0 = double(h) * double(w) * double(unetWidths_.front()) * bf;
    for (size_t l = 0; l < unetWidths_.size(); ++l) {
        skips += double(unetLayers_ + (l + 1 < unetWidths_.size() ? 1 : 0)) * hl * wl * double(unetWidths_[l]) * bf;
        hl = std::ceil(hl / 2);
        wl = std::ceil(wl / 2);
    }
    const double positions0 = double(h) * double(w);
    const double bound = m.attentionChunkBytes > 0 ? double(m.attentionChunkBytes) : INFINITY;
    const double scores = std::min(bf * double(unetHeads0_) * positions0 * positions0 * bytes, bound);
    const double feedForward = std::min(bf * positions0 * 8.0 * double(unetWidths_.front()) * bytes, bound);
    const double denoise = (skips + level0 * 12.0) * bytes + scores + feedForward;

    // Decoding: `decodeChunkSize` frames at a time (a tile of them when tiling), the full-size maps of the
    // last up block's first resnet (its input, upsampled from the block before, and that input normalised,
    // at the width before; its convolution's output and the row bands' pieces at the last width), a few
    // maps at the latent size and the mid block's attention over every latent position. Measured on the
    // full-size checkpoint: 3,120 bytes a pixel between 640x352 and 1280x704, against 3,072 modelled;
    // four maps of the last width, the count before, were 2,048.
    const double chunk = double(std::clamp(r.decodeChunkSize <= 0 ? r.numFrames : r.decodeChunkSize, 1, r.numFrames));
    double pixels = double(r.height) * double(r.width);
    double latentPositions = double(h) * double(w);
    if (m.vaeTiling) {
        const double tile = double(vaeTile_);  // diffusers' tile_sample_min_size; a bound, not exact
        pixels = std::min(pixels, tile * tile);
        latentPositions = std::min(latentPositions, pixels / double(vaeFactor_ * vaeFactor_));
    }
    const double vaeBytes = vaeMemory.computeBytes;
    const double decodeBytes = chunk * (pixels * double(2 * vaeWidthIntoFull_ + 2 * vaeWidthFull_) +
                                        latentPositions * double(vaeWidthLatent_) * 4.0) * vaeBytes +
                               std::min(chunk * latentPositions * latentPositions * vaeBytes, bound);
    // Encoding: with offload each encoder is resident only while it runs (and while the load checks it), and the
    // VAE encoder, which runs after them, holds the full-size maps of its first level (the input, a norm's output,
    // a convolution's output, the residual sum, the row bands' pieces). Measured on the full-size checkpoint at
    // 1280x704: 700 elements a pixel in fp32 and in bf16, against six maps of its width (768).
    const double vaeEncoding = double(r.height) * double(r.width) * 6.0 * double(vaeWidthFull_) * vaeBytes;
    cost.encodingBytes =
        cost.weightBytes + std::max(m.offloadEncoders ? std::max(textWeights, imageWeights) : 0.0, vaeEncoding);
    // The frames themselves (float32 RGB) and the latents stay alive through the whole job.
    const double frameBytes = double(r.numFrames) * double(r.height) * double(r.width) * 3.0 * 4.0;
    cost.activationBytes = std::max(denoise, decodeBytes) + frameBytes;
    return cost;
}

} // namespace i2v
