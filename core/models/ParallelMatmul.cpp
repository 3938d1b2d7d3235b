#include "models/ParallelMatmul.h"

#include "models/BatchedSgemm.h"
#include "models/Bf16Arithmetic.h"
#include "models/ParallelChunks.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <ATen/Context.h>
#include <ATen/Parallel.h>

#include <algorithm>

namespace i2v {
namespace {

// Multiply-adds one thread should get at least: below this, waking a thread costs more than it saves.
constexpr int64_t kMinMacsPerThread = int64_t(1) << 20;

// A linear layer's rows are split over the threads when each gets at least this many; with fewer (the UNet's
// inner levels: 16-256 tokens against weights of 1280 x 5120), a row split makes every thread pack and stream
// the whole weight for a thin GEMM, and splitting the output columns instead runs each thread at its full GEMM
// rate (1.4-1.8x faster per thread at 16-64 rows, measured with OpenBLAS on one core).
constexpr int64_t kMinRowsPerThread = 256;

// Columns per unit of a column split, so that each thread's block is a multiple of every sgemm kernel's
// unrolling of the output columns (OpenBLAS: 4-16) and the leftover-column kernel runs at most once per call.
constexpr int64_t kColumnUnit = 64;

bool worthSplitting(const at::Tensor& t, int64_t macs) {
    return t.device().is_cpu() && macs >= 2 * kMinMacsPerThread && !at::in_parallel_region() &&
           parallelMatmulThreads() > 1;
}

// Smallest number of units (rows or matrices) of `macsPerUnit` each that makes a thread's share worth it.
int64_t grainFor(int64_t macsPerUnit) {
    return std::max<int64_t>(1, kMinMacsPerThread / std::max<int64_t>(1, macsPerUnit));
}

} // namespace

int parallelMatmulThreads() {
#ifdef _OPENMP
    // A GEMM that is threaded already (MKL, or OpenBLAS's own pool when the user set its size) would
    // put two threads on each core from inside our workers.
    const bool blasThreaded = at::globalContext().hasMKL() || openBlasThreads() > 1;
    return blasThreaded ? 1 : at::get_num_threads();
#else
    return 1;
#endif
}

at::Tensor parallelLinear(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias) {
    if (bf16ProductsInFloat(input))
        return parallelLinear(widenedBf16(input), widenedBf16(weight), widenedBf16(bias)).to(at::kBFloat16);
    if (input.dim() < 2 || weight.dim() != 2 || input.size(-1) != weight.size(1))
        return at::linear(input, weight, bias);  // libtorch's result or error message for odd shapes
    const int64_t in = weight.size(1), out = weight.size(0);
    const int64_t rows = input.numel() / std::max<int64_t>(1, in);
    if (rows == 0 || !worthSplitting(input, rows * in * out))
        return at::linear(input, weight, bias);

    const at::Tensor x = input.reshape({rows, in});
    at::Tensor y = at::empty({rows, out}, input.options());
    // One GEMM per thread, on a block of y's rows or of its columns (a strided view that BLAS writes in place,
    // its leading dimension y's row length).
    auto product = [&](at::Tensor yBlock, const at::Tensor& xBlock, const at::Tensor& wBlock, const at::Tensor& b) {
        if (b.defined())
            at::addmm_out(yBlock, b, xBlock, wBlock.t());
        else
            at::mm_out(yBlock, xBlock, wBlock.t());
    };
    const int64_t columnUnits = (out + kColumnUnit - 1) / kColumnUnit;
    if (rows < kMinRowsPerThread * parallelMatmulThreads() && columnUnits >= parallelMatmulThreads()) {
        parallelChunks(columnUnits, grainFor(rows * in * kColumnUnit), [&](int64_t begin, int64_t end) {
            const int64_t first = begin * kColumnUnit, count = std::min(out, end * kColumnUnit) - first;
            product(y.narrow(1, first, count), x, weight.narrow(0, first, count),
                    bias.defined() ? bias.narrow(0, first, count) : bias);
        });
    } else {
        parallelChunks(rows, grainFor(in * out), [&](int64_t begin, int64_t end) {
            product(y.narrow(0, begin, end - begin), x.narrow(0, begin, end - begin), weight, bias);
        });
    }
    std::vector<int64_t> sizes = input.sizes().vec();
    sizes.back() = out;
    return y.view(sizes);
}

at::Tensor parallelMatmul(const at::Tensor& a, const at::Tensor& b, MatmulSplit split) {
    if (bf16ProductsInFloat(a))
        return parallelMatmul(widenedBf16(a), widenedBf16(b), split).to(at::kBFloat16);
    if (a.dim() < 3 || a.dim() != b.dim() || a.sizes().slice(0, a.dim() - 2) != b.sizes().slice(0, b.dim() - 2) ||
        a.size(-1) != b.size(-2))
        return at::matmul(a, b);
    const int64_t m = a.size(-2), k = a.size(-1), n = b.size(-1);
    const int64_t batch = a.numel() / std::max<int64_t>(1, m * k);
    const bool shared = worthSplitting(a, batch * m * n * k);
    // Too small to share out, a float32 product still goes through BLAS here: libtorch's bmm would dispatch
    // three selects and an addmm per matrix, which for a small job's attention costs more than the GEMMs.
    if (batch == 0 || (!shared && (!a.device().is_cpu() || a.scalar_type() != at::kFloat)))
        return at::matmul(a, b);

    // Batch dimensions folded as at::matmul folds them (a copy only where the strides do not allow a view).
    const at::Tensor a3 = a.reshape({batch, m, k});
    const at::Tensor b3 = b.reshape({batch, k, n});
    at::Tensor c3 = at::empty({batch, m, n}, a.options());
    std::vector<int64_t> sizes = a.sizes().vec();
    sizes.back() = n;
    if (!shared) {
        if (!bmmThroughBlas(c3, a3, b3))
            at::bmm_out(c3, a3, b3);
        return c3.view(sizes);
    }
    if (split == MatmulSplit::Auto)
        split = batch >= at::get_num_threads() ? MatmulSplit::Matrices : MatmulSplit::Rows;
    if (split == MatmulSplit::Matrices) {
        parallelChunks(batch, grainFor(m * n * k), [&](int64_t begin, int64_t end) {
            at::Tensor c = c3.narrow(0, begin, end - begin);
            const at::Tensor as = a3.narrow(0, begin, end - begin), bs = b3.narrow(0, begin, end - begin);
            if (!bmmThroughBlas(c, as, bs))
                at::bmm_out(c, as, bs);
        });
    } else {
        // Few large matrices (the VAE's single-head attention over a whole frame): split their rows.
        parallelChunks(m, grainFor(n * k * batch), [&](int64_t begin, int64_t end) {
            for (int64_t i = 0; i < batch; ++i) {
                at::Tensor c = c3.select(0, i).narrow(0, begin, end - begin);
                at::mm_out(c, a3.select(0, i).narrow(0, begin, end - begin), b3.select(0, i));
            }
        });
    }
    return c3.view(sizes);
}

} // namespace i2v
