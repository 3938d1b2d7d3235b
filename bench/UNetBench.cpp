#include "BenchSupport.h"
#include "Benchmarks.h"

#include "io/DiffusersFolder.h"
#include "io/SafetensorsFile.h"
#include "models/WeightLoader.h"
#include "models/unets/UNetI2VGenXL.h"
#include "pipeline/ComputeCost.h"
#include "pipeline/DevicePlacement.h"
#include "util/Errors.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>

#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>

namespace i2v::bench {
nlohmann::json runUNetBench(const UNetBenchArgs& a) {
    if (a.shape.size() != 5 || a.shape[0] != 2)
        throw InputError("--shape must be 2,C,F,h,w (the CFG batch of two)");
    c10::InferenceMode guard;
    const c10::Device device = resolveDevice(a.options.device);
    const PipelineOptions resolved = resolveForDevice(a.options, device);
    const auto dtype = scalarTypeOf(resolved.dtype);
    if (device.is_cuda())
        setCudaTf32(resolved.allowTf32);
    nlohmann::json out;

    const double rssBefore = currentRssMb();
    Stopwatch load(device);
    DiffusersFolder folder(a.model);
    UNetI2VGenXL unet(UNetI2VGenXLConfig::fromJson(folder.componentConfig("unet")));
    WeightLoadOptions options;
    options.dtype = dtype;
    options.device = device;
    options.keepHalfWeights = resolved.keepHalfWeights;
    loadWeights(unet, SafetensorsFile(folder.weightsFile("unet", weightsVariantOf(resolved))), options);
    unet.eval();
    applyAttentionSettings(unet, resolved.attention);
    out["load_s"] = load.seconds();
    out["rss_after_load_mb"] = currentRssMb() - rssBefore;
    out["peak_rss_after_load_mb"] = peakRssMb();
    int64_t params = 0;
    for (const auto& p : unet.parameters())
        params += p.numel();
    out["parameters"] = params;

    // The pipeline's CFG inputs: first-frame latent + frame-position masks, a zero image embedding
    // for the unconditional half, 77 text tokens.
    const int64_t b = a.shape[0], c = a.shape[1], f = a.shape[2], h = a.shape[3], w = a.shape[4];
    const int64_t crossDim = unet.config().crossAttentionDim;
    at::Generator g = at::make_generator<at::CPUGeneratorImpl>(1);
    const auto cpu = at::TensorOptions().dtype(at::kFloat);
    const at::Tensor sample = at::randn({b, c, f, h, w}, g, cpu);
    const at::Tensor firstLatent = at::randn({1, c, 1, h, w}, g, cpu);
    std::vector<at::Tensor> parts{firstLatent};
    for (int64_t j = 0; j + 1 < f; ++j)
        parts.push_back(at::ones_like(firstLatent) * (double(j + 1) / double(f - 1)));
    const at::Tensor imageLatents = at::cat(parts, 2).repeat({2, 1, 1, 1, 1});
    const at::Tensor text = at::randn({b, 77, crossDim}, g, cpu);
    const at::Tensor imageEmbeddings = at::cat({at::zeros({1, 1, crossDim}), at::randn({1, 1, crossDim}, g, cpu)});
    const auto on = [&](const at::Tensor& t) { return t.to(device, dtype); };
    const at::Tensor timestep = at::tensor(int64_t(981)).to(device);
    const at::Tensor fps = at::full({b}, 16, at::TensorOptions().dtype(at::kLong).device(device));

    resetPeakCuda(device);
    std::vector<double> times;
    at::Tensor result;
    for (int i = 0; i < a.warmup + a.repeat; ++i) {
        Stopwatch call(device);
        result = unet.forward(on(sample), timestep, fps, on(imageLatents), on(imageEmbeddings), on(text));
        if (i >= a.warmup)
            times.push_back(call.seconds());
    }
    out["forward"] = summarize(times);
    // The pipeline's step: the conditioning (fps, context tokens, image-latent branch) encoded once per job.
    const UNetConditioning cond = unet.encodeConditioning(fps, on(imageLatents), on(imageEmbeddings), on(text));
    std::vector<double> stepTimes;
    for (int i = 0; i < a.repeat; ++i) {
        Stopwatch call(device);
        result = unet.forward(on(sample), timestep, cond);
        stepTimes.push_back(call.seconds());
    }
    out["forward_conditioning_cached"] = summarize(stepTimes);

    // The arithmetic of one step (pipeline/ComputeCost.h) against this machine's GEMM rate in the same dtype:
    // how much of the hardware the forward uses.
    std::vector<WeightShape> shapes;
    for (const auto& p : unet.named_parameters())
        shapes.push_back({p.key(), p.value().sizes().vec()});
    const FlopCount flops = UNetCost(shapes, cond.context.size(1)).forward(b, f, h, w);
    std::sort(stepTimes.begin(), stepTimes.end());
    const double stepSeconds = stepTimes[stepTimes.size() / 2];
    const double gemm = gemmFlopsPerSecond(dtype, device);
    out["gflop"] = {{"total", flops.total() / 1e9},
                    {"convolution", flops.convolution / 1e9},
                    {"linear", flops.linear / 1e9},
                    {"attention", flops.attention / 1e9}};
    out["gflop_per_s"] = flops.total() / stepSeconds / 1e9;
    out["gemm_gflop_per_s"] = gemm / 1e9;
    out["fraction_of_gemm_rate"] = flops.total() / stepSeconds / gemm;
    if (!a.profileTrace.empty())
        profileOnce(a.profileTrace, [&] { result = unet.forward(on(sample), timestep, cond); });
    out["output_finite"] = bool(at::isfinite(result).all().item<bool>());
    if (!a.saveOutput.empty())
        SafetensorsFile::write(a.saveOutput, {{"output", result.to(at::kCPU, at::kFloat).contiguous()}},
                               {{"format", "pt"}, {"generator", "i2v-bench unet"}});
    out["peak_rss_mb"] = peakRssMb();
    if (device.is_cuda())
        out["peak_cuda_mb"] = peakCudaMb(device);
    out["settings"] = {{"shape", a.shape}, {"warmup", a.warmup}, {"repeat", a.repeat}};
    return out;
}

} // namespace i2v::bench
