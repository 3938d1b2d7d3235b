#include "models/BlockedAttention.h"

#include "models/Bf16Arithmetic.h"
#include "models/CancellableSlices.h"
#include "models/ParallelChunks.h"
#include "models/ParallelMatmul.h"
#include "util/CancelToken.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <vector>

namespace i2v {
namespace {

// A block's scores, kQueryBlock x kKeyBlock float32 = 512 KB, with its query rows (64 KB at D = 64) and key and
// value rows (128 KB each): inside a core's L2 on current processors. Blocks this size keep OpenBLAS's packing of
// the small operands and libtorch's per-call costs to a few percent of the products.
constexpr int64_t kQueryBlock = 256;
constexpr int64_t kKeyBlock = 512;

// From this many keys a matrix's float32 scores (Lq x Lk) leave the caches (2048 x 2048 = 16 MB).
constexpr int64_t kMinBlockedKeys = 2048;

// Matrix `index` of t [..., L, D] (its leading dimensions in row-major order), as a [L, D] view.
at::Tensor matrixAt(const at::Tensor& t, int64_t index) {
    std::vector<int64_t> position(t.dim() - 2);
    for (int64_t d = t.dim() - 3; d >= 0; --d) {
        position[d] = index % t.size(d);
        index /= t.size(d);
    }
    at::Tensor m = t;
    for (int64_t i : position)
        m = m.select(0, i);
    return m;
}

// A float32 [L, D] matrix whose rows BLAS can read as they are (unit stride along D), copying only where not.
at::Tensor blasReadable(const at::Tensor& m) {
    if (m.scalar_type() != at::kFloat)
        return m.to(at::kFloat).contiguous();
    return m.stride(1) == 1 ? m : m.contiguous();
}

// out = softmax(scale q k^T) v for the query rows q [R, D] against every key of k [Lk, D], v [Lk, Dv], with
// `scores` [>= R, >= min(kKeyBlock, Lk)] the thread's buffer for a block's scores.
void attendRows(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale, const at::Tensor& scores,
                at::Tensor out) {
    const int64_t lk = k.size(0);
    at::Tensor acc, rowMax, rowSum;
    for (int64_t first = 0; first < lk; first += kKeyBlock) {
        const int64_t n = std::min(kKeyBlock, lk - first);
        at::Tensor s = scores.narrow(0, 0, q.size(0)).narrow(1, 0, n);
        const at::Tensor vBlock = v.narrow(0, first, n);
        // The product then the scale, as the chunked fallback (and diffusers' baddbmm with alpha) rounds them.
        at::mm_out(s, q, k.narrow(0, first, n).t());
        s.mul_(scale);
        const at::Tensor blockMax = at::amax(s, {1}, true);
        if (first == 0) {
            rowMax = blockMax;
            s.sub_(rowMax).exp_();
            rowSum = s.sum(1, true);
            acc = at::mm(s, vBlock);
        } else {
            const at::Tensor newMax = at::maximum(rowMax, blockMax);
            const at::Tensor rescale = (rowMax - newMax).exp_();
            s.sub_(newMax).exp_();
            rowSum.mul_(rescale).add_(s.sum(1, true));
            acc.mul_(rescale).addmm_(s, vBlock);
            rowMax = newMax;
        }
    }
    out.copy_(acc.div_(rowSum));
}

} // namespace

bool blockedAttentionApplies(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& mask) {
    if (mask.defined() || q.dim() < 2 || k.dim() != q.dim() || v.dim() != q.dim() || !q.device().is_cpu())
        return false;
    // bf16 only where its products run in float32 anyway (Bf16Arithmetic.h): with vector bf16 GEMMs the chunked
    // fallback's bf16 products at twice the float32 rate beat float32 blocks (a 3520-key op: 6.7 s against 7.6 s).
    const auto type = q.scalar_type();
    if (!(type == at::kFloat || (type == at::kBFloat16 && bf16ProductsInFloat(q))) || k.scalar_type() != type ||
        v.scalar_type() != type)
        return false;
    const auto lead = q.sizes().slice(0, q.dim() - 2);
    return k.sizes().slice(0, k.dim() - 2) == lead && v.sizes().slice(0, v.dim() - 2) == lead &&
           k.size(-1) == q.size(-1) && v.size(-2) == k.size(-2) && k.size(-2) >= kMinBlockedKeys && q.size(-2) > 0 &&
           q.size(-1) > 0 && v.size(-1) > 0;
}

at::Tensor blockedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale,
                            const CancelToken* cancel) {
    const int64_t lq = q.size(-2), lk = k.size(-2), d = q.size(-1), dv = v.size(-1);
    const int64_t matrices = q.numel() / (lq * d);
    std::vector<int64_t> outShape = q.sizes().vec();
    outShape.back() = dv;
    at::Tensor out = at::empty({matrices, lq, dv}, q.options());

    const int64_t blocks = (lq + kQueryBlock - 1) / kQueryBlock;
    const double blockFlops = 2.0 * double(kQueryBlock) * double(lk) * double(d + dv);
    // Threads share a wave's blocks; a BLAS that is threaded itself gets them one at a time (ParallelMatmul.h).
    const int64_t threads = parallelMatmulThreads();
    int64_t wave = std::max<int64_t>(1, int64_t(kFlopsBetweenCancelChecks / blockFlops));
    wave = std::max(threads, wave - wave % threads);
    // Each thread's score buffer, made once for the op rather than once per block of query rows.
    const at::Tensor scratch = at::empty({threads, std::min(kQueryBlock, lq), std::min(kKeyBlock, lk)},
                                         q.options().dtype(at::kFloat));
    for (int64_t i = 0; i < matrices; ++i) {
        // bf16 widened a matrix at a time: float32 q, k, v of one matrix (a few MB), not of the whole op.
        const at::Tensor qi = blasReadable(matrixAt(q, i)), ki = blasReadable(matrixAt(k, i)),
                         vi = blasReadable(matrixAt(v, i));
        at::Tensor oi = out.select(0, i);
        for (int64_t start = 0; start < blocks; start += wave) {
            throwIfCancelled(cancel);
            const auto run = [&](int64_t begin, int64_t end) {
                const at::Tensor scores = scratch.select(0, threads > 1 ? at::get_thread_num() : 0);
                for (int64_t b = begin; b < end; ++b) {
                    const int64_t row = b * kQueryBlock, rows = std::min(kQueryBlock, lq - row);
                    attendRows(qi.narrow(0, row, rows), ki, vi, scale, scores, oi.narrow(0, row, rows));
                }
            };
            const int64_t end = std::min(blocks, start + wave);
            if (threads > 1)
                parallelChunks(end - start, 1, [&](int64_t b, int64_t e) { run(start + b, start + e); });
            else
                run(start, end);
        }
    }
    return out.view(outShape);
}

} // namespace i2v
