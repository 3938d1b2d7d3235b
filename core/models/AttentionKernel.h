// softmax(scale * q k^T + mask) v, written once for CLIP, the UNet and the VAE.
// With libtorch >= 2.0 it calls at::scaled_dot_product_attention (flash / memory-efficient kernels on
// CUDA). Otherwise it runs a query-chunked fallback whose score matrix never exceeds `maxScoreBytes`
// (naive attention at 1280x704 needs > 100 GB). It never calls baddbmm with beta=0, which returns
// garbage on libtorch 1.13.
#pragma once
#include "models/AttentionSettings.h"

#include <ATen/Tensor.h>
#include <cstdint>

namespace i2v {

class CancelToken;

// The largest batch one fused CUDA attention call gets (a CUDA grid's y/z limit); larger ones are sliced.
inline constexpr int64_t kMaxFusedBatch = 65535;

// q: [B, H, Lq, D], k/v: [B, H, Lk, D]; mask: undefined or additive, broadcastable to [B, H, Lq, Lk].
// `upcastSoftmax` computes the softmax in float32 for half inputs (as diffusers' upcast_softmax).
// With `cancel`, a large call runs in slices of query rows with a check between them (CancellableSlices.h).
at::Tensor scaledDotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                     const at::Tensor& mask, double scale, const AttentionSettings& settings,
                                     bool upcastSoftmax = true, const CancelToken* cancel = nullptr);

} // namespace i2v
