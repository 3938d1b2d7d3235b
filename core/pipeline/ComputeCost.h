// How much arithmetic a job is, read off the weights' names and shapes (module names = weight keys, so
// every size comes from the checkpoint, as the modules themselves get it): multiply-accumulates of the
// convolutions, the linear layers and the attention products, which is where a denoising step, the VAE
// decode and the encoders spend their time. The desktop app turns these counts into a time estimate
// with a rate measured on the user's machine (ui/SpeedCalibration.h); i2v-bench prints them beside
// its timings as GFLOP/s.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

struct WeightShape {
    std::string name;
    std::vector<int64_t> shape;
};

// Floating-point operations (2 per multiply-accumulate).
struct FlopCount {
    double convolution = 0;
    double linear = 0;
    double attention = 0;  // Q·Kᵀ and scores·V
    double total() const { return convolution + linear + attention; }
    FlopCount& operator+=(const FlopCount& o);
    FlopCount operator*(double factor) const;
};

// One UNet forward of I2VGen-XL (diffusers' I2VGenXLUNet) on `batch` latents of [frames, h, w]: the
// per-step part (the conditioning branch, encoded once per job, is left out).
class UNetCost {
public:
    // `contextTokens`: the cross-attention tokens per frame (text + image-latent + image-embedding tokens).
    UNetCost(const std::vector<WeightShape>& unetWeights, int64_t contextTokens);
    FlopCount forward(int64_t batch, int64_t frames, int64_t h, int64_t w) const;

    // What one weight costs: `value` multiply-accumulates per row it is applied to (its element count),
    // or, for an attention's to_q, the attention's width (the products' cost per query-key pair).
    struct Term {
        enum Kind { Rows, ContextRows, FrameRows, BatchRows, SpatialSelfAttention, CrossAttention, TemporalAttention };
        Kind kind;
        int level;  // 0 = the latent's size, each level below half of it (rounded up, as the stride-2 convs give)
        double value;
        bool convolution;
    };

private:
    std::vector<Term> terms_;
    int64_t contextTokens_;
};

// The AutoencoderKL decoder on one latent frame [h, w] (diffusers' Decoder, post_quant_conv included), and
// the encoder on one picture of [H, W] pixels (quant_conv included).
class VaeCost {
public:
    explicit VaeCost(const std::vector<WeightShape>& vaeWeights);
    FlopCount decodeFrame(int64_t latentH, int64_t latentW) const;
    FlopCount encodeImage(int64_t height, int64_t width) const;

    struct Term {
        bool attention;  // value = width of a self-attention over all positions of the level
        int level;       // decoder: 0 = latent size, doubling per level; encoder: 0 = picture size, halving per level
        double value;    // else: multiply-accumulates per position (the weight's element count)
        bool convolution;
    };

private:
    std::vector<Term> decoder_, encoder_;
    int decoderUpBlocks_ = 0, encoderDownBlocks_ = 0;
};

// A transformer encoder's linear layers on `tokens` tokens (2 × parameters × tokens; its attention
// products are small at 77 or 257 tokens and left out).
FlopCount transformerEncoderFlops(int64_t parameters, int64_t tokens);

} // namespace i2v
