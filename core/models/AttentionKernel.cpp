#include "models/AttentionKernel.h"

#include "models/BlockedAttention.h"
#include "models/CancellableSlices.h"
#include "models/ParallelMatmul.h"
#include "util/CancelToken.h"

#include <ATen/ATen.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace i2v {

namespace {

// `matrices` rounded down to a multiple of the threads the products are split over (one where fewer fit), so that
// no thread waits for another at the end of a chunk (3 matrices a chunk on 2 threads left one idle a third of it).
int64_t wholeThreadShares(int64_t matrices) {
    const int64_t threads = parallelMatmulThreads();
    return matrices >= threads ? matrices - matrices % threads : 1;
}

// The fallback: scores in chunks. With a token, a check before each chunk, and chunks cut further when one would
// be more than kFlopsBetweenCancelChecks: into fewer matrices (bit for bit, down to one per thread) where the
// threads share matrices out, else into fewer rows.
at::Tensor chunkedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& mask,
                            double scale, ScoreChunk chunk, bool upcastSoftmax, const CancelToken* cancel) {
    const int64_t lq = q.size(-2), lk = k.size(-2), dq = q.size(-1), dv = v.size(-1);
    const int64_t batchHeads = q.numel() / std::max<int64_t>(1, lq * dq);
    const double rowFlops = 2.0 * double(lk) * double(dq + dv);
    const auto chunkFlops = [&] { return double(chunk.matrices) * double(chunk.rows) * rowFlops; };
    if (cancel && chunkFlops() > kFlopsBetweenCancelChecks && chunk.split == MatmulSplit::Matrices && !mask.defined()) {
        const int64_t fit = int64_t(kFlopsBetweenCancelChecks / (double(chunk.rows) * rowFlops));
        chunk.matrices = std::min(chunk.matrices, std::max<int64_t>(parallelMatmulThreads(), wholeThreadShares(fit)));
    }
    // Fewer rows per GEMM change OpenBLAS's blocking (float rounding, ~1e-6 relative): only where the bound needs it.
    if (cancel && chunkFlops() > kFlopsBetweenCancelChecks)
        chunk.rows = std::min(chunk.rows, std::max<int64_t>(1, int64_t(kFlopsBetweenCancelChecks / (double(chunk.matrices) * rowFlops))));

    // Batch and heads folded into one dimension once, each operand laid out as one GEMM reads it: q and v
    // row-major, k^T as the transpose of a row-major k (BLAS takes it without a copy). Folding the
    // [B, H, L, D] views the layers pass in costs one copy per operand; chunking q then slices q only.
    const at::Tensor q3 = q.reshape({batchHeads, lq, dq});
    const at::Tensor kt3 = k.reshape({batchHeads, lk, dq}).transpose(1, 2);
    const at::Tensor v3 = v.reshape({batchHeads, lk, dv});
    std::vector<int64_t> scoreShape = q.sizes().vec();  // [..., len, Lk] for broadcasting the mask
    scoreShape.back() = lk;
    // Query rows [row, row + len) of matrices [first, first + count).
    auto attend = [&](int64_t first, int64_t count, int64_t row, int64_t len) {
        const auto matrices = [&](const at::Tensor& t) { return pieceOf(t, 0, first, count); };
        at::Tensor scores = parallelMatmul(matrices(q3).narrow(1, row, len), matrices(kt3), chunk.split);
        scores.mul_(scale);
        if (mask.defined()) {  // the whole batch (scoreChunk)
            const at::Tensor m = mask.size(-2) == 1 ? mask : mask.narrow(-2, row, len);
            scoreShape[scoreShape.size() - 2] = len;
            scores.view(scoreShape).add_(m);
        }
        at::Tensor probs = (upcastSoftmax && scores.scalar_type() != at::kFloat)
                               ? softmaxOverScores(scores.to(at::kFloat)).to(q.scalar_type())
                               : softmaxOverScores(std::move(scores));
        scores.reset();
        return parallelMatmul(probs, matrices(v3), chunk.split);
    };
    std::vector<int64_t> outShape = q.sizes().vec();
    outShape.back() = dv;
    if (chunk.matrices >= batchHeads && chunk.rows >= lq)
        return attend(0, batchHeads, 0, lq).view(outShape);
    at::Tensor out = at::empty({batchHeads, lq, dv}, q.options());
    for (int64_t first = 0; first < batchHeads; first += chunk.matrices) {
        const int64_t count = std::min(chunk.matrices, batchHeads - first);
        for (int64_t row = 0; row < lq; row += chunk.rows) {
            if (cancel)
                cancel->throwIfCancelled();
            const int64_t len = std::min(chunk.rows, lq - row);
            out.narrow(0, first, count).narrow(1, row, len).copy_(attend(first, count, row, len));
        }
    }
    return out.view(outShape);
}

} // namespace

at::Tensor softmaxOverScores(at::Tensor scores) {
#if TORCH_VERSION_MAJOR < 2
    if (scores.device().is_cpu() && scores.scalar_type() == at::kFloat && scores.is_contiguous() && scores.dim() > 0)
        return at::_softmax_out(scores, scores, -1, false);
#endif
    return scores.softmax(-1);
}

