#include "models/TemporalConvolution.h"

#include "models/Bf16Arithmetic.h"
#include "models/CancellableWaves.h"
#include "util/TorchVariant.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace i2v {
namespace {

// Positions per product: 256-4096 measured the same (with an earlier version that stacked the frames' rows).
constexpr int64_t kPositionBlock = 1024;
constexpr int64_t kMinOutChannels = 128;
constexpr int64_t kMinProductDepth = 384;

} // namespace

bool temporalConvolutionApplies(const at::Tensor& input, const at::Tensor& weight,
                                const torch::nn::Conv3dOptions& options) {
    if (!input.device().is_cpu() || input.dim() != 5 || input.scalar_type() != at::kBFloat16 ||
        weight.scalar_type() != at::kBFloat16 || bf16ProductsInFloat(input))
        return false;
    const auto* padding = alternativeIf<torch::ExpandingArray<3>>(options.padding());
    const auto kernel = options.kernel_size(), stride = options.stride(), dilation = options.dilation();
    if (!padding || !alternativeIf<torch::enumtype::kZeros>(options.padding_mode()) || options.groups() != 1)
        return false;
    for (int i = 0; i < 3; ++i)
        if (stride->at(i) != 1 || dilation->at(i) != 1)
            return false;
    return kernel->at(1) == 1 && kernel->at(2) == 1 && (*padding)->at(1) == 0 && (*padding)->at(2) == 0 &&
           (*padding)->at(0) < kernel->at(0) && input.size(2) + 2 * (*padding)->at(0) >= kernel->at(0) &&
           options.out_channels() >= kMinOutChannels && kernel->at(0) * options.in_channels() >= kMinProductDepth;
}

at::Tensor temporalConvolution(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias,
                               int64_t framePadding, const CancelToken* cancel) {
    const int64_t batch = input.size(0), in = input.size(1), frames = input.size(2);
    const int64_t positions = input.size(3) * input.size(4), out = weight.size(0), taps = weight.size(2);
    const int64_t outFrames = frames + 2 * framePadding - taps + 1;
    TORCH_CHECK(weight.dim() == 5 && weight.size(1) == in && weight.size(3) == 1 && weight.size(4) == 1 &&
                    outFrames > 0 && framePadding < taps,
                "temporalConvolution: a kT x 1 x 1 kernel over the input's channels");
    // [out, in, kT] -> [out, kT * in]: column k * in + c multiplies tap k's input channel c.
    const at::Tensor stackedWeight =
        weight.to(input.scalar_type()).reshape({out, in, taps}).permute({0, 2, 1}).reshape({out, taps * in});
    const at::Tensor columnBias = bias.defined() ? bias.to(input.scalar_type()).reshape({out, 1}) : bias;
    // Frame by frame ([B, F, C, positions]; no copy when the input is laid out so already): then the kT frames an
    // output frame reads are kT * in consecutive rows of positions.
    const at::Tensor x = input.transpose(1, 2).contiguous().view({batch, frames * in, positions});
    at::Tensor result = at::empty({batch, outFrames, out, input.size(3), input.size(4)}, input.options());
    const at::Tensor y = result.view({batch, outFrames, out, positions});

    const int64_t block = std::min(kPositionBlock, positions), blocks = (positions + block - 1) / block;
    const double unitFlops = 2.0 * double(out) * double(taps * in) * double(block);
    runInWaves(batch * outFrames * blocks, unitFlops, cancel, [&](int64_t unit, int64_t) {
        const int64_t sample = unit / (outFrames * blocks), frame = unit / blocks % outFrames;
        const int64_t first = unit % blocks * block, count = std::min(block, positions - first);
        // Output frame f reads input frames f + k - padding: the taps that land inside the clip.
        const int64_t firstTap = std::max<int64_t>(0, framePadding - frame);
        const int64_t endTap = std::min(taps, frames + framePadding - frame);
        const int64_t depth = (endTap - firstTap) * in;
        const at::Tensor rows =
            x.select(0, sample).narrow(0, (frame + firstTap - framePadding) * in, depth).narrow(1, first, count);
        const at::Tensor w = stackedWeight.narrow(1, firstTap * in, depth);
        at::Tensor target = y.select(0, sample).select(0, frame).narrow(1, first, count);
        if (columnBias.defined())
            at::addmm_out(target, columnBias, w, rows);
        else
            at::mm_out(target, w, rows);
    });
    // [B, out, F, H, W], laid out frame by frame as its input.
    return result.transpose(1, 2);
}

} // namespace i2v
