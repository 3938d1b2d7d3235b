// What a job will cost before it runs: its arithmetic per stage (ComputeCost.h) and an estimate of the
// memory it needs, from the model folder's weight headers and configs and the job's settings. No tensor is
// touched, so the desktop app recomputes it on every change of a setting (ui/JobEstimate.h turns the
// arithmetic into seconds with the rates measured on this machine).
#pragma once
#include "io/DiffusersFolder.h"
#include "pipeline/ComputeCost.h"
#include "pipeline/GenerationRequest.h"

#include <algorithm>
#include <cstdint>

namespace i2v {

// How the model is held and run, as far as memory goes (the resolved PipelineOptions, torch-free).
struct MemorySettings {
    int computeBytes = 4;               // 4 float32, 2 bfloat16/float16
    bool float16 = false;               // float16 compute (CUDA): a force_upcast VAE then runs in float32
    bool keepHalfWeights = false;       // fp16 weights kept in fp16 under fp32 compute
    bool offloadEncoders = false;       // text and image encoders freed after each use
    bool vaeTiling = false;
    int64_t attentionChunkBytes = int64_t(256) << 20;  // 0 = unbounded
};

struct JobCost {
    FlopCount encode;   // both prompts through the text encoder, the picture through the image encoder and the VAE
    FlopCount step;     // one denoising step (the UNet on the CFG batch)
    FlopCount decode;   // every frame through the VAE decoder
    int steps = 0;
    double weightBytes = 0;      // weights held while denoising
    double activationBytes = 0;  // the largest working set of denoising or decoding
    // While the prompt and the picture are encoded: the weights held, and each encoder (with offload resident only
    // while it runs), then the VAE encoder's working set.
    double encodingBytes = 0;
    // The process itself on the CPU: libtorch and the ~300 libraries Debian's build loads (176 MB for
    // `i2v --version`), its allocator's and kernels' caches and the C library's heap. Measured: the most a job's
    // peak held beside its weights and modelled working set, 450 MB (the full-size checkpoint in bf16 at
    // 256x256x2: 5258 MB against 4724 MB of weights and 105 MB of activations; bench/RESULTS.md, 2026-12-06).
    // The freed pages the CPU allocator keeps add nothing at the peak (util/HugePageAllocator.h).
    double processBytes = 450e6;
    double flops() const { return encode.total() + steps * step.total() + decode.total(); }
    double peakBytes() const { return std::max(weightBytes + activationBytes, encodingBytes) + processBytes; }
};

class JobCostModel {
public:
    // Reads the weight headers (names and shapes, not the weights) and configs of `variant`'s files;
    // `textTokens`: the tokenizer's model_max_length. Throws ModelError as DiffusersFolder does.
    JobCostModel(const DiffusersFolder& folder, WeightsVariant variant, int64_t textTokens);

    // The cost of `request` (its size, frames, steps, guidance and decode chunk) held as `memory` says.
    JobCost estimate(const GenerationRequest& request, const MemorySettings& memory) const;
    int64_t vaeScaleFactor() const { return vaeFactor_; }

private:
    struct Component {
        double parameters = 0, matrixParameters = 0;  // all, and those of ≥ 2-D weights (kept in fp16 when asked)
        bool halfFile = false;
    };
    double weightBytes(const Component& c, const MemorySettings& m) const;

    UNetCost unet_;
    VaeCost vae_;
    Component unetWeights_, vaeWeights_, textWeights_, imageWeights_;
    int64_t textTokens_, imageTokens_, vaeFactor_;
    std::vector<int64_t> unetWidths_;  // channels per UNet level
    int64_t unetHeads0_ = 1, unetLayers_ = 2;
    int64_t vaeWidthFull_ = 0, vaeWidthLatent_ = 0;  // decoder channels at full and at latent size
    int64_t vaeWidthIntoFull_ = 0;  // channels of the decoder's last up block's input (upsampled to full size)
    int64_t vaeTile_ = 512;                          // pixel tile of tiled decoding (config sample_size)
    bool vaeForceUpcast_ = true;  // the VAE runs in float32 whatever the compute dtype (its config's force_upcast)
};

} // namespace i2v
