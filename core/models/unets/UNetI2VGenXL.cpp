#include "models/unets/UNetI2VGenXL.h"
#include "models/CancellablePasses.h"

#include "util/Errors.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/pooling.h>

namespace i2v {

UNetI2VGenXLConfig UNetI2VGenXLConfig::fromJson(const JsonConfig& j) {
    UNetI2VGenXLConfig c;
    c.inChannels = j.get<int64_t>("in_channels", c.inChannels);
    c.outChannels = j.get<int64_t>("out_channels", c.outChannels);
    c.downBlockTypes = j.get<std::vector<std::string>>("down_block_types", c.downBlockTypes);
    c.upBlockTypes = j.get<std::vector<std::string>>("up_block_types", c.upBlockTypes);
    c.blockOutChannels = j.get<std::vector<int64_t>>("block_out_channels", c.blockOutChannels);
    c.layersPerBlock = j.get<int64_t>("layers_per_block", c.layersPerBlock);
    c.normNumGroups = j.get<int64_t>("norm_num_groups", c.normNumGroups);
    c.crossAttentionDim = j.get<int64_t>("cross_attention_dim", c.crossAttentionDim);
    // diffusers: `num_attention_heads = attention_head_dim` (a known naming quirk kept for checkpoint
    // compatibility); the value is the per-head dimension of every attention in the 3D blocks.
    if (j.has("attention_head_dim") && !j.json()["attention_head_dim"].is_number_integer())
        j.fail("attention_head_dim", "must be one integer (per-block lists are not used by I2VGen-XL)");
    c.attentionHeadDim = j.get<int64_t>("attention_head_dim", c.attentionHeadDim);

    if (c.blockOutChannels.empty() || c.blockOutChannels.size() > 16)
        j.fail("block_out_channels", "must list 1 to 16 channel counts");
    if (c.downBlockTypes.size() != c.blockOutChannels.size() ||
        c.upBlockTypes.size() != c.blockOutChannels.size())
        j.fail("block_out_channels", "must have one entry per down and up block");
    for (const auto& t : c.downBlockTypes)
        if (t != "CrossAttnDownBlock3D" && t != "DownBlock3D")
            j.fail("down_block_types", "contains unknown block '" + t + "'");
    for (const auto& t : c.upBlockTypes)
        if (t != "CrossAttnUpBlock3D" && t != "UpBlock3D")
            j.fail("up_block_types", "contains unknown block '" + t + "'");
    for (auto [key, v] : {std::pair<const char*, int64_t>{"in_channels", c.inChannels},
                          {"out_channels", c.outChannels},
                          {"layers_per_block", c.layersPerBlock},
                          {"norm_num_groups", c.normNumGroups},
                          {"cross_attention_dim", c.crossAttentionDim},
                          {"attention_head_dim", c.attentionHeadDim}})
        if (v <= 0 || v > 65536)
            j.fail(key, "must be a positive integer, got " + std::to_string(v));
    // diffusers builds image_latents_proj_in and image_latents_context_embedding with a literal 4 input
    // channels: any other latent width builds but fails at the first call.
    if (c.inChannels != 4)
        j.fail("in_channels", "is " + std::to_string(c.inChannels) +
                                  " but I2VGen-XL's image-latent layers take 4 channels (diffusers' I2VGenXLUNet)");
    for (int64_t ch : c.blockOutChannels)
        if (ch <= 0 || ch % c.normNumGroups != 0 || ch % c.attentionHeadDim != 0)
            j.fail("block_out_channels", "entries must be positive multiples of norm_num_groups and attention_head_dim");
    return c;
}

std::vector<ExpectedWeight> UNetI2VGenXLConfig::expectedWeights() const {
    const int64_t ch0 = blockOutChannels.front(), n = int64_t(blockOutChannels.size());
    std::vector<ExpectedWeight> e{
        {"conv_in.weight", {ch0, 2 * inChannels, 3, 3}, "block_out_channels[0]/in_channels"},
        {"conv_out.weight", {outChannels, ch0, 3, 3}, "out_channels"},
        {"transformer_in.proj_in.weight", {8 * attentionHeadDim, ch0}, "attention_head_dim"},
        {"context_embedding.2.weight", {crossAttentionDim * inChannels, 4 * ch0}, "cross_attention_dim"},
        {"mid_block.resnets.0.conv1.weight", {blockOutChannels.back(), blockOutChannels.back(), 3, 3}, "block_out_channels"},
    };
    // The first resnet of a block fixes its width, the last one its depth (a file with that key has the layers).
    for (int64_t i = 0; i < n; ++i) {
        const std::string down = "down_blocks." + std::to_string(i) + ".resnets.";
        const std::string up = "up_blocks." + std::to_string(i) + ".resnets.";
        const int64_t downCh = blockOutChannels[i], upCh = blockOutChannels[n - 1 - i];
        for (const std::string& r : {down + "0", down + std::to_string(layersPerBlock - 1)})
            e.push_back({r + ".conv1.weight", {downCh, kAnyDim, 3, 3}, "block_out_channels/layers_per_block"});
        for (const std::string& r : {up + "0", up + std::to_string(layersPerBlock)})
            e.push_back({r + ".conv1.weight", {upCh, kAnyDim, 3, 3}, "block_out_channels/layers_per_block"});
        if (downBlockTypes[i] == "CrossAttnDownBlock3D")
            e.push_back({"down_blocks." + std::to_string(i) + ".attentions.0.transformer_blocks.0.attn2.to_k.weight",
                         {downCh, crossAttentionDim}, "cross_attention_dim"});
    }
    return e;
}

I2VGenXLTransformerTemporalEncoderImpl::I2VGenXLTransformerTemporalEncoderImpl(int64_t dim, int64_t heads, int64_t headDim,
                                                                             int64_t ffInnerDim) {
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)));
    AttentionOptions a;
    a.queryDim = dim;
    a.heads = heads;
    a.dimHead = headDim;
    attn1 = register_module("attn1", Attention(a));
    ff = register_module("ff", FeedForward(dim, "gelu", ffInnerDim));
}

