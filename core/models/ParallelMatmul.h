// Large CPU matrix products split over libtorch's threads, one single-threaded GEMM per thread.
//
// Why: OpenBLAS runs single-threaded in this engine (util/Runtime.cpp: its own pool and libtorch's
// OpenMP pool spin against each other on few cores), and libtorch 1.13 hands a whole mm/addmm to BLAS
// and runs bmm as a serial loop of per-matrix GEMMs. Without this, every linear layer and attention
// product of a large job ran on one core. Splitting by batch changes no arithmetic: each matrix is the same
// GEMM call as in libtorch's bmm. Splitting rows (or, for a linear layer of few rows, output columns) gives each
// thread a smaller GEMM, which OpenBLAS may round differently in the last bit (its kernels for the rows or
// columns left over from its unrolling).
//
// Small products, CUDA tensors and calls from inside a parallel region are not split, and neither is
// anything when libtorch's GEMM is threaded itself (MKL, or OpenBLAS with more than one thread) or when this
// file was built without the compiler's OpenMP (at::parallel_for, a header template, then runs serially).
// An unsplit float32 product on the CPU still makes its per-matrix GEMM calls itself (BatchedSgemm.h).
#pragma once
#include <ATen/Tensor.h>

namespace i2v {

// Threads the products below are split over: libtorch's intra-op thread count, or 1 when they are not
// split at all (see above).
int parallelMatmulThreads();

// at::linear(input, weight, bias): input [..., in], weight [out, in], bias undefined or [out].
at::Tensor parallelLinear(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

// How parallelMatmul shares a product out: whole matrices to each thread when the batch has at least as many
// as there are threads, else rows of every matrix (Auto); or always one of the two, so that a caller that cuts
// one product into several gets the same GEMM calls for each matrix whatever the pieces' batch sizes.
enum class MatmulSplit { Auto, Matrices, Rows };

// at::matmul(a, b) for a [..., m, k] and b [..., k, n] with the same batch dimensions (attention's
// q k^T and p v); any other shapes go to at::matmul unchanged.
at::Tensor parallelMatmul(const at::Tensor& a, const at::Tensor& b, MatmulSplit split = MatmulSplit::Auto);

} // namespace i2v
