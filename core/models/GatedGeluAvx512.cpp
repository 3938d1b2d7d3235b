#include "models/GatedGeluAvx512.h"

#include "models/Avx512Lanes.h"

#include <stdexcept>

namespace i2v::avx512 {

#if defined(__x86_64__)

namespace {

// 1 + erf(y) with erfc(|y|) = (a1 t + a2 t^2 + ... + a5 t^5) exp(-y^2), t = 1 / (1 + p |y|) (Abramowitz and Stegun
// 7.1.26, as libtorch's vector erf computes it): 2 - erfc(y) for y >= 0, and erfc(-y) itself below 0, where
// libtorch's 1 + erf cancels.
I2V_AVX512 inline __m512 onePlusErfOfLanes(__m512 y) {
    const __m512 absY = _mm512_abs_ps(y);
    const __m512 t = _mm512_div_ps(_mm512_set1_ps(1.0f), _mm512_fmadd_ps(_mm512_set1_ps(0.3275911f), absY,
                                                                          _mm512_set1_ps(1.0f)));
    __m512 r = _mm512_set1_ps(1.061405429f);
    r = _mm512_fmadd_ps(r, t, _mm512_set1_ps(-1.453152027f));
    r = _mm512_fmadd_ps(r, t, _mm512_set1_ps(1.421413741f));
    r = _mm512_fmadd_ps(r, t, _mm512_set1_ps(-0.284496736f));
    r = _mm512_fmadd_ps(r, t, _mm512_set1_ps(0.254829592f));
    const __m512 expMinusSquare = exp2OfLanes(_mm512_mul_ps(_mm512_mul_ps(absY, absY), _mm512_set1_ps(-kLog2e)));
    const __m512 erfc = _mm512_mul_ps(_mm512_mul_ps(r, t), expMinusSquare);
    // A NaN compares as not below 0 and stays NaN.
    return _mm512_mask_mov_ps(_mm512_sub_ps(_mm512_set1_ps(2.0f), erfc),
                              _mm512_cmp_ps_mask(y, _mm512_setzero_ps(), _CMP_LT_OQ), erfc);
}

// hidden * gelu(gate), gelu(x) = x * 0.5 * (1 + erf(x / sqrt 2)) in libtorch's order of operations.
I2V_AVX512 inline __m512 hiddenTimesGelu(__m512 hidden, __m512 gate) {
    const __m512 onePlusErf = onePlusErfOfLanes(_mm512_mul_ps(gate, _mm512_set1_ps(0.70710678118654752f)));
    return _mm512_mul_ps(hidden, _mm512_mul_ps(_mm512_mul_ps(gate, _mm512_set1_ps(0.5f)), onePlusErf));
}

} // namespace

I2V_AVX512 void gatedGeluRows(const uint16_t* in, int64_t ldIn, int64_t rows, int64_t n, uint16_t* out, int64_t ldOut) {
    for (int64_t r = 0; r < rows; ++r) {
        const uint16_t* hidden = in + r * ldIn;
        const uint16_t* gate = hidden + n;
        uint16_t* product = out + r * ldOut;
        for (int64_t j = 0; j < n; j += kLanes) {
            const __mmask16 lanes = lanesLeft(n - j);
            const __m512 value = hiddenTimesGelu(loadBf16(hidden + j, lanes), loadBf16(gate + j, lanes));
            storeBf16(product + j, roundToBf16(value), lanes);
        }
    }
}

#else

void gatedGeluRows(const uint16_t*, int64_t, int64_t, int64_t, uint16_t*, int64_t) {
    throw std::logic_error("the AVX-512 GEGLU is only built for x86-64 (avx512::available())");
}

#endif

} // namespace i2v::avx512
