// A convolution along the frames only (a kT x 1 x 1 kernel: diffusers' TemporalConvLayer's 3 x 1 x 1) as matrix
// products, for bf16 on a processor whose oneDNN has bf16 GEMMs.
//
// Why: libtorch 1.13's oneDNN runs that bf16 3-D convolution over 16 frames at 120-220 GFLOP/s on a 2-core Zen 4
// (whole or in the cancel checks' row slices), half its bf16 GEMM rate. Laid out frame by frame ([B, F, C, H, W],
// as a temporal layer's input [B * F, C, H, W] is), the kT input frames an output frame reads are kT * C
// consecutive rows of positions, so each output frame is one product per block of positions, with no copy: the
// weight as [out, kT * in] times those rows, accumulated in float32 and rounded once as oneDNN's convolution
// rounds. A frame at the clip's edge takes only the taps inside the clip (the padding's zeros are not multiplied).
// The result stays frame by frame, for the next GroupNorm (CancellablePasses.h) and the layer's residual sum.
// float32 keeps libtorch's convolution.
#pragma once
#include <ATen/Tensor.h>
#include <torch/nn/options/conv.h>

#include <cstdint>

namespace i2v {

class CancelToken;

// Whether `temporalConvolution` runs a Conv3d with `options` on `input` [B, in, F, H, W] and `weight`
// [out, in, kT, 1, 1]: bf16 on the CPU with bf16 products (Bf16Arithmetic.h), zero padding along the frames
// only, no stride, dilation or groups, and at least 128 output channels and 384 multiply-adds per output element
// (below, the thin products lost to the convolution: 32 channels 0.75x, 64 channels 0.88x; 128 channels 1.1-2.1x).
bool temporalConvolutionApplies(const at::Tensor& input, const at::Tensor& weight,
                                const torch::nn::Conv3dOptions& options);

// at::conv3d(input, weight, bias, 1, {framePadding, 0, 0}) for such a kernel, as a [B, out, F', H, W] view of a
// tensor laid out frame by frame (the input is copied into that layout first unless it is in it); the threads share
// blocks of positions of each output frame, the token checked between waves of blocks. Any float dtype (the tests
// compare float32 and float64 too).
at::Tensor temporalConvolution(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias,
                               int64_t framePadding, const CancelToken* cancel);

} // namespace i2v
