#include "models/autoencoders/AutoencoderKL.h"

#include "util/CancelToken.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace i2v {
namespace {

std::string shapeText(const at::Tensor& t) {
    std::string s = "[";
    for (int64_t i = 0; i < t.dim(); ++i)
        s += (i ? ", " : "") + std::to_string(t.size(i));
    return s + "]";
}

// The first `extent` rows (dim 2) or columns (dim 3) of b become a linear ramp from a's last ones to b's
// own, in place, as diffusers' blend_v / blend_h do. The weights are y/extent per row, computed in
// double and applied as float scalars, the same arithmetic as their per-row loop.
void blend(const at::Tensor& a, at::Tensor& b, int64_t dim, int64_t extent) {
    extent = std::min({a.size(dim), b.size(dim), extent});
    for (int64_t y = 0; y < extent; ++y) {
        const double w = double(y) / double(extent);
        at::Tensor row = b.select(dim, y);
        row.copy_(a.select(dim, a.size(dim) - extent + y) * (1.0 - w) + row * w);
    }
}

} // namespace

AutoencoderKL::AutoencoderKL(const AutoencoderKLConfig& config) : config_(config) {
    encoder = register_module("encoder", VaeEncoder(config));
    decoder = register_module("decoder", VaeDecoder(config));
    const int64_t lc = config.latentChannels;
    quant_conv = register_module("quant_conv", Conv2d(torch::nn::Conv2dOptions(2 * lc, 2 * lc, 1)));
    post_quant_conv = register_module("post_quant_conv", Conv2d(torch::nn::Conv2dOptions(lc, lc, 1)));
}

DiagonalGaussianDistribution AutoencoderKL::encode(const at::Tensor& image, const CancelToken* cancel) {
    if (image.dim() != 4 || image.size(1) != config_.inChannels || image.size(2) < 1 || image.size(3) < 1)
        throw InputError("VAE encoder input must be [batch, " + std::to_string(config_.inChannels) +
                         ", height, width], got " + shapeText(image));
    const auto& w = quant_conv->bias;  // the weight may be kept in fp16 (Layers.h)
    const at::Tensor moments = quant_conv(encoder->forward(image.to(w.device(), w.scalar_type()), cancel));
    return DiagonalGaussianDistribution::fromMoments(moments);
}

at::Tensor AutoencoderKL::sample(const DiagonalGaussianDistribution& posterior, at::Generator generator) const {
    return posterior.sample(std::move(generator));
}

at::Tensor AutoencoderKL::decodeOne(const at::Tensor& z, const CancelToken* cancel) {
    return decoder->forward(post_quant_conv(z), cancel);
}

at::Tensor AutoencoderKL::decodeBatch(const at::Tensor& zIn, bool tiled, const CancelToken* cancel) {
    if (zIn.dim() != 4 || zIn.size(1) != config_.latentChannels || zIn.size(2) < 1 || zIn.size(3) < 1)
        throw InputError("VAE decoder input must be [batch, " + std::to_string(config_.latentChannels) +
                         ", height, width], got " + shapeText(zIn));
    const auto& w = post_quant_conv->bias;
    const at::Tensor z = zIn.to(w.device(), w.scalar_type());
    const int64_t tileLatent = (tiling.sampleTileSize > 0 ? tiling.sampleTileSize : config_.sampleSize) /
                               config_.downscaleFactor();
    if (tiled && (z.size(2) > tileLatent || z.size(3) > tileLatent))
        return tiledDecode(z, cancel);
    return decodeOne(z, cancel);
}

