#include "models/OnlineSoftmaxAvx512.h"

#include "models/Avx512Lanes.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace i2v::avx512 {

#if defined(__x86_64__)

namespace {

// Lanes of scores as float32: bf16 widened, float32 as they are (a plain load for a whole vector).
I2V_AVX512 inline __m512 loadScores(const uint16_t* p, __mmask16 lanes) {
    return lanes == __mmask16(0xFFFF) ? widen(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)))
                                      : loadBf16(p, lanes);
}

I2V_AVX512 inline __m512 loadScores(const float* p, __mmask16 lanes) {
    return lanes == __mmask16(0xFFFF) ? _mm512_loadu_ps(p) : _mm512_maskz_loadu_ps(lanes, p);
}

// exp2(t) written in place of the scores, returned as the value to sum: over bf16 rounded to bf16 (the weights the
// product with v will use), over float32 as it is.
I2V_AVX512 inline __m512 storeExps(uint16_t* p, __m512 t, __mmask16 lanes) {
    const __m512i bits = roundedToBf16Bits(exp2OfLanes(t));
    storeBf16(p, highHalves(bits), lanes);
    return _mm512_castsi512_ps(bits);
}

I2V_AVX512 inline __m512 storeExps(float* p, __m512 t, __mmask16 lanes) {
    const __m512 e = exp2OfLanes(t);
    storeFloats(p, e, lanes);
    return e;
}

I2V_AVX512 inline float expOf(float x) {
    return _mm512_cvtss_f32(exp2OfLanes(_mm512_set1_ps(x * kLog2e)));
}

// softmaxBlock over bf16 or float32 scores. exp(scale s - max) as 2^(s scale log2 e - max log2 e).
template <typename Score>
I2V_AVX512 inline void softmaxRows(Score* scores, int64_t ld, int64_t rows, int64_t n, float scale, float* rowMax,
                                   float* rowSum, float* correction) {
    const __m512 vscale = _mm512_set1_ps(scale);
    const __mmask16 all = 0xFFFF;
    const int64_t whole = n - n % kLanes;  // lanes in whole vectors: plain loads and stores, masked ones only after
    const __mmask16 tail = lanesLeft(n - whole);
    for (int64_t r = 0; r < rows; ++r) {
        Score* row = scores + r * ld;
        __m512 vmax = _mm512_set1_ps(-std::numeric_limits<float>::infinity());
        for (int64_t j = 0; j < whole; j += kLanes)
            vmax = _mm512_max_ps(vmax, _mm512_mul_ps(loadScores(row + j, all), vscale));
        if (tail)
            vmax = _mm512_mask_max_ps(vmax, tail, vmax, _mm512_mul_ps(loadScores(row + whole, tail), vscale));
        const float newMax = std::max(rowMax[r], _mm512_reduce_max_ps(vmax));
        const __m512 scaleLog2e = _mm512_set1_ps(scale * kLog2e), maxLog2e = _mm512_set1_ps(newMax * kLog2e);
        __m512 sum = _mm512_setzero_ps();
        for (int64_t j = 0; j < whole; j += kLanes) {
            const __m512 t = _mm512_fmsub_ps(loadScores(row + j, all), scaleLog2e, maxLog2e);
            sum = _mm512_add_ps(sum, storeExps(row + j, t, all));
        }
        if (tail) {
            const __m512 t = _mm512_fmsub_ps(loadScores(row + whole, tail), scaleLog2e, maxLog2e);
            sum = _mm512_mask_add_ps(sum, tail, sum, storeExps(row + whole, t, tail));
        }
        const float c = expOf(rowMax[r] - newMax);
        rowSum[r] = rowSum[r] * c + _mm512_reduce_add_ps(sum);
        rowMax[r] = newMax;
        correction[r] = c;
    }
}

} // namespace

I2V_AVX512 void softmaxBlock(uint16_t* scores, int64_t ld, int64_t rows, int64_t n, float scale, float* rowMax,
                             float* rowSum, float* correction) {
    softmaxRows(scores, ld, rows, n, scale, rowMax, rowSum, correction);
}

I2V_AVX512 void softmaxBlock(float* scores, int64_t ld, int64_t rows, int64_t n, float scale, float* rowMax,
                             float* rowSum, float* correction) {
    softmaxRows(scores, ld, rows, n, scale, rowMax, rowSum, correction);
}

I2V_AVX512 void scaleRows(float* acc, int64_t ld, int64_t rows, int64_t dv, const float* correction) {
    for (int64_t r = 0; r < rows; ++r) {
        const __m512 c = _mm512_set1_ps(correction[r]);
        float* a = acc + r * ld;
        for (int64_t j = 0; j < dv; j += kLanes) {
            const __mmask16 lanes = lanesLeft(dv - j);
            storeFloats(a + j, _mm512_mul_ps(_mm512_maskz_loadu_ps(lanes, a + j), c), lanes);
        }
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
            storeFloats(a + j, sum, lanes);
        }
    }
}

I2V_AVX512 void finishRows(const float* acc, const float* rowSum, int64_t rows, int64_t dv, uint16_t* out, int64_t ld) {
    for (int64_t r = 0; r < rows; ++r) {
        const __m512 total = _mm512_set1_ps(rowSum[r]);
        for (int64_t j = 0; j < dv; j += kLanes) {
            const __mmask16 lanes = lanesLeft(dv - j);
            const __m512 value = _mm512_div_ps(_mm512_maskz_loadu_ps(lanes, acc + r * dv + j), total);
            storeBf16(out + r * ld + j, roundToBf16(value), lanes);
        }
    }
}

I2V_AVX512 void expForTests(const float* x, float* out, int64_t n) {
    for (int64_t j = 0; j < n; j += kLanes) {
        const __mmask16 lanes = lanesLeft(n - j);
        const __m512 t = _mm512_mul_ps(_mm512_maskz_loadu_ps(lanes, x + j), _mm512_set1_ps(kLog2e));
        storeFloats(out + j, exp2OfLanes(t), lanes);
    }
}

#else

namespace {
[[noreturn]] void notBuilt() {
    throw std::logic_error("the AVX-512 online softmax is only built for x86-64 (avx512::available())");
}
} // namespace

void softmaxBlock(uint16_t*, int64_t, int64_t, int64_t, float, float*, float*, float*) { notBuilt(); }
void softmaxBlock(float*, int64_t, int64_t, int64_t, float, float*, float*, float*) { notBuilt(); }
void scaleRows(float*, int64_t, int64_t, int64_t, const float*) { notBuilt(); }
void accumulateBlock(const uint16_t*, int64_t, int64_t, int64_t, const float*, float*) { notBuilt(); }
void finishRows(const float*, const float*, int64_t, int64_t, uint16_t*, int64_t) { notBuilt(); }
void expForTests(const float*, float*, int64_t) { notBuilt(); }

#endif

} // namespace i2v::avx512