at::Tensor I2VGenXLTransformerTemporalEncoderImpl::forward(const at::Tensor& input) {
    const at::Tensor x = attn1(norm1(input)) + input;
    return ff(x) + x;  // diffusers applies ff without a norm here
}

UNetI2VGenXL::UNetI2VGenXL(const UNetI2VGenXLConfig& c) : config_(c) {
    using namespace torch::nn;
    const int64_t ch0 = c.blockOutChannels.front();
    const int64_t timeEmbedDim = ch0 * 4;
    const int64_t in = c.inChannels;

    conv_in = register_module("conv_in", Conv2d(Conv2dOptions(in + in, ch0, 3).padding(1)));
    TransformerTemporalModelOptions tin;
    tin.heads = 8;
    tin.headDim = c.attentionHeadDim;
    tin.inChannels = ch0;
    tin.normNumGroups = c.normNumGroups;
    transformer_in = register_module("transformer_in", TransformerTemporalModel(tin));

    image_latents_proj_in = register_module(
        "image_latents_proj_in",
        Sequential(Conv2d(Conv2dOptions(4, in * 4, 3).padding(1)), SiLU(), Conv2d(Conv2dOptions(in * 4, in * 4, 3).padding(1)),
                   SiLU(), Conv2d(Conv2dOptions(in * 4, in, 3).padding(1))));
    image_latents_temporal_encoder =
        register_module("image_latents_temporal_encoder", I2VGenXLTransformerTemporalEncoder(in, 2, in, in * 4));
    image_latents_context_embedding = register_module(
        "image_latents_context_embedding",
        Sequential(Conv2d(Conv2dOptions(4, in * 8, 3).padding(1)), SiLU(), AdaptiveAvgPool2d(AdaptiveAvgPool2dOptions({32, 32})),
                   Conv2d(Conv2dOptions(in * 8, in * 16, 3).stride(2).padding(1)), SiLU(),
                   Conv2d(Conv2dOptions(in * 16, c.crossAttentionDim, 3).stride(2).padding(1))));

    time_embedding = register_module("time_embedding", TimestepEmbedding(ch0, timeEmbedDim));
    context_embedding = register_module(
        "context_embedding",
        Sequential(Linear(c.crossAttentionDim, timeEmbedDim), SiLU(), Linear(timeEmbedDim, c.crossAttentionDim * in)));
    fps_embedding = register_module("fps_embedding",
                                    Sequential(Linear(ch0, timeEmbedDim), SiLU(), Linear(timeEmbedDim, timeEmbedDim)));

    Block3DOptions base;
    base.tembChannels = timeEmbedDim;
    base.groups = c.normNumGroups;
    base.eps = 1e-5;
    base.headDim = c.attentionHeadDim;
    base.crossAttentionDim = c.crossAttentionDim;

    down_blocks = register_module("down_blocks", ModuleList());
    const size_t n = c.blockOutChannels.size();
    int64_t out = ch0;
    for (size_t i = 0; i < n; ++i) {
        Block3DOptions o = base;
        o.inChannels = out;
        out = c.blockOutChannels[i];
        o.outChannels = out;
        o.numLayers = c.layersPerBlock;
        o.crossAttention = c.downBlockTypes[i] == "CrossAttnDownBlock3D";
        o.addSample = i + 1 < n;
        down_blocks->push_back(DownBlock3D(o));
    }

    Block3DOptions mid = base;
    mid.inChannels = c.blockOutChannels.back();
    mid.numLayers = 1;
    mid_block = register_module("mid_block", UNetMidBlock3DCrossAttn(mid));

    up_blocks = register_module("up_blocks", ModuleList());
    std::vector<int64_t> reversed(c.blockOutChannels.rbegin(), c.blockOutChannels.rend());
    out = reversed[0];
    for (size_t i = 0; i < n; ++i) {
        Block3DOptions o = base;
        o.prevOutputChannels = out;
        out = reversed[i];
        o.outChannels = out;
        o.inChannels = reversed[std::min(i + 1, n - 1)];
        o.numLayers = c.layersPerBlock + 1;
        o.crossAttention = c.upBlockTypes[i] == "CrossAttnUpBlock3D";
        o.addSample = i + 1 < n;
        if (o.addSample)
            ++numUpsamplers_;
        up_blocks->push_back(UpBlock3D(o));
    }

    conv_norm_out = register_module("conv_norm_out", GroupNorm(GroupNormOptions(c.normNumGroups, ch0).eps(1e-5)));
    conv_out = register_module("conv_out", Conv2d(Conv2dOptions(ch0, c.outChannels, 3).padding(1)));
}

