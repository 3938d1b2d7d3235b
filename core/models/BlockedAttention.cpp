#include "models/BlockedAttention.h"

#include "models/Bf16Arithmetic.h"
#include "models/CancellableWaves.h"
#include "models/OnlineSoftmaxAvx512.h"
#include "models/ParallelMatmul.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <limits>
#include <vector>

namespace i2v {
namespace {

// A block's scores, kQueryBlock x kKeyBlock float32 = 512 KB, with its query rows (64 KB at D = 64) and key and
// value rows (128 KB each): inside a core's L2 on current processors. Blocks this size keep OpenBLAS's packing of
// the small operands and libtorch's per-call costs to a few percent of the products.
constexpr int64_t kQueryBlock = 256;
constexpr int64_t kKeyBlock = 512;
// With bf16 products (attendRowsInBf16) a block's scores are 2 bytes each and the per-call costs of oneDNN's GEMMs
// weigh more: 512 x 1024 blocks (1 MB of scores) took a 3520-key op 0.21 s, 256 x 512 ones 0.24-0.28 s, and
// anything from 384 x 1024 to 1024 x 1024 within 5 % of the first (2-core Zen 4).
constexpr int64_t kBf16QueryBlock = 512;
constexpr int64_t kBf16KeyBlock = 1024;

// From this many keys a matrix's float32 scores (Lq x Lk) leave the caches (2048 x 2048 = 16 MB); below, the chunked
// fallback's products and softmax were as fast (256 keys: 25 ms against the blocks' 42 ms; 880-1024: within 5 %).
constexpr int64_t kMinBlockedKeys = 2048;
// With bf16 products the blocks beat the chunked fallback's bf16 softmax from a few hundred keys on (2-core Zen 4:
// 256 keys 15 ms against 20-27 ms, 576 keys 59 against 99 ms, 880 keys of a 1280x704x16 job's third level 0.23 s
// against 1.5-1.7 s, its (32,20,880) 0.50 against 2.1-2.3 s); at 144-220 keys they are even, and so is the VAE's one
// 512-wide head at 1024 keys (57-60 against 50-56 ms).
constexpr int64_t kMinBlockedKeysBf16 = 256;

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

// A thread's running softmax over `rows` query rows, kept in `stats` [3, >= rows] float32 (OnlineSoftmaxAvx512.h):
// the running maximum (from -infinity), the running sum of exps (from 0) and a block's correction.
struct RunningSoftmax {
    float* rowMax;
    float* rowSum;
    float* correction;

