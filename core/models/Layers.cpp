#include "models/Layers.h"

#include "models/Bf16Arithmetic.h"
#include "models/CancellableSlices.h"
#include "models/ParallelMatmul.h"
#include "models/TemporalConvolution.h"
#include "models/WeightUpcast.h"
#include "util/TorchVariant.h"

#include <ATen/ATen.h>
#include <torch/nn/functional/conv.h>

namespace i2v {
namespace {

// The weight in the dtype the layer's products run in: the input's, or fp32 for bf16 products computed in fp32
// (Bf16Arithmetic.h). Converted once per layer call, not once per cancellable slice or row band.
at::Tensor weightFor(const at::Tensor& weight, const at::Tensor& input) {
    const at::ScalarType type = bf16ProductsInFloat(input) ? at::kFloat : input.scalar_type();
    if (weight.scalar_type() == type)
        return weight;
    return type == at::kFloat ? upcastToFloat(weight) : weight.to(type);
}

} // namespace

LinearImpl::LinearImpl(const torch::nn::LinearOptions& o) : options(o) {
    reset();
}

void LinearImpl::reset() {
    weight = register_parameter("weight", at::empty({options.out_features(), options.in_features()}), false);
    if (options.bias())
        bias = register_parameter("bias", at::empty({options.out_features()}), false);
}

at::Tensor LinearImpl::forward(const at::Tensor& input, const CancelToken* cancel) {
    const at::Tensor w = weightFor(weight, input);
    if (!cancel || input.dim() < 2)
        return parallelLinear(input, w, bias);
    // Cut along the longest leading dimension (the token rows): each output row is the same dot products, up to
    // float rounding (OpenBLAS blocks a smaller GEMM differently; tst_cancel_within_calls).
    int64_t dim = 0;
    for (int64_t d = 1; d + 1 < input.dim(); ++d)
        if (input.size(d) > input.size(dim))
            dim = d;
    const double flops = 2.0 * double(input.numel()) * double(w.size(0));
    return runInCancellableSlices(input.size(dim), dim, flops, cancel, [&](int64_t start, int64_t len) {
        return parallelLinear(pieceOf(input, dim, start, len), w, bias);
    });
}

template <size_t D, typename Derived>
ConvImpl<D, Derived>::ConvImpl(const torch::nn::ConvOptions<D>& o) : options(o) {
    reset();
}

template <size_t D, typename Derived>
void ConvImpl<D, Derived>::reset() {
    TORCH_CHECK(options.in_channels() % options.groups() == 0, "ConvImpl: in_channels must divide by groups");
    std::vector<int64_t> shape{options.out_channels(), options.in_channels() / options.groups()};
    const c10::IntArrayRef kernel = options.kernel_size();
    for (int64_t k : kernel)
        shape.push_back(k);
    weight = this->register_parameter("weight", at::empty(shape), false);
    if (options.bias())
        bias = this->register_parameter("bias", at::empty({options.out_channels()}), false);
}

// The models here only use zero padding (libtorch's padding_mode default), which is what the
// functional convolutions do.
template <size_t D, typename Derived>
at::Tensor ConvImpl<D, Derived>::forward(const at::Tensor& input, const CancelToken* cancel) {
    const at::Tensor w = weightFor(weight, input);
    if constexpr (D == 3) {
        if (temporalConvolutionApplies(input, w, options)) {
            const int64_t framePadding = (*alternativeIf<torch::ExpandingArray<D>>(options.padding()))->at(0);
            return temporalConvolution(input, w, bias, framePadding, cancel);
        }
    }
    // bf16 without a vector kernel here: fp32 arithmetic (w is fp32 already, weightFor), the result rounded to
    // bf16 (Bf16Arithmetic.h). The input is widened a slice or row band at a time, so that no whole fp32 copy
    // of it is held.
    const bool widen = bf16ProductsInFloat(input);
    const at::Tensor b = widen ? widenedBf16(bias) : bias;
    auto convPadded = [&](const at::Tensor& x, const torch::nn::detail::conv_padding_t<D>& padding) {
        const at::Tensor in = widen ? widenedBf16(x) : x;
        at::Tensor out;
        if constexpr (D == 2)
            out = torch::nn::functional::detail::conv2d(in, w, b, options.stride(), padding, options.dilation(),
                                                        options.groups());
        else
            out = torch::nn::functional::detail::conv3d(in, w, b, options.stride(), padding, options.dilation(),
                                                        options.groups());
        return widen ? out.to(at::kBFloat16) : out;
    };
    auto conv = [&](const at::Tensor& x) { return convPadded(x, options.padding()); };
    if (!cancel)
        return conv(input);
    // Multiply-adds per output element times the output's size (its spatial size: the input's over the stride).
    const c10::IntArrayRef kernel = options.kernel_size(), stride = options.stride();
    double flops = 2.0 * double(w.numel()) * double(input.size(0));
    for (size_t i = 0; i < D; ++i)
        flops *= double(input.size(int64_t(i) + 2)) / double(stride[i]);
    // The batch is cut, or the rows where the kernel does not reach across them (the temporal convolutions'
    // 3x1x1, whose batch is only the two guidance halves).
    int64_t dim = 0;
    if constexpr (D == 3) {
        // kValid and (for a kernel of 1) kSame pad nothing.
        const auto* padding = alternativeIf<torch::ExpandingArray<D>>(options.padding());
        if (kernel[1] == 1 && stride[1] == 1 && (!padding || (*padding)->at(1) == 0))
            dim = 3;
    }
    // One image can still be far above the bound (a 3x3 convolution of a 1280x704 frame in the VAE decoder is
    // 266 GFLOP, the UNet's last upsampler 104 GFLOP per frame, the VAE encoder's strided downsamplers 66):
    // then bands of output rows, each from the input rows it reads, zero rows standing in for the padding at
    // the image's edges. Up to float rounding, as for the temporal convolutions' rows.
    const auto* padding = alternativeIf<torch::ExpandingArray<D>>(options.padding());
    const bool rowsCanBeCut = D == 2 && padding && options.dilation()->at(0) == 1 &&
                              2 * (*padding)->at(0) < kernel[0] + 1;
    auto convInRowBands = [&](const at::Tensor& x, double bandFlops) {
        const int64_t pad = (*padding)->at(0), height = x.size(2), step = stride[0];
        const int64_t outRows = (height + 2 * pad - kernel[0]) / step + 1;
        torch::ExpandingArray<D> widthOnly(0);
        for (size_t i = 1; i < D; ++i)
            widthOnly->at(i) = (*padding)->at(i);
        return runInCancellableSlices(outRows, 2, bandFlops, cancel, [&](int64_t first, int64_t rows) {
            const int64_t from = first * step - pad, to = (first + rows - 1) * step - pad + kernel[0];  // [from, to)
            const int64_t lo = std::max<int64_t>(0, from), hi = std::min(height, to);
            at::Tensor band = x.narrow(2, lo, hi - lo);
            if (lo > from || to > hi)
                band = at::constant_pad_nd(band, {0, 0, lo - from, to - hi});
            return convPadded(band, widthOnly);
        });
    };
    return runInCancellableSlices(input.size(dim), dim, flops, cancel, [&](int64_t start, int64_t len) {
        const at::Tensor part = pieceOf(input, dim, start, len);
        const double partFlops = flops * double(len) / double(input.size(dim));
        return rowsCanBeCut && dim == 0 && partFlops > kFlopsBetweenCancelChecks ? convInRowBands(part, partFlops)
                                                                                 : conv(part);
    });
}

template class ConvImpl<2, Conv2dImpl>;
template class ConvImpl<3, Conv3dImpl>;

} // namespace i2v
