#include "models/Attention.h"

#include "models/CancellableSlices.h"
#include "models/FeedForward.h"
#include "models/clip/ClipEncoder.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/dropout.h>

#include <cmath>

namespace i2v {

AttentionImpl::AttentionImpl(const AttentionOptions& o) : options_(o) {
    const int64_t inner = o.heads * o.dimHead;
    const int64_t kvDim = o.crossAttentionDim.value_or(o.queryDim);
    if (o.normNumGroups)
        group_norm = register_module(
            "group_norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(*o.normNumGroups, o.queryDim).eps(o.eps)));
    to_q = register_module("to_q", Linear(torch::nn::LinearOptions(o.queryDim, inner).bias(o.bias)));
    to_k = register_module("to_k", Linear(torch::nn::LinearOptions(kvDim, inner).bias(o.bias)));
    to_v = register_module("to_v", Linear(torch::nn::LinearOptions(kvDim, inner).bias(o.bias)));
    to_out = register_module("to_out", torch::nn::ModuleList());
    to_out->push_back(Linear(torch::nn::LinearOptions(inner, o.queryDim).bias(o.outBias)));
    to_out->push_back(torch::nn::Dropout(0.0));
}

at::Tensor AttentionImpl::forward(const at::Tensor& input, const at::Tensor& context, const CancelToken* cancel) {
    const at::Tensor residual = input;
    at::Tensor x = input;
    const bool spatial = x.dim() == 4;
    int64_t b = x.size(0), c = 0, h = 0, w = 0;
    if (spatial) {
        c = x.size(1), h = x.size(2), w = x.size(3);
        x = x.view({b, c, h * w}).transpose(1, 2);
    }
    if (group_norm)
        x = group_norm(x.transpose(1, 2)).transpose(1, 2);
    const at::Tensor kv = context.defined() ? context : x;
    const int64_t heads = options_.heads;
    auto split = [&](const at::Tensor& t) {
        return t.view({t.size(0), t.size(1), heads, t.size(2) / heads}).transpose(1, 2);
    };
    at::Tensor q = split(to_q(x, cancel)), k = split(to_k(kv, cancel)), v = split(to_v(kv, cancel));
    const auto dtype = q.scalar_type();
    if (options_.upcastAttention && dtype != at::kFloat) {
        q = q.to(at::kFloat);
        k = k.to(at::kFloat);
    }
    const double scale = 1.0 / std::sqrt(static_cast<double>(options_.dimHead));
    at::Tensor out = scaledDotProductAttention(q, k, v.to(q.scalar_type()), at::Tensor(), scale, attention,
                                               options_.upcastSoftmax, cancel);
    // [B, H, L, D] -> [B, L, H*D] is a strided copy of the whole output (a gigabyte at 1280x704x16): with a
    // token it runs with to_out in slices of the tokens.
    const at::Tensor heads4 = out.to(dtype).transpose(1, 2);
    LinearImpl& project = to_out->at<LinearImpl>(0);
    const double projectFlops = 2.0 * double(heads4.numel()) * double(options_.queryDim);
    out = runInCancellableSlices(heads4.size(1), 1, projectFlops, cancel, [&](int64_t start, int64_t len) {
        const at::Tensor rows = pieceOf(heads4, 1, start, len);
        return project.forward(rows.reshape({rows.size(0), len, heads * options_.dimHead}));
    });
    if (spatial)
        out = out.transpose(-1, -2).reshape({b, c, h, w});
    if (options_.residualConnection)
        out = out + residual;
    if (options_.rescaleOutputFactor != 1.0)
        out = out / options_.rescaleOutputFactor;
    return out;
}

void applyAttentionSettings(torch::nn::Module& root, const AttentionSettings& settings) {
    auto apply = [&](torch::nn::Module* m) {
        if (auto* a = dynamic_cast<AttentionImpl*>(m))
            a->attention = settings;
        else if (auto* ca = dynamic_cast<ClipAttentionImpl*>(m))
            ca->attention = settings;
        else if (auto* ff = dynamic_cast<FeedForwardImpl*>(m))
            ff->maxIntermediateBytes = settings.maxScoreBytes;
    };
    apply(&root);  // modules(include_self) needs the root in a shared_ptr, which model roots are not
    for (const auto& m : root.modules(/*include_self=*/false))
        apply(m.get());
}

} // namespace i2v
