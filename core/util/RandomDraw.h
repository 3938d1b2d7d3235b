// Every random draw of a job goes through here: standard normal noise drawn in float32 on the
// generator's device (the job's CPU generator), then moved and cast to where it is used. So one seed
// gives the same numbers on the CPU and on a GPU, in fp32, bf16 or fp16 compute, and a CPU generator
// never meets a CUDA tensor factory (at::randn(shape, cpuGenerator, cudaOptions) throws).
// For float32 targets the values equal diffusers' randn_tensor(shape, generator, dtype=float32).
#pragma once
#include <ATen/ATen.h>

namespace i2v {

// `generator` null draws from libtorch's default CPU generator (diffusers' generator=None).
inline at::Tensor normalNoise(at::IntArrayRef shape, const at::Generator* generator, const at::TensorOptions& target) {
    const c10::optional<at::Generator> g = generator ? c10::optional<at::Generator>(*generator) : c10::nullopt;
    const c10::Device drawDevice = generator ? generator->device() : c10::Device(c10::kCPU);
    const at::Tensor drawn = at::randn(shape, g, at::TensorOptions().dtype(at::kFloat).device(drawDevice));
    return drawn.to(target.device(), target.dtype().toScalarType());
}

} // namespace i2v
