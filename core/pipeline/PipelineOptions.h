// How a model is loaded and run (not what is generated): device, compute dtype, weight variant and the
// memory modes. Settings flow in as values; nothing is global.
#pragma once
#include "io/DiffusersFolder.h"
#include "models/AttentionKernel.h"

#include <c10/core/ScalarType.h>

#include <string>

namespace i2v {

enum class ComputeDtype { Float32, BFloat16, Float16 };

struct PipelineOptions {
    std::string device = "cpu";                 // "cpu", "cuda", "cuda:1" or "auto" (CUDA when present)
    ComputeDtype dtype = ComputeDtype::Float32;  // float16 only on CUDA
    WeightsVariant variant = WeightsVariant::Auto;
    AttentionSettings attention;                 // chunked attention bound, fused kernel use
    bool offloadEncoders = false;                // load text/image encoders per job and free them after use
    bool vaeTiling = false;                      // decode frames in overlapping tiles (large sizes)
    // fp32 compute from fp16 files: keep the linear/conv weights in fp16 and upcast them per call
    // (the video of those files loaded in fp32, half the weight memory, some time per step). With
    // variant Auto it also picks a component's .fp16 file over its fp32 one. See models/Layers.h.
    bool keepHalfWeights = false;
};

c10::ScalarType scalarTypeOf(ComputeDtype dtype);
// The weight files to read: `variant`, except that keeping fp16 weights under fp32 compute prefers the
// .fp16 files (with fp32 files it would save nothing).
WeightsVariant weightsVariantOf(const PipelineOptions& options);
const char* computeDtypeName(ComputeDtype dtype);
// "fp32" / "float32", "bf16" / "bfloat16", "fp16" / "float16"; InputError otherwise.
ComputeDtype parseComputeDtype(const std::string& text);

} // namespace i2v
