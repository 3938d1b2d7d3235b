// softmax(scale q k^T) v over blocks of keys with a running softmax (the "online softmax" of FlashAttention,
// Dao et al. 2022), for the CPU fallback's long sequences.
//
// Why: at a real size the spatial attention's scores are far larger than any cache (160 matrices of
// 14080 x 14080 at 1280x704x16). Computed a chunk of rows at a time, as the chunked fallback does, they go to
// memory and back for the product, the scale, the softmax and the second product. Here each thread takes blocks
// of query rows of one matrix and walks over blocks of keys: a block's scores stay in its core's cache, and only
// q, k, v and the result cross memory. What remains is the products and one exp per score: an fp32 op of that
// job's first level took 60.5 s instead of 68 s on a 2-core Zen 4, a 3520-key op 6 % less.
//
// The result is the two-pass softmax's up to float rounding: the running maximum rescales the partial sums
// (exp(old max - new max)), so they are summed in another order (~1e-7 relative in float32). bf16 inputs (on a
// processor whose bf16 products run in float32, Bf16Arithmetic.h) are widened a matrix at a time and the result
// rounded to bf16 once. Where bf16 products are fast (oneDNN on AVX-512) they stay bf16, and the element-wise steps
// run in AVX-512 in float32 (OnlineSoftmaxAvx512.h): a 3520-key op took 0.21 s instead of the chunked fallback's
// 0.44 s, whose bf16 softmax over scores in memory was most of its time.
#pragma once
#include <ATen/Tensor.h>

namespace i2v {

class CancelToken;

// Whether blockedAttention takes this op: CPU float32 or bf16 (as above), no mask, q [..., Lq, D], k [..., Lk, D], v [..., Lk, Dv]
// with the same leading dimensions, and keys long enough that blocks pay: Lk >= 2048, where a matrix's float32 scores
// leave the caches, or Lk >= 256 with bf16 products.
bool blockedAttentionApplies(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& mask);

// Who runs float32's element-wise steps (the scale, running maximum, exps, sums and rescales): AVX-512 lanes where the
// processor has them (OnlineSoftmaxAvx512.h), else libtorch ops. LibtorchOps makes a processor with AVX-512 run the
// ops one without it runs, for tests.
enum class BlockedSteps { Fastest, LibtorchOps };

// softmax(scale q k^T) v, [..., Lq, Dv] in q's dtype. With `cancel`, the token is checked between waves of query
// blocks of at most kFlopsBetweenCancelChecks.
at::Tensor blockedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale,
                            const CancelToken* cancel, BlockedSteps steps = BlockedSteps::Fastest);

} // namespace i2v
