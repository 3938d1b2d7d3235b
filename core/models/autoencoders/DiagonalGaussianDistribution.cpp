#include "models/autoencoders/DiagonalGaussianDistribution.h"

#include "util/RandomDraw.h"

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
    // diffusers draws from the global CPU RNG seeded by the caller; here the job's CPU generator plays that part.
    return normalNoise(mean.sizes(), &generator, mean.options());
}

at::Tensor DiagonalGaussianDistribution::sample(at::Generator generator) const {
    return mean + std * noise(std::move(generator));
}

} // namespace i2v
