// bfloat16 GEMMs and convolutions on a processor without bf16 instructions.
//
// libtorch sends bf16 matrix products and convolutions to oneDNN only with AVX-512; elsewhere they run ATen's
// scalar fallbacks, ~95x slower than fp32 GEMMs, and oneDNN itself emulates bf16 where the processor has neither
// AVX512-BF16 nor AMX, at a fifth of the fp32 GEMM rate (bench/RESULTS.md). On such a processor the engine keeps
// bf16 tensors (half the memory of fp32) but computes these products in fp32: operands widened exactly, fp32
// accumulation, the result rounded to bf16 once, as libtorch's own bf16 kernels round their fp32 accumulators.
#pragma once
#include <ATen/Tensor.h>

namespace i2v {

// Whether products of `t` run in fp32 as above: a CPU bf16 tensor on a processor where that is faster
// (util/CpuFeatures: bf16ProductsFasterInFloat).
bool bf16ProductsInFloat(const at::Tensor& t);

// Whether a norm or GEGLU over `t` runs in float32 piece by piece and is rounded to bf16 once: a CPU bf16 tensor on
// libtorch 1.x, whose bf16 GroupNorm and LayerNorm kernels take 4-9x its float32 ones and whose bf16 expressions
// round every intermediate (libtorch 2 has vector bf16 kernels that accumulate in float32).
bool bf16PassesInFloat(const at::Tensor& t);

// `t` in fp32 when it is defined and bf16, else `t` itself.
at::Tensor widenedBf16(const at::Tensor& t);

} // namespace i2v
