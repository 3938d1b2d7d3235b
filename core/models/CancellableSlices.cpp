#include "models/CancellableSlices.h"

#include "util/CancelToken.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace i2v {

at::Tensor runInCancellableSlices(int64_t size, int64_t dim, double flops, const CancelToken* cancel,
                                  const std::function<at::Tensor(int64_t start, int64_t len)>& op) {
    if (cancel)
        cancel->throwIfCancelled();
    const int64_t slices = std::min<int64_t>(size, int64_t(std::ceil(flops / kFlopsBetweenCancelChecks)));
    if (!cancel || slices <= 1)
        return op(0, size);
    const int64_t step = (size + slices - 1) / slices;
    at::Tensor first = op(0, step);
    std::vector<int64_t> shape = first.sizes().vec();
    shape[size_t(dim)] = size;
    at::Tensor out = at::empty(shape, first.options());
    out.narrow(dim, 0, step).copy_(first);
    first.reset();
    for (int64_t start = step; start < size; start += step) {
        cancel->throwIfCancelled();
        const int64_t len = std::min(step, size - start);
        out.narrow(dim, start, len).copy_(op(start, len));
    }
    return out;
}

void forEachCancellablePiece(int64_t size, double bytesPerEntry, int64_t minEntries, const CancelToken* cancel,
                             const std::function<void(int64_t start, int64_t len)>& body) {
    if (!cancel) {
        body(0, size);
        return;
    }
    forEachPiece(size, bytesPerEntry, minEntries, kBytesBetweenCancelChecks, cancel, body);
}

void forEachPiece(int64_t size, double bytesPerEntry, int64_t minEntries, double pieceBytes, const CancelToken* cancel,
                  const std::function<void(int64_t start, int64_t len)>& body) {
    const int64_t fits = int64_t(pieceBytes / std::max(1.0, bytesPerEntry));
    const int64_t step = std::max<int64_t>(1, std::min(size, std::max(fits, minEntries)));
    for (int64_t start = 0; start < size; start += step) {
        if (cancel)
            cancel->throwIfCancelled();
        body(start, std::min(step, size - start));
    }
}

} // namespace i2v
