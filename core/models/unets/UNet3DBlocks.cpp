#include "models/unets/UNet3DBlocks.h"
#include "models/CancellablePasses.h"

namespace i2v {
namespace {

ResnetBlock2D makeResnet(const Block3DOptions& o, int64_t in, int64_t out) {
    ResnetBlock2DOptions r;
    r.inChannels = in;
    r.outChannels = out;
    r.tembChannels = o.tembChannels;
    r.groups = o.groups;
    r.eps = o.eps;
    return ResnetBlock2D(r);
}

// get_down_block/get_up_block and UNetMidBlock3DCrossAttn all default to use_linear_projection=True.
void addAttentionPair(const Block3DOptions& o, int64_t channels, torch::nn::ModuleList& attentions,
                      torch::nn::ModuleList& tempAttentions) {
    Transformer2DModelOptions s;
    s.heads = channels / o.headDim;
    s.headDim = o.headDim;
    s.inChannels = channels;
    s.normNumGroups = o.groups;
    s.crossAttentionDim = o.crossAttentionDim;
    s.useLinearProjection = true;
    attentions->push_back(Transformer2DModel(s));
    TransformerTemporalModelOptions t;
    t.heads = channels / o.headDim;
    t.headDim = o.headDim;
    t.inChannels = channels;
    t.normNumGroups = o.groups;
    t.crossAttentionDim = o.crossAttentionDim;
    tempAttentions->push_back(TransformerTemporalModel(t));
}

// One layer of a 3D block: resnet, temporal conv, then (if present) spatial and temporal attention.
at::Tensor runLayer(torch::nn::ModuleList& resnets, torch::nn::ModuleList& tempConvs, torch::nn::ModuleList& attentions,
                    torch::nn::ModuleList& tempAttentions, size_t i, at::Tensor x, const Block3DContext& ctx) {
    ctx.throwIfCancelled();
    x = resnets->at<ResnetBlock2DImpl>(i).forward(x, ctx.temb, ctx.cancel);
    ctx.throwIfCancelled();
    x = tempConvs->at<TemporalConvLayerImpl>(i).forward(x, ctx.numFrames, ctx.cancel);
    if (attentions) {
        ctx.throwIfCancelled();
        x = attentions->at<Transformer2DModelImpl>(i).forward(x, ctx.context, ctx.cancel);
        ctx.throwIfCancelled();
        x = tempAttentions->at<TransformerTemporalModelImpl>(i).forward(x, ctx.numFrames, ctx.cancel);
    }
    return x;
}

} // namespace

DownBlock3DImpl::DownBlock3DImpl(const Block3DOptions& o) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    temp_convs = register_module("temp_convs", torch::nn::ModuleList());
    if (o.crossAttention) {
        attentions = register_module("attentions", torch::nn::ModuleList());
        temp_attentions = register_module("temp_attentions", torch::nn::ModuleList());
    }
    for (int64_t i = 0; i < o.numLayers; ++i) {
        resnets->push_back(makeResnet(o, i == 0 ? o.inChannels : o.outChannels, o.outChannels));
        temp_convs->push_back(TemporalConvLayer(o.outChannels, o.outChannels, o.groups));
        if (o.crossAttention)
            addAttentionPair(o, o.outChannels, attentions, temp_attentions);
    }
    if (o.addSample) {
        downsamplers = register_module("downsamplers", torch::nn::ModuleList());
        downsamplers->push_back(Downsample2D(o.outChannels, o.outChannels, /*padding=*/1));
    }
}

at::Tensor DownBlock3DImpl::forward(at::Tensor x, const Block3DContext& ctx, std::vector<at::Tensor>& residuals) {
    for (size_t i = 0; i < resnets->size(); ++i) {
        x = runLayer(resnets, temp_convs, attentions, temp_attentions, i, x, ctx);
        residuals.push_back(x);
    }
    if (downsamplers) {
        x = downsamplers->at<Downsample2DImpl>(0).forward(x, ctx.cancel);
        residuals.push_back(x);
    }
    return x;
}

UNetMidBlock3DCrossAttnImpl::UNetMidBlock3DCrossAttnImpl(const Block3DOptions& o) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    temp_convs = register_module("temp_convs", torch::nn::ModuleList());
    attentions = register_module("attentions", torch::nn::ModuleList());
    temp_attentions = register_module("temp_attentions", torch::nn::ModuleList());
    const int64_t c = o.inChannels;
    for (int64_t i = 0; i <= o.numLayers; ++i) {
        resnets->push_back(makeResnet(o, c, c));
        temp_convs->push_back(TemporalConvLayer(c, c, o.groups));
        if (i < o.numLayers)
            addAttentionPair(o, c, attentions, temp_attentions);
    }
}

at::Tensor UNetMidBlock3DCrossAttnImpl::forward(at::Tensor x, const Block3DContext& ctx) {
    ctx.throwIfCancelled();
    x = resnets->at<ResnetBlock2DImpl>(0).forward(x, ctx.temb, ctx.cancel);
    ctx.throwIfCancelled();
    x = temp_convs->at<TemporalConvLayerImpl>(0).forward(x, ctx.numFrames, ctx.cancel);
    for (size_t i = 0; i < attentions->size(); ++i) {
        ctx.throwIfCancelled();
        x = attentions->at<Transformer2DModelImpl>(i).forward(x, ctx.context, ctx.cancel);
        ctx.throwIfCancelled();
        x = temp_attentions->at<TransformerTemporalModelImpl>(i).forward(x, ctx.numFrames, ctx.cancel);
        ctx.throwIfCancelled();
        x = resnets->at<ResnetBlock2DImpl>(i + 1).forward(x, ctx.temb, ctx.cancel);
        ctx.throwIfCancelled();
        x = temp_convs->at<TemporalConvLayerImpl>(i + 1).forward(x, ctx.numFrames, ctx.cancel);
    }
    return x;
}

UpBlock3DImpl::UpBlock3DImpl(const Block3DOptions& o) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    temp_convs = register_module("temp_convs", torch::nn::ModuleList());
    if (o.crossAttention) {
        attentions = register_module("attentions", torch::nn::ModuleList());
        temp_attentions = register_module("temp_attentions", torch::nn::ModuleList());
    }
    for (int64_t i = 0; i < o.numLayers; ++i) {
        const int64_t skip = i == o.numLayers - 1 ? o.inChannels : o.outChannels;
        const int64_t in = i == 0 ? o.prevOutputChannels : o.outChannels;
        resnets->push_back(makeResnet(o, in + skip, o.outChannels));
        temp_convs->push_back(TemporalConvLayer(o.outChannels, o.outChannels, o.groups));
        if (o.crossAttention)
            addAttentionPair(o, o.outChannels, attentions, temp_attentions);
    }
    if (o.addSample) {
        upsamplers = register_module("upsamplers", torch::nn::ModuleList());
        upsamplers->push_back(Upsample2D(o.outChannels, o.outChannels));
    }
}

at::Tensor UpBlock3DImpl::forward(at::Tensor x, const Block3DContext& ctx, std::vector<at::Tensor>& residuals,
                                  const std::vector<int64_t>& upsampleSize) {
    for (size_t i = 0; i < resnets->size(); ++i) {
        x = catChannels({x, residuals.back()}, ctx.cancel);
        residuals.pop_back();
        x = runLayer(resnets, temp_convs, attentions, temp_attentions, i, x, ctx);
    }
    if (upsamplers)
        x = upsamplers->at<Upsample2DImpl>(0).forward(x, upsampleSize, ctx.cancel);
    return x;
}

} // namespace i2v
