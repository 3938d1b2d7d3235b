#include "models/GroupNormAvx512.h"

#include "models/Avx512Lanes.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace i2v::avx512 {

#if defined(__x86_64__)

namespace {

// Values summed in float32 lanes this many at a time, then into a double: the float sums stay short.
constexpr int64_t kChunk = 4096;

// The sum of f(x) over n bf16 values.
template <typename F>
I2V_AVX512 inline double sumOf(const uint16_t* x, int64_t n, const F& f) {
    double total = 0.0;
    for (int64_t start = 0; start < n; start += kChunk) {
        const int64_t end = std::min(n, start + kChunk);
        __m512 sum = _mm512_setzero_ps();
        for (int64_t j = start; j < end; j += kLanes) {
            const __mmask16 lanes = lanesLeft(end - j);
            sum = _mm512_mask_add_ps(sum, lanes, sum, f(loadBf16(x + j, lanes)));
        }
        total += double(_mm512_reduce_add_ps(sum));
    }
    return total;
}

struct Identity {
    I2V_AVX512 __m512 operator()(__m512 v) const { return v; }
};

struct SquaredDeviation {
    __m512 mean;
    I2V_AVX512 __m512 operator()(__m512 v) const {
        const __m512 d = _mm512_sub_ps(v, mean);
        return _mm512_mul_ps(d, d);
    }
};

// x / (1 + exp(-x)), as libtorch's vector SiLU.
I2V_AVX512 inline __m512 siluOfLanes(__m512 x) {
    const __m512 e = exp2OfLanes(_mm512_mul_ps(x, _mm512_set1_ps(-kLog2e)));
    return _mm512_div_ps(x, _mm512_add_ps(_mm512_set1_ps(1.0f), e));
}

} // namespace

I2V_AVX512 void groupNormGroup(const uint16_t* x, uint16_t* out, int64_t channels, int64_t spatial,
                               const float* weight, const float* bias, float eps, bool silu, int64_t frames,
                               int64_t frameStride) {
    const int64_t piece = channels * spatial, n = piece * frames;
    if (n == 0)
        return;
    double sum = 0.0;
    for (int64_t f = 0; f < frames; ++f)
        sum += sumOf(x + f * frameStride, piece, Identity{});
    const double mean = sum / double(n);
    double squares = 0.0;
    for (int64_t f = 0; f < frames; ++f)
        squares += sumOf(x + f * frameStride, piece, SquaredDeviation{_mm512_set1_ps(float(mean))});
    const double var = squares / double(n);
    const float rstd = float(1.0 / std::sqrt(std::max(var, 0.0) + double(eps)));
    for (int64_t c = 0; c < channels; ++c) {
        // y = x * scale + shift, libtorch's form of (x - mean) * rstd * weight + bias.
        const float scale = rstd * weight[c];
        const __m512 vscale = _mm512_set1_ps(scale), vshift = _mm512_set1_ps(bias[c] - scale * float(mean));
        for (int64_t f = 0; f < frames; ++f) {
            const uint16_t* from = x + f * frameStride + c * spatial;
            uint16_t* to = out + f * frameStride + c * spatial;
            for (int64_t j = 0; j < spatial; j += kLanes) {
                const __mmask16 lanes = lanesLeft(spatial - j);
                __m512 y = _mm512_fmadd_ps(loadBf16(from + j, lanes), vscale, vshift);
                if (silu)
                    y = siluOfLanes(y);
                storeBf16(to + j, roundToBf16(y), lanes);
            }
        }
    }
}

#else

void groupNormGroup(const uint16_t*, uint16_t*, int64_t, int64_t, const float*, const float*, float, bool, int64_t,
                    int64_t) {
    throw std::logic_error("the AVX-512 GroupNorm is only built for x86-64 (avx512::available())");
}

#endif

} // namespace i2v::avx512
