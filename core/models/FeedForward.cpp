#include "models/FeedForward.h"

#include "util/Errors.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/dropout.h>

namespace i2v {

GeluProjectionImpl::GeluProjectionImpl(int64_t dimIn, int64_t dimOut, bool gated, bool bias) : gated_(gated) {
    proj = register_module("proj", Linear(torch::nn::LinearOptions(dimIn, gated ? dimOut * 2 : dimOut).bias(bias)));
}

at::Tensor GeluProjectionImpl::forward(const at::Tensor& x) {
    const at::Tensor h = proj(x);
    if (!gated_)
        return at::gelu(h);
    const auto parts = h.chunk(2, -1);
    return parts[0] * at::gelu(parts[1]);
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

at::Tensor FeedForwardImpl::forward(const at::Tensor& x) {
    return net->at<LinearImpl>(2).forward(net->at<GeluProjectionImpl>(0).forward(x));
}

} // namespace i2v
