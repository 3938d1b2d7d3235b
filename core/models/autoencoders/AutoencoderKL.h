// diffusers' AutoencoderKL (models/autoencoders/autoencoder_kl.py), the I2VGen-XL VAE: encoder +
// quant_conv give the posterior of an image; post_quant_conv + decoder turn latents into images.
// Also the pipeline's decode_latents (pipelines/i2vgen_xl/pipeline_i2vgen_xl.py): frames decoded
// `chunkSize` at a time with a cancel check between chunks, and diffusers' tiled_decode as the
// low-memory option for large frames. Keys: encoder.*, decoder.*, quant_conv, post_quant_conv.
#pragma once
#include "models/Layers.h"
#include "models/autoencoders/AutoencoderKLConfig.h"
#include "models/autoencoders/DiagonalGaussianDistribution.h"
#include "models/autoencoders/VaeDecoder.h"
#include "models/autoencoders/VaeEncoder.h"

#include <torch/nn/modules/conv.h>

#include <functional>

namespace i2v {

class CancelToken;

// diffusers' tiling parameters: pixel tiles of tile_sample_min_size (= config sample_size) with
// tile_overlap_factor overlap, blended linearly.
struct VaeTiling {
    int64_t sampleTileSize = 0;  // 0: the config's sample_size
    double overlapFactor = 0.25;
};

struct VaeDecodeOptions {
    int64_t chunkSize = 1;                 // frames per decoder call (decode_chunk_size); <= 0: all at once
    bool tiled = false;                    // decode each frame in overlapping spatial tiles
    const CancelToken* cancel = nullptr;   // checked before each chunk; throws Cancelled
    std::function<void(int64_t done, int64_t total)> onChunk;  // after each chunk, frames done of total
};

class AutoencoderKL : public torch::nn::Module {
public:
    explicit AutoencoderKL(const AutoencoderKLConfig& config);
    const AutoencoderKLConfig& config() const { return config_; }

    // image: [B, in_channels, H, W] in [-1, 1] -> posterior over [B, latent_channels, H/f, W/f].
    // `cancel` is checked inside the encoder (VaeEncoderImpl::forward).
    DiagonalGaussianDistribution encode(const at::Tensor& image, const CancelToken* cancel = nullptr);
    // posterior.sample(generator): unscaled latents (the pipeline multiplies by scaling_factor).
    at::Tensor sample(const DiagonalGaussianDistribution& posterior, at::Generator generator) const;

    // z: [N, latent_channels, h, w] (already divided by scaling_factor) -> images [N, out_channels, h*f, w*f]
    // in the model's dtype, decoded options.chunkSize images per decoder call.
    at::Tensor decode(const at::Tensor& z, const VaeDecodeOptions& options = {});
    // One decoder call over all of z (diffusers' vae.decode(z).sample), tiled when asked and z is larger
    // than one latent tile.
    at::Tensor decodeBatch(const at::Tensor& z, bool tiled = false, const CancelToken* cancel = nullptr);
    // diffusers' tiled_decode: the same tile positions, per-tile decoding, blend order and crops, but
    // keeping only the previous row of tiles alive.
    at::Tensor tiledDecode(const at::Tensor& z, const CancelToken* cancel = nullptr);

    // The pipeline's decode_latents: latents [B, latent_channels, F, h, w] (scaled, as the UNet works)
    // -> video [B, out_channels, F, H, W] float32, not clamped.
    at::Tensor decodeLatentsToVideo(const at::Tensor& latents, const VaeDecodeOptions& options);
    at::Tensor decodeLatentsToVideo(const at::Tensor& latents, int64_t decodeChunkSize, const CancelToken* cancel = nullptr);

    VaeTiling tiling;  // set by the pipeline's memory mode, like AttentionImpl::attention

    VaeEncoder encoder{nullptr};
    VaeDecoder decoder{nullptr};
    Conv2d quant_conv{nullptr}, post_quant_conv{nullptr};

private:
    at::Tensor decodeOne(const at::Tensor& z, const CancelToken* cancel = nullptr);  // post_quant_conv + decoder
    AutoencoderKLConfig config_;
};

} // namespace i2v
