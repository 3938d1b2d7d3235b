#include "pipeline/PipelineOptions.h"

#include "util/Errors.h"

#include <exception>

namespace i2v {

WeightsVariant weightsVariantOf(const PipelineOptions& o) {
    const bool preferHalf = o.keepHalfWeights && o.variant == WeightsVariant::Auto && o.dtype == ComputeDtype::Float32;
    return preferHalf ? WeightsVariant::PreferFp16 : o.variant;
}

const char* computeDtypeName(ComputeDtype d) {
    switch (d) {
    case ComputeDtype::Auto: return "auto";
    case ComputeDtype::Float32: return "fp32";
    case ComputeDtype::BFloat16: return "bf16";
    case ComputeDtype::Float16: return "fp16";
    }
    return "fp32";
}

ComputeDtype parseComputeDtype(const std::string& t) {
    if (t == "auto")
        return ComputeDtype::Auto;
    if (t == "fp32" || t == "float32")
        return ComputeDtype::Float32;
    if (t == "bf16" || t == "bfloat16")
        return ComputeDtype::BFloat16;
    if (t == "fp16" || t == "float16")
        return ComputeDtype::Float16;
    throw InputError("unknown compute dtype '" + t + "' (auto, fp32, bf16, fp16)");
}

int64_t parseAttentionChunk(const std::string& mib) {
    if (mib == "auto")
        return PipelineOptions::kAutoChunkBytes;
    size_t used = 0;
    long long v = -1;
    try {
        v = std::stoll(mib, &used);
    } catch (const std::exception&) {
    }
    if (used != mib.size() || v < 0 || v > (1ll << 30))
        throw InputError("attention chunk '" + mib + "' is not auto or a number of MiB (0 = unbounded)");
    return int64_t(v) << 20;
}

} // namespace i2v
