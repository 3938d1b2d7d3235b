// 16 float32 lanes of AVX-512 for the engine's own kernels (Avx512.h): bf16 widened to float32 and rounded back as
// c10::BFloat16 rounds, and exp. Included only by those kernels' files: each function here is compiled for AVX-512
// on its own (I2V_AVX512), as theirs are, and runs only where avx512::available().
#pragma once
#if defined(__x86_64__)

#include <immintrin.h>

#include <cstdint>

// GCC 12 warns inside its own AVX-512 headers, whose intrinsics start from "undefined" registers (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#define I2V_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl")))

namespace i2v::avx512 {

constexpr int64_t kLanes = 16;

I2V_AVX512 inline __mmask16 lanesLeft(int64_t left) {
    return left >= kLanes ? __mmask16(0xFFFF) : __mmask16((1u << left) - 1u);
}

I2V_AVX512 inline __m512 widen(__m256i bf16) {
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(bf16), 16));
}

I2V_AVX512 inline __m512 loadBf16(const uint16_t* p, __mmask16 lanes) {
    return widen(_mm256_maskz_loadu_epi16(lanes, p));
}

// Stores of `lanes` of a vector: plain for a whole one, masked only for a tail (AVX-512 masked stores have a low
// throughput on AMD's Zen 4).
I2V_AVX512 inline void storeBf16(uint16_t* p, __m256i bf16, __mmask16 lanes) {
    if (lanes == __mmask16(0xFFFF))
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), bf16);
    else
        _mm256_mask_storeu_epi16(p, lanes, bf16);
}

I2V_AVX512 inline void storeFloats(float* p, __m512 values, __mmask16 lanes) {
    if (lanes == __mmask16(0xFFFF))
        _mm512_storeu_ps(p, values);
    else
        _mm512_mask_storeu_ps(p, lanes, values);
}

// Round to nearest even, NaN to 0x7FC0: c10::BFloat16's rounding, bit for bit.
I2V_AVX512 inline __m256i roundToBf16(__m512 f) {
    const __m512i bits = _mm512_castps_si512(f);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(bits, 16), _mm512_set1_epi32(1));
    __m512i rounded = _mm512_srli_epi32(_mm512_add_epi32(bits, _mm512_add_epi32(odd, _mm512_set1_epi32(0x7FFF))), 16);
    rounded = _mm512_mask_mov_epi32(rounded, _mm512_cmp_ps_mask(f, f, _CMP_UNORD_Q), _mm512_set1_epi32(0x7FC0));
    return _mm512_cvtepi32_epi16(rounded);
}

// The bits of f rounded to bf16, as float32 bits (the low half cleared): to nearest even, as c10::BFloat16 rounds.
// For results of arithmetic on widened bf16 only: a NaN stays NaN but is not made 0x7FC0 (such NaNs have no low
// bits that the rounding could carry into the sign), for two instructions less than roundToBf16.
I2V_AVX512 inline __m512i roundedToBf16Bits(__m512 f) {
    const __m512i bits = _mm512_castps_si512(f);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(bits, 16), _mm512_set1_epi32(1));
    return _mm512_and_si512(_mm512_add_epi32(bits, _mm512_add_epi32(odd, _mm512_set1_epi32(0x7FFF))),
                            _mm512_set1_epi32(int(0xFFFF0000u)));
}

I2V_AVX512 inline __m256i highHalves(__m512i bits) {
    return _mm512_cvtepi32_epi16(_mm512_srli_epi32(bits, 16));
}

// 2^t = 2^n 2^f with n = round(t) and |f| <= 1/2: 2^f by its Taylor series to degree 7 (error below 1e-8), 2^n
// applied by VSCALEFPS, which overflows to infinity and underflows to 0 as the power does. t is clamped to
// [-150, 128] first: beyond, the result is 0 or infinity already, and -infinity gives 0. VMAXPS/VMINPS return their
// second operand when one is NaN: a NaN goes through as NaN.
I2V_AVX512 inline __m512 exp2OfLanes(__m512 t) {
    t = _mm512_min_ps(_mm512_set1_ps(128.0f), _mm512_max_ps(_mm512_set1_ps(-150.0f), t));
    const __m512 n = _mm512_roundscale_ps(t, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 f = _mm512_sub_ps(t, n);
    constexpr double ln2 = 0.693147180559945309;
    constexpr double c2 = ln2 * ln2 / 2, c3 = c2 * ln2 / 3, c4 = c3 * ln2 / 4, c5 = c4 * ln2 / 5, c6 = c5 * ln2 / 6,
                     c7 = c6 * ln2 / 7;
    __m512 p = _mm512_set1_ps(float(c7));
    for (const double c : {c6, c5, c4, c3, c2, ln2, 1.0})
        p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(float(c)));
    return _mm512_scalef_ps(p, n);
}

constexpr float kLog2e = 1.44269504088896341f;

} // namespace i2v::avx512

#endif
