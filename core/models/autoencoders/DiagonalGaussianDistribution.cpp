#include "models/autoencoders/DiagonalGaussianDistribution.h"

#include <ATen/ATen.h>

namespace i2v {

DiagonalGaussianDistribution DiagonalGaussianDistribution::fromMoments(const at::Tensor& moments) {
    auto parts = moments.chunk(2, 1);
    DiagonalGaussianDistribution d;
    d.mean = parts[0];
    d.logvar = at::clamp(parts[1], -30.0, 20.0);
    d.std = at::exp(0.5 * d.logvar);
    return d;
}

at::Tensor DiagonalGaussianDistribution::noise(at::Generator generator) const {
    // Drawn in float32 on the CPU whatever the compute device/dtype: CPU draws are reproducible across
    // machines and identical to PyTorch's for a float32 posterior (the case the goldens pin down).
    const at::Tensor eps = at::randn(mean.sizes(), generator, at::TensorOptions().dtype(at::kFloat).device(at::kCPU));
    return eps.to(mean.options());
}

at::Tensor DiagonalGaussianDistribution::sample(at::Generator generator) const {
    return mean + std * noise(std::move(generator));
}

} // namespace i2v
