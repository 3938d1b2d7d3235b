// A GroupNorm (and the SiLU after it) over bf16 in AVX-512 (models/CancellablePasses): each value widened, the
// group's mean and variance and the normalised value in float32, rounded to bf16 once.
//
// Why: libtorch 1.x's bf16 GroupNorm takes 4-9x its float32 one, so the engine widens each piece to float32, runs
// the float32 GroupNorm and SiLU and rounds the result: five passes over float32 copies where this reads the bf16
// values three times and writes them once (group_norm and silu_ were 1.2 and 0.5 s of thread time in a 640x352
// two-frame bf16 job on 2 cores).
#pragma once
#include "models/Avx512.h"

#include <cstdint>

namespace i2v::avx512 {

// One group: `channels` channels of `spatial` contiguous values each (x and out, bf16 as its bits), the channels'
// weight and bias in float32; with `frames` > 1 the group is that many such pieces `frameStride` values apart (a
// temporal layer's activations laid out frame by frame). out = bf16(silu?((x - mean) / sqrt(var + eps) * weight +
// bias)), mean and (biased) var over the whole group, as torch.nn.GroupNorm computes them. Runs only where
// available() (Avx512.h).
void groupNormGroup(const uint16_t* x, uint16_t* out, int64_t channels, int64_t spatial, const float* weight,
                    const float* bias, float eps, bool silu, int64_t frames = 1, int64_t frameStride = 0);

} // namespace i2v::avx512
