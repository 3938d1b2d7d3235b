#include "models/OnlineSoftmaxAvx512.h"

#include "util/CpuFeatures.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#if defined(__x86_64__)
#include <immintrin.h>
// GCC 12 warns inside its own AVX-512 headers, whose intrinsics start from "undefined" registers (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace i2v::avx512 {

bool onlineSoftmaxAvailable() {
    // The processor does not change while the process runs: read CPUID once.
    static const bool available = detectCpuFeatures().avx512;
    return available;
}

#if defined(__x86_64__)

// Each function is compiled for AVX-512 on its own (the file is not): the rest of the engine keeps running on any
// x86-64 processor, and these are called only where onlineSoftmaxAvailable() says so.
#define I2V_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl")))

namespace {

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

// Round to nearest even, NaN to 0x7FC0: c10::BFloat16's rounding, bit for bit.
I2V_AVX512 inline __m256i roundToBf16(__m512 f) {
    const __m512i bits = _mm512_castps_si512(f);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(bits, 16), _mm512_set1_epi32(1));
    __m512i rounded = _mm512_srli_epi32(_mm512_add_epi32(bits, _mm512_add_epi32(odd, _mm512_set1_epi32(0x7FFF))), 16);
    rounded = _mm512_mask_mov_epi32(rounded, _mm512_cmp_ps_mask(f, f, _CMP_UNORD_Q), _mm512_set1_epi32(0x7FC0));
    return _mm512_cvtepi32_epi16(rounded);
}

// The bits of f rounded to bf16, as float32 bits (the low half cleared): to nearest even, as c10::BFloat16 rounds.
// For the exps below only: a NaN stays NaN but is not made 0x7FC0 (theirs come from arithmetic on widened bf16 and
// have no low bits that the rounding could carry into the sign).
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

// The bits of bf16(exp(scale * s - max)) for 16 bf16 scores s, as float32 bits; scaleLog2e = scale log2(e),
// maxLog2e = max log2(e). One rounding of the exponent: relative error ~1e-7 |scale * s - max|, which decides
// nothing above the weights that bf16 rounds to zero.
I2V_AVX512 inline __m512i expOfScores(__m256i s, __m512 scaleLog2e, __m512 maxLog2e) {
    return roundedToBf16Bits(exp2OfLanes(_mm512_fmsub_ps(widen(s), scaleLog2e, maxLog2e)));
}

I2V_AVX512 inline float expOf(float x) {
    return _mm512_cvtss_f32(exp2OfLanes(_mm512_set1_ps(x * kLog2e)));
}

} // namespace

I2V_AVX512 void softmaxBlock(uint16_t* scores, int64_t ld, int64_t rows, int64_t n, float scale, float* rowMax,
                             float* rowSum, float* correction) {
    const __m512 vscale = _mm512_set1_ps(scale);
    const int64_t whole = n - n % kLanes;  // lanes in whole vectors: plain loads and stores, masked ones only after
    const __mmask16 tail = lanesLeft(n - whole);
    for (int64_t r = 0; r < rows; ++r) {
        uint16_t* row = scores + r * ld;
        __m512 vmax = _mm512_set1_ps(-std::numeric_limits<float>::infinity());
        for (int64_t j = 0; j < whole; j += kLanes)
            vmax = _mm512_max_ps(vmax, _mm512_mul_ps(widen(_mm256_loadu_si256((const __m256i*)(row + j))), vscale));
        if (tail)
            vmax = _mm512_mask_max_ps(vmax, tail, vmax, _mm512_mul_ps(loadBf16(row + whole, tail), vscale));
        const float newMax = std::max(rowMax[r], _mm512_reduce_max_ps(vmax));
        const __m512 scaleLog2e = _mm512_set1_ps(scale * kLog2e), maxLog2e = _mm512_set1_ps(newMax * kLog2e);
        // exps rounded to bf16 in place; their sum is of the rounded values, the weights the product with v will use.
        __m512 sum = _mm512_setzero_ps();
        for (int64_t j = 0; j < whole; j += kLanes) {
            const __m512i p = expOfScores(_mm256_loadu_si256((const __m256i*)(row + j)), scaleLog2e, maxLog2e);
            _mm256_storeu_si256((__m256i*)(row + j), highHalves(p));
            sum = _mm512_add_ps(sum, _mm512_castsi512_ps(p));
        }
        if (tail) {
            const __m512i p = expOfScores(_mm256_maskz_loadu_epi16(tail, row + whole), scaleLog2e, maxLog2e);
            _mm256_mask_storeu_epi16(row + whole, tail, highHalves(p));
            sum = _mm512_mask_add_ps(sum, tail, sum, _mm512_castsi512_ps(p));
        }
        const float c = expOf(rowMax[r] - newMax);
        rowSum[r] = rowSum[r] * c + _mm512_reduce_add_ps(sum);
        rowMax[r] = newMax;
        correction[r] = c;
    }
}

I2V_AVX512 void accumulateBlock(const uint16_t* o, int64_t ld, int64_t rows, int64_t dv, const float* correction,
                                float* acc) {
    for (int64_t r = 0; r < rows; ++r) {
        const __m512 c = _mm512_set1_ps(correction[r]);
        float* a = acc + r * dv;
        for (int64_t j = 0; j < dv; j += kLanes) {
            const __mmask16 lanes = lanesLeft(dv - j);
            const __m512 sum = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(lanes, a + j), c, loadBf16(o + r * ld + j, lanes));
            _mm512_mask_storeu_ps(a + j, lanes, sum);
        }
    }
}

I2V_AVX512 void finishRows(const float* acc, const float* rowSum, int64_t rows, int64_t dv, uint16_t* out, int64_t ld) {
    for (int64_t r = 0; r < rows; ++r) {
        const __m512 total = _mm512_set1_ps(rowSum[r]);
        for (int64_t j = 0; j < dv; j += kLanes) {
            const __mmask16 lanes = lanesLeft(dv - j);
            const __m512 value = _mm512_div_ps(_mm512_maskz_loadu_ps(lanes, acc + r * dv + j), total);
            _mm256_mask_storeu_epi16(out + r * ld + j, lanes, roundToBf16(value));
        }
    }
}

I2V_AVX512 void expForTests(const float* x, float* out, int64_t n) {
    for (int64_t j = 0; j < n; j += kLanes) {
        const __mmask16 lanes = lanesLeft(n - j);
        const __m512 t = _mm512_mul_ps(_mm512_maskz_loadu_ps(lanes, x + j), _mm512_set1_ps(kLog2e));
        _mm512_mask_storeu_ps(out + j, lanes, exp2OfLanes(t));
    }
}

#else

namespace {
[[noreturn]] void notBuilt() {
    throw std::logic_error("the AVX-512 online softmax is not built for this processor (onlineSoftmaxAvailable())");
}
} // namespace

void softmaxBlock(uint16_t*, int64_t, int64_t, int64_t, float, float*, float*, float*) { notBuilt(); }
void accumulateBlock(const uint16_t*, int64_t, int64_t, int64_t, const float*, float*) { notBuilt(); }
void finishRows(const float*, const float*, int64_t, int64_t, uint16_t*, int64_t) { notBuilt(); }
void expForTests(const float*, float*, int64_t) { notBuilt(); }

#endif

} // namespace i2v::avx512
