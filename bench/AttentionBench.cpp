#include "BenchSupport.h"
#include "Benchmarks.h"

#include "models/AttentionKernel.h"
#include "pipeline/DevicePlacement.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>

namespace i2v::bench {

nlohmann::json runAttentionBench(const AttentionBenchArgs& a) {
    if (a.shape.size() != 5)
        throw InputError("--shape must be B,H,Lq,Lk,D");
    for (int64_t s : a.shape)
        if (s < 1)
            throw InputError("--shape: every size must be at least 1");
    c10::InferenceMode guard;
    const c10::Device device = resolveDevice(a.options.device);
    const PipelineOptions resolved = resolveForDevice(a.options, device);
    const auto dtype = scalarTypeOf(resolved.dtype);
    const int64_t b = a.shape[0], heads = a.shape[1], lq = a.shape[2], lk = a.shape[3], d = a.shape[4];
    at::Generator g = at::make_generator<at::CPUGeneratorImpl>(1);
    const auto make = [&](int64_t len) { return at::randn({b, heads, len, d}, g, at::TensorOptions()).to(device, dtype); };
    const at::Tensor q = make(lq), k = make(lk), v = make(lk);
    const double scale = 1.0 / std::sqrt(double(d));

    CancelToken cancel;
    CancelCheckGaps gaps;
    cancel.setCheckObserver(&gaps);
    std::vector<double> times;
    at::Tensor out;
    for (int i = 0; i < a.warmup + a.repeat; ++i) {
        Stopwatch call(device);
        gaps.arm();
        out = scaledDotProductAttention(q, k, v, {}, scale, resolved.attention, true, a.withCancelToken ? &cancel : nullptr);
        if (i >= a.warmup)
            times.push_back(call.seconds());
    }
    const double flops = 2.0 * double(b * heads * lq) * double(lk) * double(2 * d);
    const ScoreChunk chunk = scoreChunk(b * heads, lq, lk, false, resolved.attention);
    nlohmann::json result;
    result["attention"] = summarize(times);
    result["gflop"] = flops / 1e9;
    result["gflop_per_s"] = times.empty() ? 0.0 : flops / result["attention"]["median_s"].get<double>() / 1e9;
    // How the CPU fallback cuts the scores without a token (a token may cut them further).
    result["score_chunk"] = {{"matrices", chunk.matrices}, {"rows", chunk.rows}};
    if (a.withCancelToken)
        result["longest_gap_between_cancel_checks_s"] = gaps.longest();
    result["output_finite"] = bool(at::isfinite(out).all().item<bool>());
    result["peak_rss_mb"] = peakRssMb();
    result["settings"] = {{"shape", a.shape}, {"cancel_token", a.withCancelToken}, {"warmup", a.warmup}, {"repeat", a.repeat}};
    return result;
}

} // namespace i2v::bench