UNetConditioning UNetI2VGenXL::encodeConditioning(const at::Tensor& fpsIn, const at::Tensor& imageLatentsIn,
                                                  const at::Tensor& imageEmbeddings,
                                                  const at::Tensor& encoderHiddenStates) {
    const int64_t b = imageLatentsIn.size(0), channels = imageLatentsIn.size(1), frames = imageLatentsIn.size(2);
    const int64_t h = imageLatentsIn.size(3), w = imageLatentsIn.size(4);
    const auto dtype = conv_in->bias.scalar_type();  // the weight may be kept in fp16 (Layers.h)
    const int64_t ch0 = config_.blockOutChannels.front();
    UNetConditioning c;
    c.frames = frames;

    // 1b. fps embedding (time_proj is shared with the timestep)
    const at::Tensor fpsProj = timestepProjection(fpsIn.expand({fpsIn.size(0)}), ch0, true, 0.0).to(dtype);
    record("fps_embedding.in", fpsProj);
    c.fpsEmbedding = fps_embedding->forward(fpsProj);
    record("fps_embedding.out0", c.fpsEmbedding);

    // 2. context: text tokens, 64 image-latent tokens from the first frame, in_channels image-embedding tokens
    const at::Tensor firstFrame = imageLatentsIn.narrow(2, 0, 1).permute({0, 2, 1, 3, 4}).reshape({b, channels, h, w});
    record("image_latents_context_embedding.in", firstFrame);
    at::Tensor latentTokens = image_latents_context_embedding->forward(firstFrame.to(dtype));
    record("image_latents_context_embedding.out0", latentTokens);
    latentTokens = latentTokens.permute({0, 2, 3, 1}).reshape({b, -1, config_.crossAttentionDim});
    record("context_embedding.in", imageEmbeddings);
    const at::Tensor imageTokensRaw = context_embedding->forward(imageEmbeddings.to(dtype));
    record("context_embedding.out0", imageTokensRaw);
    const at::Tensor imageTokens = imageTokensRaw.view({-1, config_.inChannels, config_.crossAttentionDim});
    c.context = at::cat({encoderHiddenStates.to(dtype), latentTokens, imageTokens}, 1).repeat_interleave(frames, 0);

    // 3. image latents: per-frame convs, then a temporal transformer per pixel
    at::Tensor imageLatents = imageLatentsIn.permute({0, 2, 1, 3, 4}).reshape({b * frames, channels, h, w}).to(dtype);
    record("image_latents_proj_in.in", imageLatents);
    imageLatents = image_latents_proj_in->forward(imageLatents);
    record("image_latents_proj_in.out0", imageLatents);
    imageLatents = imageLatents.reshape({b, frames, channels, h, w}).permute({0, 3, 4, 1, 2}).reshape({b * h * w, frames, channels});
    record("image_latents_temporal_encoder.in", imageLatents);
    imageLatents = image_latents_temporal_encoder(imageLatents);
    record("image_latents_temporal_encoder.out0", imageLatents);
    c.imageLatents = imageLatents.reshape({b, h, w, frames, channels}).permute({0, 4, 3, 1, 2});
    return c;
}

