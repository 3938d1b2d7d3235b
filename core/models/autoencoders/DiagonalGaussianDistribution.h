// diffusers' DiagonalGaussianDistribution (models/autoencoders/vae.py): the VAE posterior built from the
// encoder's moments. Only what inference needs: mean, clamped log-variance, std, sample and mode.
#pragma once
#include <ATen/Tensor.h>
#include <ATen/core/Generator.h>

namespace i2v {

struct DiagonalGaussianDistribution {
    at::Tensor mean;    // [B, C, h, w]
    at::Tensor logvar;  // clamped to [-30, 20] as diffusers does, so std never under- or overflows
    at::Tensor std;     // exp(0.5 * logvar)

    // moments: [B, 2C, h, w], mean first then log-variance along dim 1.
    static DiagonalGaussianDistribution fromMoments(const at::Tensor& moments);

    // mean + std * eps with eps = randn(mean.shape) drawn from `generator` on the CPU, then moved to
    // mean's device: a CPU generator seeded with s reproduces torch.manual_seed(s); randn(...) in Python,
    // which is where the I2VGenXL pipeline draws this noise (the global RNG).
    at::Tensor sample(at::Generator generator) const;
    // The noise sample() would add, for checks against recorded draws.
    at::Tensor noise(at::Generator generator) const;
    const at::Tensor& mode() const { return mean; }
};

} // namespace i2v
