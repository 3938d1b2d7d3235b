#include "models/CancellablePasses.h"

#include "models/Bf16Arithmetic.h"
#include "models/CancellableSlices.h"
#include "models/GroupNormAvx512.h"
#include "models/ParallelChunks.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <optional>

namespace i2v {
namespace {

// What a GroupNorm with its SiLU reads and writes, in multiples of its input: a contiguous copy where the input
// is a permuted view, the statistics, the normalised result, and the SiLU or the copy into place.
constexpr double kGroupNormPasses = 7.0;
constexpr double kLayerNormPasses = 5.0;  // statistics, normalised result, the copy into place
constexpr double kAddPasses = 3.0;        // two reads, one write

// What a bfloat16 norm reads and writes per piece: its float32 copy and result stay small beside the tensor,
// and every piece reuses the pages the one before freed (util/HugePageAllocator.h).
constexpr double kWidenedPieceBytes = double(int64_t(256) << 20);

double bytesOf(const at::Tensor& x) { return double(x.numel()) * double(x.element_size()); }

at::Tensor widened(const at::Tensor& t, bool widen) { return widen ? widenedBf16(t) : t; }

// The most a norm's piece moves: the cancel bound, or the tighter one of a norm computed in float32.
double normPieceBytes(bool widen) { return widen ? kWidenedPieceBytes : kBytesBetweenCancelChecks; }

// forEachCancellablePiece, and for a norm computed in float32 always in pieces (their temporaries bounded).
void forEachNormPiece(int64_t size, double bytesPerEntry, int64_t minEntries, bool widen, const CancelToken* cancel,
                      const std::function<void(int64_t start, int64_t len)>& body) {
    if (widen)
        forEachPiece(size, bytesPerEntry, minEntries, normPieceBytes(widen), cancel, body);
    else
        forEachCancellablePiece(size, bytesPerEntry, minEntries, cancel, body);
}

// How normaliseInLanes walks x [N, C, ...]: each channel's values contiguous (`spatial` of them), and either the
// channels of a sample one after the other, or, for [N, C, F, H, W] laid out frame by frame (a temporal layer's
// view of its [N * F, C, H, W] input), the channels of each frame one after the other, frames `frameStride` apart.
struct LaneLayout {
    int64_t spatial = 0, frames = 1, frameStride = 0;
};

std::optional<LaneLayout> laneLayoutOf(const at::Tensor& x) {
    if (x.is_contiguous()) {
        const int64_t planes = x.size(0) * x.size(1);
        return LaneLayout{planes > 0 ? x.numel() / planes : 0, 1, 0};
    }
    if (x.dim() == 5 && x.stride(4) == 1 && x.stride(3) == x.size(4) && x.stride(1) == x.size(3) * x.size(4))
        return LaneLayout{x.size(3) * x.size(4), x.size(2), x.stride(2)};
    return std::nullopt;
}

// normalise for bf16 in AVX-512 lanes (GroupNormAvx512.h): the threads share the piece's groups.
void normaliseInLanes(const torch::nn::GroupNormImpl& norm, const at::Tensor& x, at::Tensor out, int64_t groups,
                      int64_t firstChannel, bool silu, const LaneLayout& layout) {
    const int64_t channels = x.size(1), perGroup = channels / groups;
    const at::Tensor weight = norm.weight.narrow(0, firstChannel, channels).to(at::kFloat).contiguous();
    const at::Tensor bias = norm.bias.narrow(0, firstChannel, channels).to(at::kFloat).contiguous();
    const auto* in = reinterpret_cast<const uint16_t*>(x.data_ptr<at::BFloat16>());
    auto* to = reinterpret_cast<uint16_t*>(out.data_ptr<at::BFloat16>());
    const float eps = float(norm.options.eps());
    const int64_t sampleStride = x.stride(0), channelStride = x.stride(1);
    parallelChunks(x.size(0) * groups, 1, [&](int64_t begin, int64_t end) {
        for (int64_t unit = begin; unit < end; ++unit) {  // (sample, group) in memory order
            const int64_t first = unit % groups * perGroup;
            const int64_t offset = unit / groups * sampleStride + first * channelStride;
            avx512::groupNormGroup(in + offset, to + offset, perGroup, layout.spatial, weight.data_ptr<float>() + first,
                                   bias.data_ptr<float>() + first, eps, silu, layout.frames, layout.frameStride);
        }
    });
}

void normalise(const torch::nn::GroupNormImpl& norm, const at::Tensor& x, at::Tensor out, int64_t groups,
               int64_t firstChannel, bool silu) {
    const int64_t channels = x.size(1);
    const bool widen = bf16PassesInFloat(x);
    if (widen && avx512::available() && norm.weight.defined() && norm.bias.defined() &&
        out.scalar_type() == at::kBFloat16 && ((x.is_contiguous() && out.is_contiguous()) || out.strides() == x.strides())) {
        if (const auto layout = laneLayoutOf(x)) {
            normaliseInLanes(norm, x, out, groups, firstChannel, silu, *layout);
            return;
        }
    }
    at::Tensor y = at::group_norm(widened(x, widen), groups, widened(norm.weight.narrow(0, firstChannel, channels), widen),
                                  widened(norm.bias.narrow(0, firstChannel, channels), widen), norm.options.eps());
    if (silu && !widen) {
        at::silu_out(out, y);
        return;
    }
    if (silu)
        at::silu_(y);
    out.copy_(y);
}

} // namespace

at::Tensor groupNorm(const torch::nn::GroupNormImpl& norm, const at::Tensor& x, bool silu, const CancelToken* cancel) {
    if (!bf16PassesInFloat(x) && (!cancel || bytesOf(x) * kGroupNormPasses <= kBytesBetweenCancelChecks)) {
        at::Tensor y = at::group_norm(x, norm.options.num_groups(), norm.weight, norm.bias, norm.options.eps());
        return silu ? at::silu_(y) : y;
    }
    // In x's layout where it is dense (a temporal layer's frame-by-frame view stays frame by frame).
    at::Tensor out = at::empty_like(x);
    groupNormInto(norm, x, out, silu, cancel);
    return out;
}

void groupNormInto(const torch::nn::GroupNormImpl& norm, const at::Tensor& x, at::Tensor out, bool silu,
                   const CancelToken* cancel) {
    const int64_t samples = x.size(0), groups = norm.options.num_groups();
    const int64_t perGroup = x.size(1) / groups;
    const bool widen = bf16PassesInFloat(x);
    const double sampleBytes = samples > 0 ? bytesOf(x) / double(samples) * kGroupNormPasses : 0.0;
    if (sampleBytes <= normPieceBytes(widen)) {
        forEachNormPiece(samples, sampleBytes, 1, widen, cancel, [&](int64_t start, int64_t len) {
            normalise(norm, pieceOf(x, 0, start, len), pieceOf(out, 0, start, len), groups, 0, silu);
        });
        return;
    }
    // A sample larger than a piece (the temporal layers see all frames of a sample at once): pieces of groups,
    // as many as there are threads at least, since the kernel shares its work out by sample and group.
    for (int64_t s = 0; s < samples; ++s) {
        const at::Tensor sample = x.narrow(0, s, 1);
        const at::Tensor into = out.narrow(0, s, 1);
        forEachNormPiece(groups, sampleBytes / double(groups), at::get_num_threads(), widen, cancel,
                         [&](int64_t first, int64_t len) {
                             normalise(norm, sample.narrow(1, first * perGroup, len * perGroup),
                                       into.narrow(1, first * perGroup, len * perGroup), len,
                                       first * perGroup, silu);
                         });
    }
}

at::Tensor layerNorm(const torch::nn::LayerNormImpl& norm, const at::Tensor& x, const CancelToken* cancel) {
    const auto& shape = norm.options.normalized_shape();
    const bool widen = bf16PassesInFloat(x);
    if (!widen && (!cancel || bytesOf(x) * kLayerNormPasses <= kBytesBetweenCancelChecks))
        return at::layer_norm(x, shape, norm.weight, norm.bias, norm.options.eps());
    int64_t width = 1;
    for (int64_t d : shape)
        width *= d;
    const at::Tensor rows = x.reshape({-1, width});
    const at::Tensor weight = widened(norm.weight.reshape({width}), widen), bias = widened(norm.bias.reshape({width}), widen);
    at::Tensor out = at::empty(rows.sizes(), x.options());
    forEachNormPiece(rows.size(0), double(width * x.element_size()) * kLayerNormPasses, 1, widen, cancel,
                     [&](int64_t start, int64_t len) {
                         out.narrow(0, start, len)
                             .copy_(at::layer_norm(widened(rows.narrow(0, start, len), widen), {width}, weight, bias,
                                                   norm.options.eps()));
                     });
    return out.view(x.sizes());
}

at::Tensor catChannels(const std::vector<at::Tensor>& parts, const CancelToken* cancel) {
    double bytes = 0;
    for (const at::Tensor& p : parts)
        bytes += bytesOf(p);
    if (!cancel || parts.empty() || 2 * bytes <= kBytesBetweenCancelChecks)
        return at::cat(parts, 1);
    std::vector<int64_t> shape = parts.front().sizes().vec();
    shape[1] = 0;
    for (const at::Tensor& p : parts)
        shape[1] += p.size(1);
    at::Tensor out = at::empty(shape, parts.front().options());
    forEachCancellablePiece(shape[0], 2 * bytes / double(shape[0]), 1, cancel, [&](int64_t start, int64_t len) {
        int64_t channel = 0;
        for (const at::Tensor& p : parts) {
            out.narrow(0, start, len).narrow(1, channel, p.size(1)).copy_(p.narrow(0, start, len));
            channel += p.size(1);
        }
    });
    return out;
}

at::Tensor upsampleNearest(const at::Tensor& x, const std::vector<int64_t>& size, const CancelToken* cancel) {
    // Every (sample, channel) plane is copied within itself: pieces of planes, each the copy one call makes.
    const at::Tensor planes = x.reshape({-1, 1, x.size(2), x.size(3)});
    at::Tensor out = at::empty({x.size(0), x.size(1), size[0], size[1]}, x.options());
    at::Tensor outPlanes = out.view({-1, 1, size[0], size[1]});
    const double planeBytes = 3.0 * double(size[0] * size[1]) * double(out.element_size());
    forEachCancellablePiece(planes.size(0), planeBytes, at::get_num_threads(), cancel, [&](int64_t start, int64_t len) {
        const at::Tensor from = planes.narrow(0, start, len);
        at::Tensor to = outPlanes.narrow(0, start, len);
        // Nearest interpolation copies values, so bfloat16 gives the same bits in either dtype: on the CPU
        // libtorch's own bfloat16 kernel (1.13 has one; through float32 took 3x as long and, in the VAE's last
        // upsampling, 3.5 s between two cancel checks), elsewhere float32 as diffusers does (older CUDA builds
        // had no bfloat16 kernel).
        if (x.scalar_type() == at::kBFloat16 && !x.is_cpu())
            to.copy_(at::upsample_nearest2d(from.to(at::kFloat), size));
        else
            at::upsample_nearest2d_out(to, from, size);
    });
    return out;
}

at::Tensor sumContiguous(const at::Tensor& a, const at::Tensor& b, const CancelToken* cancel, int64_t dim) {
    at::Tensor out = at::empty(b.sizes(), b.options());
    if (b.dim() == 0)
        return at::add_out(out, a, b);
    const int64_t entries = b.size(dim);
    forEachCancellablePiece(entries, bytesOf(b) / double(std::max<int64_t>(1, entries)) * kAddPasses, 1, cancel,
                            [&](int64_t start, int64_t len) {
                                at::Tensor piece = pieceOf(out, dim, start, len);
                                at::add_out(piece, pieceOf(a, dim, start, len), pieceOf(b, dim, start, len));
                            });
    return out;
}

void addInPlace(at::Tensor& sum, const at::Tensor& addend, const CancelToken* cancel) {
    if (sum.dim() == 0) {
        sum.add_(addend);
        return;
    }
    const at::Tensor expanded = addend.expand_as(sum);
    const int64_t entries = sum.size(0);
    forEachCancellablePiece(entries, bytesOf(sum) / double(std::max<int64_t>(1, entries)) * kAddPasses, 1, cancel,
                            [&](int64_t start, int64_t len) {
                                pieceOf(sum, 0, start, len).add_(pieceOf(expanded, 0, start, len));
                            });
}

} // namespace i2v
