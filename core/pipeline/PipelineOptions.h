// How a model is loaded and run (not what is generated): device, compute dtype, weight variant and the
// memory modes. Settings flow in as values; nothing is global. Plain values without libtorch, so that the
// CLI, the benchmark and the desktop app's preferences (ui/AppSettings.h) all hold this one type;
// DevicePlacement.h resolves it for a device.
#pragma once
#include "io/WeightsVariant.h"
#include "models/AttentionSettings.h"

#include <cstdint>
#include <string>

namespace i2v {

// Auto: float16 on CUDA (what a GPU is fast at; diffusers users pass torch_dtype=torch.float16 there),
// float32 on the CPU (diffusers' default, the parity reference).
enum class ComputeDtype { Auto, Float32, BFloat16, Float16 };

struct PipelineOptions {
    // attention.maxScoreBytes: 256 MiB chunks on the CPU, none on CUDA (the fused kernel needs no score
    // matrix; chunked feed-forward only costs time there) unless a memory mode asks for them.
    static constexpr int64_t kAutoChunkBytes = -1;

    std::string device = "cpu";                 // "cpu", "cuda", "cuda:1" or "auto" (CUDA when present)
    ComputeDtype dtype = ComputeDtype::Auto;     // float16 only on CUDA
    WeightsVariant variant = WeightsVariant::Auto;
    AttentionSettings attention{kAutoChunkBytes};  // chunked attention bound, fused kernel use
    bool offloadEncoders = false;                // load text/image encoders per job and free them after use
    bool vaeTiling = false;                      // decode frames in overlapping tiles (large sizes)
    // fp32 compute from fp16 files: keep the linear/conv weights in fp16 and upcast them per call
    // (the video of those files loaded in fp32, half the weight memory, some time per step). With
    // variant Auto it also picks a component's .fp16 file over its fp32 one. See models/Layers.h.
    bool keepHalfWeights = false;
    // CUDA only: TF32 matmuls and convolutions in fp32 compute (util/Runtime.h setCudaTf32).
    bool allowTf32 = true;

    bool operator==(const PipelineOptions& o) const {
        return device == o.device && dtype == o.dtype && variant == o.variant && attention == o.attention &&
               offloadEncoders == o.offloadEncoders && vaeTiling == o.vaeTiling &&
               keepHalfWeights == o.keepHalfWeights && allowTf32 == o.allowTf32;
    }
    bool operator!=(const PipelineOptions& o) const { return !(*this == o); }
};

// The weight files to read: `variant`, except that keeping fp16 weights under fp32 compute prefers the
// .fp16 files (with fp32 files it would save nothing).
WeightsVariant weightsVariantOf(const PipelineOptions& options);
const char* computeDtypeName(ComputeDtype dtype);
// "auto", "fp32" / "float32", "bf16" / "bfloat16", "fp16" / "float16"; InputError otherwise.
ComputeDtype parseComputeDtype(const std::string& text);
// "auto" (kAutoChunkBytes) or a number of MiB (0 = unbounded) as attention.maxScoreBytes; InputError otherwise.
int64_t parseAttentionChunk(const std::string& mib);

} // namespace i2v