    RunningSoftmax(const at::Tensor& stats, int64_t rows)
        : rowMax(stats[0].data_ptr<float>()), rowSum(stats[1].data_ptr<float>()),
          correction(stats[2].data_ptr<float>()) {
        std::fill(rowMax, rowMax + rows, -std::numeric_limits<float>::infinity());
        std::fill(rowSum, rowSum + rows, 0.0f);
    }
};

// attendRows with the element-wise steps in AVX-512 lanes (OnlineSoftmaxAvx512.h): one pass over a block for the
// scale, the running maximum, the exps and their sum, another for the rescale of the rows so far, where the libtorch
// ops take ten. float32 q, k, v; `stats` [3, >= R] the thread's running maximum, running sum and a block's correction;
// the rows accumulate in `out` [R, Dv] (float32, unit stride along Dv).
void attendRowsWithLanes(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale,
                         const at::Tensor& scores, const at::Tensor& stats, at::Tensor out) {
    const int64_t rows = q.size(0), lk = k.size(0), dv = v.size(1);
    const RunningSoftmax softmax(stats, rows);
    for (int64_t first = 0; first < lk; first += kKeyBlock) {
        const int64_t n = std::min(kKeyBlock, lk - first);
        at::Tensor s = scores.narrow(0, 0, rows).narrow(1, 0, n);
        const at::Tensor vBlock = v.narrow(0, first, n);
        at::mm_out(s, q, k.narrow(0, first, n).t());
        avx512::softmaxBlock(s.data_ptr<float>(), s.stride(0), rows, n, float(scale), softmax.rowMax, softmax.rowSum,
                             softmax.correction);
        if (first == 0) {
            at::mm_out(out, s, vBlock);
        } else {
            avx512::scaleRows(out.data_ptr<float>(), out.stride(0), rows, dv, softmax.correction);
            out.addmm_(s, vBlock);
        }
    }
    out.div_(stats[1].narrow(0, 0, rows).unsqueeze(1));
}

// What attendRowsInBf16 works in: one thread's buffers for a block of query rows.
struct Bf16Buffers {
    at::Tensor scores;  // [kBf16QueryBlock, kBf16KeyBlock] bf16: a block's scores, then its exps in their place
    at::Tensor blockOut;  // [kBf16QueryBlock, Dv] bf16: a block's exps times its values
    at::Tensor acc;  // [kBf16QueryBlock, Dv] float32: the running sum of those
    at::Tensor stats;  // [3, kBf16QueryBlock] float32: running maximum, running sum of exps, a block's correction
};

uint16_t* bits(const at::Tensor& t) { return reinterpret_cast<uint16_t*>(t.data_ptr<at::BFloat16>()); }

// attendRows with bf16 products (oneDNN's, at twice the float32 rate on AVX-512) and the element-wise steps in
// float32 (OnlineSoftmaxAvx512.h): scores and each block's product with v are rounded to bf16 as the chunked path's
// bf16 GEMMs round them; the exps too, before the product with v, as that path's bf16 softmax rounds its output.
void attendRowsInBf16(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale,
                      const Bf16Buffers& buffers, at::Tensor out) {
    const int64_t rows = q.size(0), lk = k.size(0), dv = v.size(1);
    at::Tensor acc = buffers.acc.narrow(0, 0, rows);
    acc.zero_();
    const RunningSoftmax softmax(buffers.stats, rows);
    at::Tensor blockOut = buffers.blockOut.narrow(0, 0, rows);
    for (int64_t first = 0; first < lk; first += kBf16KeyBlock) {
        const int64_t n = std::min(kBf16KeyBlock, lk - first);
        at::Tensor s = buffers.scores.narrow(0, 0, rows).narrow(1, 0, n);
        at::mm_out(s, q, k.narrow(0, first, n).t());
        avx512::softmaxBlock(bits(s), s.stride(0), rows, n, float(scale), softmax.rowMax, softmax.rowSum,
                             softmax.correction);
        at::mm_out(blockOut, s, v.narrow(0, first, n));
        avx512::accumulateBlock(bits(blockOut), blockOut.stride(0), rows, dv, softmax.correction,
                                acc.data_ptr<float>());
    }
    avx512::finishRows(acc.data_ptr<float>(), softmax.rowSum, rows, dv, bits(out), out.stride(0));
}

// Whether q's products run as bf16 GEMMs with the element-wise steps in AVX-512 (attendRowsInBf16).
bool productsInBf16(const at::Tensor& q) {
    return q.scalar_type() == at::kBFloat16 && !bf16ProductsInFloat(q) && avx512::available();
}

} // namespace

bool blockedAttentionApplies(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& mask) {
    if (mask.defined() || q.dim() < 2 || k.dim() != q.dim() || v.dim() != q.dim() || !q.device().is_cpu())
        return false;
    // bf16 where its products run in float32 anyway (Bf16Arithmetic.h) or where AVX-512 runs the element-wise steps
    // beside oneDNN's bf16 products; elsewhere libtorch's bf16 GEMMs are scalar loops or ARM kernels this file does
    // not know.
    const auto type = q.scalar_type();
    if (!(type == at::kFloat || (type == at::kBFloat16 && (bf16ProductsInFloat(q) || productsInBf16(q)))) ||
        k.scalar_type() != type || v.scalar_type() != type)
        return false;
    const auto lead = q.sizes().slice(0, q.dim() - 2);
    return k.sizes().slice(0, k.dim() - 2) == lead && v.sizes().slice(0, v.dim() - 2) == lead &&
           k.size(-1) == q.size(-1) && v.size(-2) == k.size(-2) && k.size(-2) >= (productsInBf16(q) ? kMinBlockedKeysBf16 : kMinBlockedKeys) && q.size(-2) > 0 &&
           q.size(-1) > 0 && v.size(-1) > 0;
}

at::Tensor blockedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale,
                            const CancelToken* cancel, BlockedSteps steps) {
    const int64_t lq = q.size(-2), lk = k.size(-2), d = q.size(-1), dv = v.size(-1);
    const int64_t matrices = q.numel() / (lq * d);
    std::vector<int64_t> outShape = q.sizes().vec();
    outShape.back() = dv;
    at::Tensor out = at::empty({matrices, lq, dv}, q.options());

    const int64_t threads = parallelMatmulThreads();
    // Blocks of `rows` query rows: how many, the first one's rows, those of block b.
    const auto blocksOf = [&](int64_t rows) { return (lq + rows - 1) / rows; };
    const auto rowsOf = [&](int64_t rows, int64_t b) { return std::min(rows, lq - b * rows); };
    const auto flopsOf = [&](int64_t rows) { return 2.0 * double(rows) * double(lk) * double(d + dv); };

    if (productsInBf16(q)) {
        // q, k and v as they come: the threads share blocks of query rows across all matrices.
        const int64_t blocks = blocksOf(kBf16QueryBlock), queryRows = rowsOf(kBf16QueryBlock, 0);
        std::vector<Bf16Buffers> buffers(threads);
        for (Bf16Buffers& b : buffers) {
            b.scores = at::empty({queryRows, std::min(kBf16KeyBlock, lk)}, q.options());
            b.blockOut = at::empty({queryRows, dv}, q.options());
            b.acc = at::empty({queryRows, dv}, q.options().dtype(at::kFloat));
            b.stats = at::empty({3, queryRows}, q.options().dtype(at::kFloat));
        }
        runInWaves(matrices * blocks, flopsOf(kBf16QueryBlock), cancel, [&](int64_t unit, int64_t thread) {
            const int64_t i = unit / blocks, b = unit % blocks, rows = rowsOf(kBf16QueryBlock, b);
            attendRowsInBf16(matrixAt(q, i).narrow(0, b * kBf16QueryBlock, rows), matrixAt(k, i), matrixAt(v, i),
                             scale, buffers[thread], out.select(0, i).narrow(0, b * kBf16QueryBlock, rows));
        });
        return out.view(outShape);
    }

    // Each thread's score buffer, made once for the op rather than once per block of query rows.
    const at::Tensor scratch =
        at::empty({threads, rowsOf(kQueryBlock, 0), std::min(kKeyBlock, lk)}, q.options().dtype(at::kFloat));
    const bool lanes = q.scalar_type() == at::kFloat && steps == BlockedSteps::Fastest && avx512::available();
    const at::Tensor stats = lanes ? at::empty({threads, 3, rowsOf(kQueryBlock, 0)}, q.options()) : at::Tensor();
    for (int64_t i = 0; i < matrices; ++i) {
        // bf16 widened a matrix at a time: float32 q, k, v of one matrix (a few MB), not of the whole op.
        const at::Tensor qi = blasReadable(matrixAt(q, i)), ki = blasReadable(matrixAt(k, i)),
                         vi = blasReadable(matrixAt(v, i));
        const at::Tensor oi = out.select(0, i);
        runInWaves(blocksOf(kQueryBlock), flopsOf(kQueryBlock), cancel, [&](int64_t b, int64_t thread) {
            const int64_t first = b * kQueryBlock, rows = rowsOf(kQueryBlock, b);
            if (lanes)
                attendRowsWithLanes(qi.narrow(0, first, rows), ki, vi, scale, scratch.select(0, thread),
                                    stats.select(0, thread), oi.narrow(0, first, rows));
            else
                attendRows(qi.narrow(0, first, rows), ki, vi, scale, scratch.select(0, thread), oi.narrow(0, first, rows));
        });
    }
    return out.view(outShape);
}

} // namespace i2v
