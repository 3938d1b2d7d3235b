// diffusers models/unets/unet_3d_blocks.py as I2VGenXLUNet uses it. DownBlock3D covers both
// `CrossAttnDownBlock3D` and `DownBlock3D` (the latter has no attentions/temp_attentions), UpBlock3D
// covers `CrossAttnUpBlock3D` and `UpBlock3D`; the module names are diffusers' (resnets, temp_convs,
// attentions, temp_attentions, downsamplers.0, upsamplers.0), so weights map one to one.
#pragma once
#include "models/Downsample2D.h"
#include "models/ResnetBlock2D.h"
#include "models/TemporalConvLayer.h"
#include "models/Upsample2D.h"
#include "models/transformers/Transformer2DModel.h"
#include "models/transformers/TransformerTemporalModel.h"
#include "util/CancelToken.h"

#include <torch/nn/modules/container/modulelist.h>

#include <vector>

namespace i2v {

struct Block3DOptions {
    int64_t inChannels = 0;
    int64_t outChannels = 0;
    int64_t prevOutputChannels = 0;  // up blocks: channels coming from the block below
    int64_t tembChannels = 0;
    int64_t numLayers = 2;
    int64_t groups = 32;
    double eps = 1e-5;
    bool crossAttention = true;
    int64_t headDim = 64;            // diffusers passes it as `num_attention_heads` (the I2VGen-XL quirk)
    int64_t crossAttentionDim = 1024;
    bool addSample = true;           // downsampler / upsampler
};

// Runs the shared per-layer sequence: resnet, temporal conv, spatial and temporal attention.
struct Block3DContext {
    const at::Tensor& temb;
    const at::Tensor& context;
    int64_t numFrames;
    // Checked before every resnet, temporal conv and attention: at 1280x704x16 on a CPU one UNet call takes
    // minutes, so a cancel between calls would wait that long.
    const CancelToken* cancel = nullptr;
    void throwIfCancelled() const {
        if (cancel)
            cancel->throwIfCancelled();
    }
};

class DownBlock3DImpl : public torch::nn::Module {
public:
    explicit DownBlock3DImpl(const Block3DOptions& options);
    // Returns the output and appends every residual (one per layer, plus the downsampled output).
    at::Tensor forward(at::Tensor x, const Block3DContext& ctx, std::vector<at::Tensor>& residuals);

    torch::nn::ModuleList resnets{nullptr}, temp_convs{nullptr}, attentions{nullptr}, temp_attentions{nullptr},
        downsamplers{nullptr};
};
TORCH_MODULE(DownBlock3D);

class UNetMidBlock3DCrossAttnImpl : public torch::nn::Module {
public:
    explicit UNetMidBlock3DCrossAttnImpl(const Block3DOptions& options);
    at::Tensor forward(at::Tensor x, const Block3DContext& ctx);

    torch::nn::ModuleList resnets{nullptr}, temp_convs{nullptr}, attentions{nullptr}, temp_attentions{nullptr};
};
TORCH_MODULE(UNetMidBlock3DCrossAttn);

class UpBlock3DImpl : public torch::nn::Module {
public:
    explicit UpBlock3DImpl(const Block3DOptions& options);
    // Consumes residuals from the back of `residuals`; upsampleSize: empty for x2.
    at::Tensor forward(at::Tensor x, const Block3DContext& ctx, std::vector<at::Tensor>& residuals,
                       const std::vector<int64_t>& upsampleSize);
    size_t numLayers() const { return resnets->size(); }

    torch::nn::ModuleList resnets{nullptr}, temp_convs{nullptr}, attentions{nullptr}, temp_attentions{nullptr},
        upsamplers{nullptr};
};
TORCH_MODULE(UpBlock3D);

} // namespace i2v
