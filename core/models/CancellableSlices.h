// Large single ops cut into slices with a cancel check between them. At 1280x704x16 on a CPU one of the
// UNet's top-level convolutions is ~1.7 TFLOP and one spatial attention ~8 TFLOP: tens of seconds each, so a
// check between layers alone leaves Cancel waiting that long. Only ops above kFlopsBetweenCancelChecks are cut,
// and only when there is a token: small jobs (and every parity test) run exactly the uncut op.
#pragma once
#include <ATen/Tensor.h>

#include <cstdint>
#include <functional>

namespace i2v {

class CancelToken;

// 0.1-0.5 s of fp32 work on a 2-core desktop CPU (attention and 3x1x1 convolutions run below the GEMM rate);
// a GPU gets through it in milliseconds.
inline constexpr double kFlopsBetweenCancelChecks = 10e9;
// What one small GEMM call costs beyond its arithmetic, in FLOPs of the same time: libtorch's bmm calls BLAS once
// per matrix through its dispatcher, about 10 us a call, which is 2e5 FLOP at the ~20 GFLOP/s 2 cores give it.
inline constexpr double kFlopsPerGemmCall = 2e5;

// Runs `op(start, len)` over [0, size) of an op whose output along `dim` has one entry per input entry
// (a batch, rows of queries, image rows of a kernel-1 convolution), in slices of about
// kFlopsBetweenCancelChecks when `flops` (of the whole op) exceeds that and `cancel` is set, checking the
// token before each slice; the slices' results land in one output, as the uncut op's would.
at::Tensor runInCancellableSlices(int64_t size, int64_t dim, double flops, const CancelToken* cancel,
                                  const std::function<at::Tensor(int64_t start, int64_t len)>& op);

// [start, start + len) of t along dim, as runInCancellableSlices and forEachCancellablePiece hand it out: t itself
// when that is all of t, which is every small op's one piece (a view costs a few microseconds of dispatch, and a
// small job's UNet makes thousands of such calls).
inline at::Tensor pieceOf(const at::Tensor& t, int64_t dim, int64_t start, int64_t len) {
    return start == 0 && len == t.size(dim) ? t : t.narrow(dim, start, len);
}

// Memory-bound passes (norms, residual sums, layout copies) move about this much between two checks, where one
// pass over a 1280x704x16 activation moves several gigabytes: ~0.05 s on a 2-core desktop, and up to ~1 s where
// their output is fresh memory on a cloud VM that first-touches huge pages at 0.1-0.5 GB/s (measured; 1 GiB, the
// bound before, was several seconds there).
inline constexpr double kBytesBetweenCancelChecks = double(int64_t(256) << 20);

// Runs `body(start, len)` over [0, size): in one call without `cancel`, else in pieces of about
// kBytesBetweenCancelChecks (`bytesPerEntry`: what one entry's share of the work reads and writes) and at least
// `minEntries` entries (so that a piece still gives every thread work), checking the token before each piece.
void forEachCancellablePiece(int64_t size, double bytesPerEntry, int64_t minEntries, const CancelToken* cancel,
                             const std::function<void(int64_t start, int64_t len)>& body);
// The same in pieces of about `pieceBytes` with or without a token (a pass that needs temporaries per piece).
void forEachPiece(int64_t size, double bytesPerEntry, int64_t minEntries, double pieceBytes, const CancelToken* cancel,
                  const std::function<void(int64_t start, int64_t len)>& body);

} // namespace i2v
