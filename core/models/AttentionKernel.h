// softmax(scale * q k^T + mask) v, written once for CLIP, the UNet and the VAE.
// With libtorch >= 2.0 it calls at::scaled_dot_product_attention (flash / memory-efficient kernels on
// CUDA). Otherwise it runs a query-chunked fallback whose score matrix never exceeds `maxScoreBytes`
// (naive attention at 1280x704 needs > 100 GB), or for long keys on the CPU the blocked running softmax of
// BlockedAttention.h. It never calls baddbmm with beta=0, which returns
// garbage on libtorch 1.13.
#pragma once
#include "models/AttentionSettings.h"
#include "models/ParallelMatmul.h"

#include <ATen/Tensor.h>
#include <cstdint>

namespace i2v {

class CancelToken;

// The largest batch one fused CUDA attention call gets (a CUDA grid's y/z limit); larger ones are sliced.
inline constexpr int64_t kMaxFusedBatch = 65535;

// How the fallback cuts an op's scores: `matrices` of its batch x heads at a time, `rows` query rows of each,
// and how a chunk's products are shared out over the threads.
struct ScoreChunk {
    int64_t matrices = 1;
    int64_t rows = 1;
    MatmulSplit split = MatmulSplit::Auto;
};

// The fallback's chunks of an op of `batchHeads` matrices of Lq x Lk scores within settings.maxScoreBytes: as many
// whole matrices as fit, or where one does not, as many of its query rows as fit. A chunk's GEMMs pack its keys
// and values once, so rows are cut no finer than the bound needs: cutting the rows of the whole batch at once (160
// matrices in the spatial attention of a 1280x704x16 job, so 29 rows a chunk) packed every key and value matrix
// ~490 times. With a mask (`keepBatch`: CLIP's causal one, laid out over the whole batch) every chunk keeps the
// batch and cuts rows. The split is fixed from the whole op, so that a chunk with fewer matrices (the last one, or a
// cancel slice's) makes each matrix's GEMM calls as the others do.
ScoreChunk scoreChunk(int64_t batchHeads, int64_t lq, int64_t lk, bool keepBatch, const AttentionSettings& settings);

// q: [B, H, Lq, D], k/v: [B, H, Lk, D]; mask: undefined or additive, broadcastable to [B, H, Lq, Lk].
// `upcastSoftmax` computes the softmax in float32 for half inputs (as diffusers' upcast_softmax).
// With `cancel`, a large call runs in slices of its batch, matrices or query rows with a check between them
// (CancellableSlices.h).
at::Tensor scaledDotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                     const at::Tensor& mask, double scale, const AttentionSettings& settings,
                                     bool upcastSoftmax = true, const CancelToken* cancel = nullptr);

// softmax over the last dimension of `scores`, which it may overwrite: a contiguous float32 CPU tensor gets
// its result in place on libtorch 1.x, whose kernel finishes reading each row (its maximum, then its sum)
// before it writes that row, so the values are those of scores.softmax(-1) bit for bit, without a second
// score-sized buffer (a 256 MiB chunk by default) and the memory traffic of filling it. Elsewhere it is
// scores.softmax(-1). libtorch 2 runs attention through its fused kernel and does not get here by default.
at::Tensor softmaxOverScores(at::Tensor scores);

} // namespace i2v
