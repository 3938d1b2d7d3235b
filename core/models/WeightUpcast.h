// fp16 / bf16 -> fp32 conversion of the weights that Layers.h keeps in half precision, once per layer call.
//
// Why not weight.to(kFloat): libtorch 1.13 converts Half element by element in scalar code (1.5 ns per
// element on one core, 7x slower than F16C). With it a full-size UNet forward with fp16 weights kept took
// 3.35 s instead of 2.7 s (bench/RESULTS.md). F16C converts 8 values per instruction; bf16 -> fp32 is a
// 16-bit shift. Both conversions are exact (every fp16 and bf16 value is a float), so the result equals
// weight.to(kFloat) bit for bit.
#pragma once
#include <ATen/Tensor.h>

namespace i2v {

// `weight` converted to float32: the fast paths for contiguous CPU Half / BFloat16 tensors (F16C only
// where the processor has it), weight.to(kFloat) for anything else.
at::Tensor upcastToFloat(const at::Tensor& weight);

} // namespace i2v