at::Tensor AutoencoderKL::tiledDecode(const at::Tensor& zIn, const CancelToken* cancel) {
    const auto& w = post_quant_conv->bias;
    const at::Tensor z = zIn.to(w.device(), w.scalar_type());
    const int64_t tileSample = tiling.sampleTileSize > 0 ? tiling.sampleTileSize : config_.sampleSize;
    const int64_t tileLatent = tileSample / config_.downscaleFactor();
    // Same integer truncations as diffusers (int(...) of a float product).
    const int64_t step = std::max<int64_t>(1, int64_t(double(tileLatent) * (1.0 - tiling.overlapFactor)));
    const int64_t blendExtent = int64_t(double(tileSample) * tiling.overlapFactor);
    const int64_t rowLimit = tileSample - blendExtent;
    if (tileLatent < 1)
        throw InputError("VAE tile size " + std::to_string(tileSample) + " is smaller than one latent pixel (" +
                         std::to_string(config_.downscaleFactor()) + " pixels)");

    std::vector<at::Tensor> previousRow, resultRows;
    for (int64_t i = 0; i < z.size(2); i += step) {
        std::vector<at::Tensor> row;
        for (int64_t j = 0; j < z.size(3); j += step)
            row.push_back(decodeOne(z.slice(2, i, i + tileLatent).slice(3, j, j + tileLatent), cancel));
        std::vector<at::Tensor> cropped;
        for (size_t j = 0; j < row.size(); ++j) {
            // Blending reads neighbours that are already blended themselves, as diffusers' in-place
            // blend_v / blend_h over its list of tiles do.
            if (!previousRow.empty())
                blend(previousRow[j], row[j], 2, blendExtent);
            if (j > 0)
                blend(row[j - 1], row[j], 3, blendExtent);
            cropped.push_back(row[j].slice(2, 0, rowLimit).slice(3, 0, rowLimit));
        }
        resultRows.push_back(at::cat(cropped, 3));
        previousRow = std::move(row);
    }
    return at::cat(resultRows, 2);
}

at::Tensor AutoencoderKL::decode(const at::Tensor& z, const VaeDecodeOptions& options) {
    if (z.dim() != 4)
        throw InputError("VAE decoder input must be [batch, " + std::to_string(config_.latentChannels) +
                         ", height, width], got " + shapeText(z));
    const int64_t n = z.size(0);
    const int64_t chunk = options.chunkSize > 0 ? options.chunkSize : std::max<int64_t>(n, 1);
    at::Tensor out;
    for (int64_t i = 0; i < n; i += chunk) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const at::Tensor images = decodeBatch(z.slice(0, i, i + chunk), options.tiled, options.cancel);
        // Written into one preallocated result rather than concatenated at the end, so the peak is the
        // result plus one chunk's activations, not twice the result.
        if (!out.defined()) {
            auto sizes = images.sizes().vec();
            sizes[0] = n;
            out = at::empty(sizes, images.options());
        }
        out.slice(0, i, i + images.size(0)).copy_(images);
        if (options.onChunk)
            options.onChunk(std::min(i + chunk, n), n);
    }
    if (options.cancel)
        options.cancel->throwIfCancelled();
    return out;
}

at::Tensor AutoencoderKL::decodeLatentsToVideo(const at::Tensor& latents, const VaeDecodeOptions& options) {
    if (latents.dim() != 5 || latents.size(1) != config_.latentChannels)
        throw InputError("latents must be [batch, " + std::to_string(config_.latentChannels) +
                         ", frames, height, width], got " + shapeText(latents));
    const int64_t b = latents.size(0), f = latents.size(2);
    // `1 / scaling_factor * latents` exactly as the pipeline writes it: a multiplication by the
    // reciprocal rounds differently from a division.
    const at::Tensor frames = (latents * (1.0 / config_.scalingFactor))
                                  .permute({0, 2, 1, 3, 4})
                                  .reshape({b * f, latents.size(1), latents.size(3), latents.size(4)});
    const at::Tensor images = decode(frames, options);  // [B*F, C, H, W]
    return images.view({b, f, images.size(1), images.size(2), images.size(3)})
        .permute({0, 2, 1, 3, 4})
        .to(at::kFloat)
        .contiguous();
}

at::Tensor AutoencoderKL::decodeLatentsToVideo(const at::Tensor& latents, int64_t decodeChunkSize,
                                               const CancelToken* cancel) {
    VaeDecodeOptions options;
    options.chunkSize = decodeChunkSize;
    options.cancel = cancel;
    return decodeLatentsToVideo(latents, options);
}

} // namespace i2v
