#include "models/Bf16Arithmetic.h"

#include "models/WeightUpcast.h"
#include "util/CpuFeatures.h"

#include <ATen/ATen.h>
#include <torch/version.h>

namespace i2v {

bool bf16ProductsInFloat(const at::Tensor& t) {
    // The processor does not change while the process runs: read CPUID once.
    static const bool inFloat = bf16ProductsFasterInFloat(detectCpuFeatures());
    return inFloat && t.defined() && t.scalar_type() == at::kBFloat16 && t.device().is_cpu();
}

bool bf16PassesInFloat(const at::Tensor& t) {
#if TORCH_VERSION_MAJOR < 2
    return t.defined() && t.scalar_type() == at::kBFloat16 && t.device().is_cpu();
#else
    (void)t;
    return false;
#endif
}

at::Tensor widenedBf16(const at::Tensor& t) {
    return t.defined() && t.scalar_type() == at::kBFloat16 ? upcastToFloat(t) : t;
}

} // namespace i2v
