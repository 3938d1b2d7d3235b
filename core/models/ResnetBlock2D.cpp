#include "models/ResnetBlock2D.h"

#include "models/CancellablePasses.h"

#include <ATen/ATen.h>

namespace i2v {

ResnetBlock2DImpl::ResnetBlock2DImpl(const ResnetBlock2DOptions& o) : outputScaleFactor_(o.outputScaleFactor) {
    const int64_t out = o.outChannels > 0 ? o.outChannels : o.inChannels;
    norm1 = register_module("norm1", torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.groups, o.inChannels).eps(o.eps)));
    conv1 = register_module("conv1", Conv2d(torch::nn::Conv2dOptions(o.inChannels, out, 3).padding(1)));
    if (o.tembChannels)
        time_emb_proj = register_module("time_emb_proj", Linear(*o.tembChannels, out));
    norm2 = register_module("norm2", torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.groups, out).eps(o.eps)));
    conv2 = register_module("conv2", Conv2d(torch::nn::Conv2dOptions(out, out, 3).padding(1)));
    if (o.inChannels != out)
        conv_shortcut = register_module("conv_shortcut", Conv2d(torch::nn::Conv2dOptions(o.inChannels, out, 1)));
}

at::Tensor ResnetBlock2DImpl::forward(const at::Tensor& x, const at::Tensor& temb, const CancelToken* cancel) {
    // The norms and sums around the convolutions each move the whole activation: in cancellable pieces.
    at::Tensor h = conv1->forward(groupNorm(*norm1, x, true, cancel), cancel);
    if (time_emb_proj && temb.defined())
        addInPlace(h, time_emb_proj(at::silu(temb)).unsqueeze(-1).unsqueeze(-1), cancel);
    h = conv2->forward(groupNorm(*norm2, h, true, cancel), cancel);
    at::Tensor out = std::move(h);
    addInPlace(out, conv_shortcut ? conv_shortcut->forward(x, cancel) : x, cancel);
    if (outputScaleFactor_ != 1.0)
        out = out / outputScaleFactor_;
    return out;
}

} // namespace i2v
