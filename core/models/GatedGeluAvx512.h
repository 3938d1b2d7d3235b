// GEGLU's product over bf16 (models/GatedGelu) in AVX-512: each element widened, hidden * gelu(gate) in float32,
// rounded to bf16 once.
//
// Why: libtorch 1.x has no float32-accumulating bf16 GELU, so the engine widens each block of rows, runs the float32
// gelu and multiply and rounds the product: four passes over the block and two conversions, 1.5 s of a 15 s bf16
// UNet forward at 640x352 on 2 cores. Here it is one pass. gelu(x) = x/2 (1 + erf(x / sqrt 2)) with erf as libtorch's
// own vector kernel approximates it (Abramowitz and Stegun 7.1.26) and exp within 1e-6 relative: for gates from -2 up
// the bf16 result is libtorch's float32 expression rounded once but for an element in tens of thousands, one ulp
// apart. Below, libtorch's 1 + erf cancels (at a gate of -4.4 it is 0.6 % off) and this computes erfc directly
// (0.08 % there).
#pragma once
#include "models/Avx512.h"

#include <cstdint>

namespace i2v::avx512 {

// out[r, j] = bf16(in[r, j] * gelu(in[r, n + j])) for `rows` rows and j < n (bf16 as its bits; row strides ldIn and
// ldOut). Runs only where available() (Avx512.h).
void gatedGeluRows(const uint16_t* in, int64_t ldIn, int64_t rows, int64_t n, uint16_t* out, int64_t ldOut);

} // namespace i2v::avx512