ScoreChunk scoreChunk(int64_t batchHeads, int64_t lq, int64_t lk, bool keepBatch, const AttentionSettings& settings) {
    if (settings.maxScoreBytes <= 0 || batchHeads == 0 || lq == 0)
        return {batchHeads, lq};
    const int64_t rowBytes = lk * static_cast<int64_t>(sizeof(float));
    const int64_t matrixBytes = std::max<int64_t>(1, lq * rowBytes);
    ScoreChunk chunk;
    if (keepBatch)
        chunk = {batchHeads, std::clamp<int64_t>(settings.maxScoreBytes / std::max<int64_t>(1, batchHeads * rowBytes), 1, lq)};
    else if (matrixBytes <= settings.maxScoreBytes)
        chunk = {std::min(batchHeads, wholeThreadShares(settings.maxScoreBytes / matrixBytes)), lq};
    else
        chunk = {1, std::clamp<int64_t>(settings.maxScoreBytes / std::max<int64_t>(1, rowBytes), 1, lq)};
    chunk.split = chunk.matrices >= parallelMatmulThreads() ? MatmulSplit::Matrices : MatmulSplit::Rows;
    return chunk;
}

at::Tensor scaledDotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                     const at::Tensor& mask, double scale, const AttentionSettings& settings,
                                     bool upcastSoftmax, const CancelToken* cancel) {
    const int64_t lq = q.size(-2), lk = k.size(-2), dq = q.size(-1), dv = v.size(-1);
    // Both products: [Lq, D] x [D, Lk] and [Lq, Lk] x [Lk, Dv] per batch and head.
    const double flops = 2.0 * double(q.numel() / std::max<int64_t>(1, dq)) * double(lk) * double(dq + dv);
#if TORCH_VERSION_MAJOR >= 2
    if (settings.useFusedKernel) {
        // The fused kernel scales by 1/sqrt(D) (a `scale` argument only exists from 2.1): fold the rest into q.
        const double defaultScale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
        const at::Tensor qs = std::abs(scale - defaultScale) < 1e-12 ? q : q * (scale / defaultScale);
        // Query rows [rowStart, rowStart + rows) of the batch entries [start, start + len).
        auto fused = [&](int64_t start, int64_t len, int64_t rowStart, int64_t rows) {
            const bool whole = start == 0 && len == q.size(0);
            auto part = [&](const at::Tensor& t) { return whole || t.size(0) == 1 ? t : t.narrow(0, start, len); };
            auto queryRows = [&](const at::Tensor& t) { return rows == lq || t.size(-2) == 1 ? t : t.narrow(-2, rowStart, rows); };
            return at::scaled_dot_product_attention(queryRows(part(qs)), part(k), part(v),
                                                    mask.defined() ? c10::optional<at::Tensor>(queryRows(part(mask))) : c10::nullopt);
        };
        return runInCancellableSlices(lq, q.dim() - 2, flops, cancel, [&](int64_t rowStart, int64_t rows) {
            // CUDA's fused kernels put the batch on a grid axis of at most 65,535 blocks: the temporal attention
            // of a 2048x1152 CFG job has a batch of 2*(H/8)*(W/8) = 73,728. Such batches run in slices.
            const int64_t batch = q.dim() == 4 ? q.size(0) : 1;
            if (!q.is_cuda() || batch <= kMaxFusedBatch)
                return fused(0, batch, rowStart, rows);
            std::vector<at::Tensor> parts;
            for (int64_t start = 0; start < batch; start += kMaxFusedBatch)
                parts.push_back(fused(start, std::min(kMaxFusedBatch, batch - start), rowStart, rows));
            return at::cat(parts, 0);
        });
    }
#endif
    // With a token, the first dimension (the batch: frames of a spatial attention, image positions of a
    // temporal one) is cut first, so that folding the operands below copies one slice at a time (a whole
    // fold of the 1280x704x16 job's operands moves gigabytes between two checks). libtorch runs bmm as one
    // GEMM call per matrix, so the calls count as work too: the temporal attention has 225,280 matrices of
    // 16 frames, seconds of calls for few FLOPs, and its 16 query rows give nothing to cut.
    // Each slice keeps the whole op's chunks: every GEMM call is then the uncut op's, bit for bit.
    if (blockedAttentionApplies(q, k, v, mask))
        return blockedAttention(q, k, v, scale, cancel);
    const int64_t batchHeads = q.numel() / std::max<int64_t>(1, lq * dq);
    const ScoreChunk chunk = scoreChunk(batchHeads, lq, lk, mask.defined(), settings);
    if (cancel && q.dim() >= 3) {
        const double calls = 2.0 * double(batchHeads) * kFlopsPerGemmCall;
        auto part = [](const at::Tensor& t, int64_t start, int64_t len) {
            return t.size(0) == 1 ? t : t.narrow(0, start, len);
        };
        return runInCancellableSlices(q.size(0), 0, flops + calls, cancel, [&](int64_t start, int64_t len) {
            if (len == q.size(0))
                return chunkedAttention(q, k, v, mask, scale, chunk, upcastSoftmax, cancel);
            const at::Tensor m = mask.defined() && mask.dim() == q.dim() ? part(mask, start, len) : mask;
            return chunkedAttention(part(q, start, len), part(k, start, len), part(v, start, len), m, scale, chunk,
                                    upcastSoftmax, cancel);
        });
    }
    return chunkedAttention(q, k, v, mask, scale, chunk, upcastSoftmax, cancel);
}

} // namespace i2v
