#include "models/WeightUpcast.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define I2V_HAVE_F16C_PATH 1
#endif

namespace i2v {
namespace {

#ifdef I2V_HAVE_F16C_PATH
__attribute__((target("avx,f16c"))) void halfToFloatF16c(const uint16_t* in, float* out, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i))));
    for (; i < n; ++i)
        out[i] = _cvtsh_ss(in[i]);
}

bool cpuHasF16c() {
    // A property of the processor, read once.
    static const bool has = __builtin_cpu_supports("avx") && __builtin_cpu_supports("f16c");
    return has;
}
#endif

void bfloat16ToFloat(const uint16_t* in, float* out, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
        const uint32_t bits = uint32_t(in[i]) << 16;
        std::memcpy(out + i, &bits, sizeof bits);
    }
}

} // namespace

at::Tensor upcastToFloat(const at::Tensor& weight) {
    const auto type = weight.scalar_type();
    if (!weight.device().is_cpu() || !weight.is_contiguous() || (type != at::kHalf && type != at::kBFloat16))
        return weight.to(at::kFloat);
    void (*convert)(const uint16_t*, float*, int64_t) = nullptr;
    if (type == at::kBFloat16)
        convert = bfloat16ToFloat;
#ifdef I2V_HAVE_F16C_PATH
    else if (cpuHasF16c())
        convert = halfToFloatF16c;
#endif
    if (!convert)
        return weight.to(at::kFloat);
    const auto* in = static_cast<const uint16_t*>(weight.data_ptr());
    at::Tensor out = at::empty(weight.sizes(), weight.options().dtype(at::kFloat));
    float* o = out.data_ptr<float>();
    // Split over libtorch's threads: the conversion runs at memory speed, and most of its time is the
    // kernel handing out the fresh pages of `out`, which both cores can do.
    at::parallel_for(0, weight.numel(), int64_t(1) << 18,
                     [&](int64_t begin, int64_t end) { convert(in + begin, o + begin, end - begin); });
    return out;
}

} // namespace i2v
