// The element-wise steps of a blocked attention (models/BlockedAttention) in AVX-512: over bfloat16 products, and
// over float32 ones.
//
// Why: with bf16 GEMMs at twice the float32 rate (oneDNN on AVX-512), the products of a 3520-key op take a third of
// its time and libtorch 1.x's bf16 softmax over scores in memory takes most of the rest. Computed a block of scores
// at a time, the scale, the running maximum, the exps and their sum are one pass over a block in the core's cache;
// done with ATen ops they are ten calls a block, each another pass. libtorch has no such kernel before 2.x's fused
// attention, so here it is, for x86-64 processors with AVX-512 (the ones whose bf16 products are fast; Avx512.h).
//
// bf16 values are passed as their bits (uint16_t) and rounded to nearest even as c10::BFloat16 rounds (finishRows
// writes a NaN as 0x7FC0, as it does). exp(scale s - max) is 2^(s scale log2 e - max log2 e), its argument rounded
// once (~1e-7 of |scale s| + |max|, relative to the result) and 2^x within 1e-8 (Avx512Lanes.h).
#pragma once
#include "models/Avx512.h"

#include <cstdint>

namespace i2v::avx512 {

// Each runs only where available() (Avx512.h).

// One block of keys of a running softmax, for `rows` rows of `n` scores (row stride `ld`):
//   s = scale * scores;  m = max(rowMax, max s);  c = exp(rowMax - m);
//   scores <- bf16(exp(s - m));  rowSum <- rowSum * c + sum of the bf16 values written;  rowMax <- m;  correction <- c.
// Before the first block rowMax is -infinity and rowSum 0 (c is then 0).
void softmaxBlock(uint16_t* scores, int64_t ld, int64_t rows, int64_t n, float scale, float* rowMax, float* rowSum,
                  float* correction);

// The same over float32 scores: the exps written as float32, nothing rounded to bf16.
void softmaxBlock(float* scores, int64_t ld, int64_t rows, int64_t n, float scale, float* rowMax, float* rowSum,
                  float* correction);

// acc[r, :] <- acc[r, :] * correction[r] for `rows` rows of `dv` values (row stride `ld`).
void scaleRows(float* acc, int64_t ld, int64_t rows, int64_t dv, const float* correction);

// acc[r, :] <- acc[r, :] * correction[r] + o[r, :] for `rows` rows of `dv` values (acc contiguous, o row stride `ld`).
void accumulateBlock(const uint16_t* o, int64_t ld, int64_t rows, int64_t dv, const float* correction, float* acc);

// out[r, :] <- bf16(acc[r, :] / rowSum[r]) (out row stride `ld`).
void finishRows(const float* acc, const float* rowSum, int64_t rows, int64_t dv, uint16_t* out, int64_t ld);

// exp of `n` floats, as softmaxBlock computes it (for tests).
void expForTests(const float* x, float* out, int64_t n);

} // namespace i2v::avx512
