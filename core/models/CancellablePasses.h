// The memory-bound passes of the UNet and the VAE (GroupNorm and its SiLU, LayerNorm, residual sums, skip
// concatenation, nearest upsampling) in pieces with a cancel check between them (forEachCancellablePiece). At
// 1280x704x16 one activation is 0.6-1 GB and a GroupNorm over it ~1 s on a 2-core desktop: a check before and
// after is not enough for a cancel within a second. Each piece computes what the whole op computes for its
// elements (a GroupNorm's samples and groups, a LayerNorm's rows, a sum's elements and an upsampled plane are
// independent of the others), so the result is the uncut op's, bit for bit. Without a token, or when the whole
// op is one piece, the op runs uncut.
#pragma once
#include <ATen/Tensor.h>
#include <torch/nn/modules/normalization.h>

#include <vector>

namespace i2v {

class CancelToken;

// norm(x), followed by SiLU when `silu` (GroupNorm-SiLU is how every ResNet and temporal convolution starts).
// x: [N, C, *].
at::Tensor groupNorm(const torch::nn::GroupNormImpl& norm, const at::Tensor& x, bool silu, const CancelToken* cancel);
// The same, written into `out`: x's shape, any strides (the temporal transformer's token layout).
void groupNormInto(const torch::nn::GroupNormImpl& norm, const at::Tensor& x, at::Tensor out, bool silu,
                   const CancelToken* cancel);

at::Tensor layerNorm(const torch::nn::LayerNormImpl& norm, const at::Tensor& x, const CancelToken* cancel);

// at::cat(parts, 1): the up blocks' skip connections, over 1.5 GB at 1280x704x16. parts: [N, C_i, *].
at::Tensor catChannels(const std::vector<at::Tensor>& parts, const CancelToken* cancel);

// Nearest-neighbour upsampling of [N, C, H, W] to `size` ({H', W'}); bfloat16 off the CPU goes through float32
// (no bfloat16 kernel in older CUDA builds), as diffusers does. The VAE's last upsampling writes 1.8 GB for one
// 1280x704 frame.
at::Tensor upsampleNearest(const at::Tensor& x, const std::vector<int64_t>& size, const CancelToken* cancel);

// a + b written into a new contiguous tensor of b's shape, where `a` may be any view of that shape (a layer's
// output in its own layout): the layout change and the residual sum in one pass, in pieces along `dim` (frames
// for the temporal layers, whose batch is only the two guidance halves).
at::Tensor sumContiguous(const at::Tensor& a, const at::Tensor& b, const CancelToken* cancel, int64_t dim = 0);

// sum += addend (which broadcasts to sum's shape); `sum` is a fresh result that no one else holds.
void addInPlace(at::Tensor& sum, const at::Tensor& addend, const CancelToken* cancel);

} // namespace i2v
