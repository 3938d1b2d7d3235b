#include "models/Embeddings.h"

#include <ATen/ATen.h>

#include <cmath>

namespace i2v {

at::Tensor timestepProjection(const at::Tensor& timesteps, int64_t dim, bool flipSinToCos, double downscaleFreqShift,
                              double scale, double maxPeriod) {
    const int64_t half = dim / 2;
    at::Tensor exponent = at::arange(0, half, timesteps.options().dtype(at::kFloat)) * (-std::log(maxPeriod));
    exponent = exponent / (static_cast<double>(half) - downscaleFreqShift);
    at::Tensor emb = timesteps.unsqueeze(1).to(at::kFloat) * at::exp(exponent).unsqueeze(0);
    emb = scale * emb;
    emb = flipSinToCos ? at::cat({at::cos(emb), at::sin(emb)}, -1) : at::cat({at::sin(emb), at::cos(emb)}, -1);
    if (dim % 2 == 1)
        emb = at::constant_pad_nd(emb, {0, 1, 0, 0}, 0);
    return emb;
}

TimestepEmbeddingImpl::TimestepEmbeddingImpl(int64_t inChannels, int64_t timeEmbedDim) {
    linear_1 = register_module("linear_1", Linear(inChannels, timeEmbedDim));
    linear_2 = register_module("linear_2", Linear(timeEmbedDim, timeEmbedDim));
}

at::Tensor TimestepEmbeddingImpl::forward(const at::Tensor& x) { return linear_2(at::silu(linear_1(x))); }

} // namespace i2v
