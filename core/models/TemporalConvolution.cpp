#include "models/TemporalConvolution.h"

#include "models/Bf16Arithmetic.h"
#include "models/CancellableWaves.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <vector>

namespace i2v {
namespace {

// Positions per product: 256-4096 measured the same (3 x 320 x 1024 bf16 stacked rows = 1.9 MB a thread).
constexpr int64_t kPositionBlock = 1024;
constexpr int64_t kMinOutChannels = 128;
constexpr int64_t kMinProductDepth = 384;

} // namespace

bool temporalConvolutionApplies(const at::Tensor& input, const at::Tensor& weight,
                                const torch::nn::Conv3dOptions& options) {
    if (!input.device().is_cpu() || input.dim() != 5 || input.scalar_type() != at::kBFloat16 ||
        weight.scalar_type() != at::kBFloat16 || bf16ProductsInFloat(input))
        return false;
    const auto* padding = c10::get_if<torch::ExpandingArray<3>>(&options.padding());
    const auto kernel = options.kernel_size(), stride = options.stride(), dilation = options.dilation();
    if (!padding || !c10::get_if<torch::enumtype::kZeros>(&options.padding_mode()) || options.groups() != 1)
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
    // [out, in, kT] -> [out, kT * in]: row k * in + c of a stacked block holds tap k's input channel c.
    const at::Tensor stackedWeight = weight.to(input.scalar_type()).reshape({out, in, taps}).permute({0, 2, 1}).reshape({out, taps * in});
    const at::Tensor columnBias = bias.defined() ? bias.to(input.scalar_type()).reshape({out, 1}) : bias;
    const at::Tensor x = input.reshape({batch, in, frames, positions});
    at::Tensor result = at::empty({batch, out, outFrames, input.size(3), input.size(4)}, input.options());
    const at::Tensor y = result.view({batch, out, outFrames, positions});

    const int64_t block = std::min(kPositionBlock, positions), blocks = (positions + block - 1) / block;
    std::vector<at::Tensor> stacked(static_cast<size_t>(parallelMatmulThreads()));
    for (at::Tensor& s : stacked)
        s = at::empty({taps * in, block}, input.options());
    const double unitFlops = 2.0 * double(out) * double(taps * in) * double(block);
    runInWaves(batch * outFrames * blocks, unitFlops, cancel, [&](int64_t unit, int64_t thread) {
        const int64_t sample = unit / (outFrames * blocks), frame = unit / blocks % outFrames;
        const int64_t first = unit % blocks * block, count = std::min(block, positions - first);
        // Output frame f reads input frames f + k - padding; the taps that land inside the clip.
        const int64_t firstTap = std::max<int64_t>(0, framePadding - frame);
        const int64_t endTap = std::min(taps, frames + framePadding - frame);
        const int64_t depth = (endTap - firstTap) * in;
        at::Tensor rows = stacked[size_t(thread)].narrow(0, 0, depth).narrow(1, 0, count);
        for (int64_t k = firstTap; k < endTap; ++k)
            rows.narrow(0, (k - firstTap) * in, in)
                .copy_(x.select(0, sample).select(1, frame + k - framePadding).narrow(1, first, count));
        at::Tensor target = y.select(0, sample).select(1, frame).narrow(1, first, count);
        const at::Tensor w = stackedWeight.narrow(1, firstTap * in, depth);
        if (columnBias.defined())
            at::addmm_out(target, columnBias, w, rows);
        else
            at::mm_out(target, w, rows);
    });
    return result;
}

} // namespace i2v
