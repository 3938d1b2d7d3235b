// float32 batched matrix products through BLAS without libtorch's per-matrix dispatch.
//
// libtorch 1.13 runs a float32 bmm on the CPU (without MKL) as a loop of dispatched addmm calls, one per matrix:
// three selects, the checks and layout choices, then one BLAS sgemm. The temporal attention of a 1280x704x16 job
// has 225,280 matrices of 16x16 per product, so that loop costs several times the arithmetic (libtorch's bmm was
// 15 % of a full-size UNet forward in fp32 for 2.7 % of its FLOPs). Here the same sgemm gets the arguments
// libtorch would give it for each matrix, so every matrix is the same BLAS call and the result is libtorch's,
// bit for bit (tst_parallel_matmul checks it against at::bmm).
#pragma once
#include <ATen/Tensor.h>

namespace i2v {

// c = a @ b for a [batch, m, k], b [batch, k, n] and c [batch, m, n] with rows of c contiguous. Returns false,
// having written nothing, where libtorch would not make that BLAS call per matrix (the caller then uses
// at::bmm_out): not float32 on the CPU, a BLAS with its own batched path (MKL) or no sgemm_ in the process,
// operands that are neither row-major nor transposed row-major, a dimension of 1, or matrices below libtorch's
// 400 multiply-adds (it computes those without BLAS).
bool bmmThroughBlas(at::Tensor& c, const at::Tensor& a, const at::Tensor& b);

} // namespace i2v
