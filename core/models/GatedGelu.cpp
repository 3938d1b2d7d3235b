#include "models/GatedGelu.h"

#include "models/Bf16Arithmetic.h"
#include "models/GatedGeluAvx512.h"
#include "models/ParallelChunks.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <vector>

namespace i2v {
namespace {

// Bytes of gelu(gate) a block computes: with the block's hidden and gate halves and its product, a few
// hundred KB, inside any current core's L2 (512 KB - 2 MB).
constexpr int64_t kBlockBytes = 64 * 1024;

// Below this many products one pass of each op is as quick as waking the other threads.
constexpr int64_t kMinBlockedElements = int64_t(1) << 16;

at::Tensor hiddenTimesGeluOfGate(const at::Tensor& projected) {
    const auto parts = projected.chunk(2, -1);
    return parts[0] * at::gelu(parts[1]);
}

} // namespace

at::Tensor gatedGelu(const at::Tensor& projected) {
    const int64_t width = projected.dim() > 0 ? projected.size(-1) : 0;
    const int64_t n = width / 2;
    const int64_t rows = n > 0 ? projected.numel() / width : 0;
    // bf16 (Bf16Arithmetic.h): one rounding where the bf16 expression rounds gelu(gate) and then the product.
    const bool widen = bf16PassesInFloat(projected);
    if (!projected.device().is_cpu() || width % 2 != 0 || !projected.is_contiguous() ||
        rows * n < kMinBlockedElements || at::in_parallel_region())
        return widen ? hiddenTimesGeluOfGate(projected.to(at::kFloat)).to(at::kBFloat16)
                     : hiddenTimesGeluOfGate(projected);
    const at::Tensor flat = projected.view({rows, width});
    at::Tensor out = at::empty({rows, n}, projected.options());
    std::vector<int64_t> shape = projected.sizes().vec();
    shape.back() = n;
    const at::TensorOptions computeOptions = projected.options().dtype(widen ? at::kFloat : projected.scalar_type());
    const int64_t blockRows = std::max<int64_t>(1, kBlockBytes / (n * int64_t(computeOptions.dtype().itemsize())));
    const int64_t blocks = (rows + blockRows - 1) / blockRows;
    if (widen && avx512::available()) {  // one pass over each row, nothing widened in memory (GatedGeluAvx512.h)
        const auto* in = reinterpret_cast<const uint16_t*>(flat.data_ptr<at::BFloat16>());
        auto* product = reinterpret_cast<uint16_t*>(out.data_ptr<at::BFloat16>());
        parallelChunks(blocks, 1, [&](int64_t begin, int64_t end) {
            const int64_t first = begin * blockRows, count = std::min(rows, end * blockRows) - first;
            avx512::gatedGeluRows(in + first * width, width, count, n, product + first * n, n);
        });
        return out.view(shape);
    }
    parallelChunks(blocks, 1, [&](int64_t begin, int64_t end) {
        // This thread's block buffer: gelu(gate), or the widened block whose halves become the product.
        at::Tensor buffer = at::empty({std::min(blockRows, rows), widen ? width : n}, computeOptions);
        for (int64_t b = begin; b < end; ++b) {
            const int64_t first = b * blockRows, count = std::min(blockRows, rows - first);
            const at::Tensor block = flat.narrow(0, first, count);
            at::Tensor product = out.narrow(0, first, count);
            if (widen) {
                at::Tensor wide = buffer.narrow(0, 0, count);
                wide.copy_(block);
                at::Tensor hidden = wide.narrow(1, 0, n), gate = wide.narrow(1, n, n);
                at::gelu_(gate);
                product.copy_(hidden.mul_(gate));
            } else {
                at::Tensor gelu = buffer.narrow(0, 0, count);
                at::gelu_out(gelu, block.narrow(1, n, n));
                at::mul_out(product, block.narrow(1, 0, n), gelu);
            }
        }
    });
    return out.view(shape);
}

} // namespace i2v
