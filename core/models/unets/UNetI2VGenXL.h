// diffusers models/unets/unet_i2vgen_xl.py: `I2VGenXLUNet` and its `I2VGenXLTransformerTemporalEncoder`.
// Inputs: noisy latents [B,4,F,h,w], timestep, fps [B], image latents [B,4,F,h,w] (first-frame VAE
// latent + frame-position masks), CLIP image embeddings [B,1,P], text embeddings [B,77,D].
#pragma once
#include "models/Layers.h"
#include "io/JsonConfig.h"
#include "models/Attention.h"
#include "models/Embeddings.h"
#include "models/FeedForward.h"
#include "models/WeightShapeCheck.h"
#include "models/transformers/TransformerTemporalModel.h"
#include "models/unets/UNet3DBlocks.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace i2v {

struct UNetI2VGenXLConfig {
    int64_t inChannels = 4;
    int64_t outChannels = 4;
    std::vector<std::string> downBlockTypes{"CrossAttnDownBlock3D", "CrossAttnDownBlock3D", "CrossAttnDownBlock3D",
                                            "DownBlock3D"};
    std::vector<std::string> upBlockTypes{"UpBlock3D", "CrossAttnUpBlock3D", "CrossAttnUpBlock3D", "CrossAttnUpBlock3D"};
    std::vector<int64_t> blockOutChannels{320, 640, 1280, 1280};
    int64_t layersPerBlock = 2;
    int64_t normNumGroups = 32;
    int64_t crossAttentionDim = 1024;
    int64_t attentionHeadDim = 64;

    static UNetI2VGenXLConfig fromJson(const JsonConfig& json);
    // The weight shapes that pin every size of this config (models/WeightShapeCheck.h).
    std::vector<ExpectedWeight> expectedWeights() const;
};

// What the UNet derives from the conditioning alone: the same for every denoising step of a job, so
// the pipeline computes it once (diffusers recomputes it at each step; the result is identical).
struct UNetConditioning {
    at::Tensor fpsEmbedding;  // [B, time_embed_dim]
    at::Tensor context;       // [B*F, 77 + 64 + in_channels, cross_attention_dim]: cross-attention tokens
    at::Tensor imageLatents;  // [B, C, F, h, w] after image_latents_proj_in and the temporal encoder
    int64_t frames = 0;
};

class I2VGenXLTransformerTemporalEncoderImpl : public torch::nn::Module {
public:
    I2VGenXLTransformerTemporalEncoderImpl(int64_t dim, int64_t heads, int64_t headDim, int64_t ffInnerDim);
    at::Tensor forward(const at::Tensor& x);  // [N, F, C]
    torch::nn::LayerNorm norm1{nullptr};
    Attention attn1{nullptr};
    FeedForward ff{nullptr};
};
TORCH_MODULE(I2VGenXLTransformerTemporalEncoder);

class UNetI2VGenXL : public torch::nn::Module {
public:
    explicit UNetI2VGenXL(const UNetI2VGenXLConfig& config);
    const UNetI2VGenXLConfig& config() const { return config_; }

    // diffusers' forward: the conditioning encoded, then one step.
    at::Tensor forward(const at::Tensor& sample, const at::Tensor& timestep, const at::Tensor& fps,
                       const at::Tensor& imageLatents, const at::Tensor& imageEmbeddings,
                       const at::Tensor& encoderHiddenStates);
    UNetConditioning encodeConditioning(const at::Tensor& fps, const at::Tensor& imageLatents,
                                        const at::Tensor& imageEmbeddings, const at::Tensor& encoderHiddenStates);
    // `cancel` is checked before every layer of every block (Cancelled is thrown), not only between calls.
    at::Tensor forward(const at::Tensor& sample, const at::Tensor& timestep, const UNetConditioning& conditioning,
                       const CancelToken* cancel = nullptr);

    // When set, called with (module name, "in"/"out0".., tensor) at the points the goldens record;
    // only for parity tests and debugging.
    std::function<void(const std::string&, const at::Tensor&)> trace;

    Conv2d conv_in{nullptr}, conv_out{nullptr};
    TransformerTemporalModel transformer_in{nullptr};
    torch::nn::Sequential image_latents_proj_in{nullptr}, image_latents_context_embedding{nullptr};
    I2VGenXLTransformerTemporalEncoder image_latents_temporal_encoder{nullptr};
    TimestepEmbedding time_embedding{nullptr};
    torch::nn::Sequential context_embedding{nullptr}, fps_embedding{nullptr};
    torch::nn::ModuleList down_blocks{nullptr}, up_blocks{nullptr};
    UNetMidBlock3DCrossAttn mid_block{nullptr};
    torch::nn::GroupNorm conv_norm_out{nullptr};

private:
    void record(const std::string& name, const at::Tensor& t) const {
        if (trace)
            trace(name, t);
    }
    UNetI2VGenXLConfig config_;
    int64_t numUpsamplers_ = 0;
};

} // namespace i2v
