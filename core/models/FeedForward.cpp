#include "models/FeedForward.h"

#include "models/CancellableSlices.h"
#include "models/GatedGelu.h"
#include "util/CancelToken.h"

#include "util/Errors.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/dropout.h>

#include <algorithm>
#include <vector>

namespace i2v {

GeluProjectionImpl::GeluProjectionImpl(int64_t dimIn, int64_t dimOut, bool gated, bool bias) : gated_(gated) {
    proj = register_module("proj", Linear(torch::nn::LinearOptions(dimIn, gated ? dimOut * 2 : dimOut).bias(bias)));
}

at::Tensor GeluProjectionImpl::forward(const at::Tensor& x) {
    const at::Tensor h = proj(x);
    if (!gated_)
        return at::gelu(h);
    return gatedGelu(h);
}

FeedForwardImpl::FeedForwardImpl(int64_t dim, const std::string& activation, int64_t innerDim, bool bias) {
    if (activation != "geglu" && activation != "gelu")
        throw ModelError("unsupported feed-forward activation '" + activation + "' (geglu, gelu)");
    const int64_t inner = innerDim > 0 ? innerDim : dim * 4;
    net = register_module("net", torch::nn::ModuleList());
    net->push_back(GeluProjection(dim, inner, activation == "geglu", bias));
    net->push_back(torch::nn::Dropout(0.0));
    net->push_back(Linear(torch::nn::LinearOptions(inner, dim).bias(bias)));
}

at::Tensor FeedForwardImpl::forward(const at::Tensor& x, const CancelToken* cancel) {
    auto& activation = net->at<GeluProjectionImpl>(0);
    auto& out = net->at<LinearImpl>(2);
    const int64_t dimIn = x.size(-1);
    const int64_t rows = dimIn > 0 ? x.numel() / dimIn : 0;
    const int64_t rowBytes = activation.proj->options.out_features() * int64_t(x.element_size());
    int64_t chunkRows = maxIntermediateBytes > 0 ? std::max<int64_t>(1, maxIntermediateBytes / rowBytes) : rows;
    const double flopsPerRow =
        2.0 * double(dimIn * activation.proj->options.out_features() + out.options.in_features() * out.options.out_features());
    if (cancel && double(rows) * flopsPerRow > kFlopsBetweenCancelChecks)
        chunkRows = std::min(chunkRows, std::max<int64_t>(1, int64_t(kFlopsBetweenCancelChecks / flopsPerRow)));
    if (chunkRows >= rows)
        return out.forward(activation.forward(x));

    const at::Tensor flat = x.reshape({rows, dimIn});
    at::Tensor result = at::empty({rows, out.options.out_features()}, x.options());
    for (int64_t start = 0; start < rows; start += chunkRows) {
        if (cancel)
            cancel->throwIfCancelled();
        const int64_t n = std::min(chunkRows, rows - start);
        result.narrow(0, start, n).copy_(out.forward(activation.forward(flat.narrow(0, start, n))));
    }
    std::vector<int64_t> shape = x.sizes().vec();
    shape.back() = out.options.out_features();
    return result.view(shape);
}

} // namespace i2v
