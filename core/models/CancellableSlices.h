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

} // namespace i2v
