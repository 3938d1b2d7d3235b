#include "models/GatedGelu.h"

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

} // namespace

at::Tensor gatedGelu(const at::Tensor& projected) {
    const int64_t width = projected.dim() > 0 ? projected.size(-1) : 0;
    const int64_t n = width / 2;
    const int64_t rows = n > 0 ? projected.numel() / width : 0;
    if (!projected.device().is_cpu() || width % 2 != 0 || !projected.is_contiguous() ||
        rows * n < kMinBlockedElements || at::in_parallel_region()) {
        const auto parts = projected.chunk(2, -1);
        return parts[0] * at::gelu(parts[1]);
    }
    const at::Tensor flat = projected.view({rows, width});
    at::Tensor out = at::empty({rows, n}, projected.options());
    const int64_t blockRows = std::max<int64_t>(1, kBlockBytes / (n * int64_t(projected.element_size())));
    const int64_t blocks = (rows + blockRows - 1) / blockRows;
    parallelChunks(blocks, 1, [&](int64_t begin, int64_t end) {
        at::Tensor gelu = at::empty({std::min(blockRows, rows), n}, projected.options());
        for (int64_t b = begin; b < end; ++b) {
            const int64_t first = b * blockRows, count = std::min(blockRows, rows - first);
            const at::Tensor block = flat.narrow(0, first, count);
            at::Tensor g = gelu.narrow(0, 0, count);
            at::gelu_out(g, block.narrow(1, n, n));
            at::Tensor product = out.narrow(0, first, count);
            at::mul_out(product, block.narrow(1, 0, n), g);
        }
    });
    std::vector<int64_t> shape = projected.sizes().vec();
    shape.back() = n;
    return out.view(shape);
}

} // namespace i2v
