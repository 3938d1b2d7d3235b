// GEGLU's product (diffusers models/activations.py `GEGLU`): hidden * gelu(gate), where hidden and gate are the
// two halves of the projection's last dimension.
//
// Why not `parts[0] * at::gelu(parts[1])`: at a real size that writes gelu(gate), as large as the product, to
// memory and reads it back (the top level's is 14080 tokens x 1280 per frame pair), and both passes run at
// memory speed. Here each thread takes blocks of rows small enough that gelu(gate) stays in its core's cache
// between the two ops: the same libtorch gelu and multiply on every element, so the same values. CPU bf16 on
// libtorch 1.x is computed in float32 per block and rounded once, in one pass with AVX-512 (GatedGeluAvx512.h).
#pragma once
#include <ATen/Tensor.h>

namespace i2v {

// projected [..., 2n] -> [..., n]: projected[..., :n] * gelu(projected[..., n:]) (exact erf GELU).
at::Tensor gatedGelu(const at::Tensor& projected);

} // namespace i2v
