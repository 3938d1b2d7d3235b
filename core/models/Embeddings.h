// diffusers models/embeddings.py: the sinusoidal `Timesteps` projection and `TimestepEmbedding`
// (linear_1 - SiLU - linear_2) used for the UNet's time and fps conditioning.
#pragma once
#include "models/Layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

namespace i2v {

// get_timestep_embedding: [N] timesteps -> [N, dim] float32 sin/cos features.
at::Tensor timestepProjection(const at::Tensor& timesteps, int64_t dim, bool flipSinToCos, double downscaleFreqShift,
                              double scale = 1.0, double maxPeriod = 10000.0);

class TimestepEmbeddingImpl : public torch::nn::Module {
public:
    TimestepEmbeddingImpl(int64_t inChannels, int64_t timeEmbedDim);
    at::Tensor forward(const at::Tensor& x);
    Linear linear_1{nullptr}, linear_2{nullptr};
};
TORCH_MODULE(TimestepEmbedding);

} // namespace i2v