at::Tensor UNetI2VGenXL::forward(const at::Tensor& sample, const at::Tensor& timestep, const at::Tensor& fps,
                                 const at::Tensor& imageLatents, const at::Tensor& imageEmbeddings,
                                 const at::Tensor& encoderHiddenStates) {
    return forward(sample, timestep, encodeConditioning(fps, imageLatents, imageEmbeddings, encoderHiddenStates));
}

at::Tensor UNetI2VGenXL::forward(const at::Tensor& sampleIn, const at::Tensor& timestep, const UNetConditioning& cond,
                                 const CancelToken* cancel) {
    const int64_t b = sampleIn.size(0), frames = sampleIn.size(2);
    const int64_t h = sampleIn.size(3), w = sampleIn.size(4);
    const auto dtype = conv_in->bias.scalar_type();  // the weight may be kept in fp16 (Layers.h)
    const int64_t ch0 = config_.blockOutChannels.front();
    TORCH_CHECK(cond.frames == frames && cond.imageLatents.size(0) == b && cond.imageLatents.size(3) == h &&
                    cond.imageLatents.size(4) == w,
                "UNet conditioning was encoded for another sample shape");

    // Sizes not divisible by the total upsampling factor need explicit upsample sizes.
    const int64_t factor = int64_t(1) << numUpsamplers_;
    const bool forwardUpsampleSize = h % factor != 0 || w % factor != 0;

    // 1. time embedding
    const at::Tensor timesteps = (timestep.dim() == 0 ? timestep.unsqueeze(0) : timestep).to(sampleIn.device()).expand({b});
    record("time_proj.in", timesteps);
    const at::Tensor tProj = timestepProjection(timesteps, ch0, true, 0.0);
    record("time_proj.out0", tProj);
    record("time_embedding.in", tProj.to(dtype));
    const at::Tensor tEmb = time_embedding(tProj.to(dtype));
    record("time_embedding.out0", tEmb);
    const at::Tensor emb = (tEmb + cond.fpsEmbedding).repeat_interleave(frames, 0);
    const at::Tensor& context = cond.context;
    const at::Tensor& imageLatents = cond.imageLatents;

    // 4. UNet proper over frames folded into the batch
    at::Tensor x = at::cat({sampleIn.to(dtype), imageLatents}, 1);
    x = x.permute({0, 2, 1, 3, 4}).reshape({b * frames, -1, h, w});
    record("conv_in.in", x);
    x = conv_in->forward(x, cancel);
    record("conv_in.out0", x);
    record("transformer_in.in", x);
    x = transformer_in->forward(x, frames, cancel);
    record("transformer_in.out0", x);

    const Block3DContext ctx{emb, context, frames, cancel};
    std::vector<at::Tensor> residuals{x};
    for (size_t i = 0; i < down_blocks->size(); ++i) {
        const size_t first = residuals.size();
        x = down_blocks->at<DownBlock3DImpl>(i).forward(x, ctx, residuals);
        if (trace) {
            const std::string name = "down_blocks." + std::to_string(i);
            record(name + ".out0", x);
            for (size_t r = first; r < residuals.size(); ++r)
                record(name + ".out" + std::to_string(r - first + 1), residuals[r]);
        }
    }
    record("mid_block.in", x);
    x = mid_block->forward(x, ctx);
    record("mid_block.out0", x);

    for (size_t i = 0; i < up_blocks->size(); ++i) {
        auto& block = up_blocks->at<UpBlock3DImpl>(i);
        std::vector<int64_t> upsampleSize;
        const bool finalBlock = i + 1 == up_blocks->size();
        if (!finalBlock && forwardUpsampleSize) {
            const at::Tensor& next = residuals[residuals.size() - block.numLayers() - 1];
            upsampleSize = {next.size(2), next.size(3)};
        }
        x = block.forward(x, ctx, residuals, upsampleSize);
        record("up_blocks." + std::to_string(i) + ".out0", x);
    }

    record("conv_norm_out.in", x);
    x = groupNorm(*conv_norm_out, x, false, cancel);
    record("conv_norm_out.out0", x);
    x = at::silu(x);
    record("conv_out.in", x);
    x = conv_out->forward(x, cancel);
    record("conv_out.out0", x);
    return x.reshape({b, frames, -1, h, w}).permute({0, 2, 1, 3, 4});
}

} // namespace i2v
