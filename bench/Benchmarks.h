// The benchmarks i2v-bench runs. Each returns one JSON object (seconds and MiB); main() prints it
// as JSON and as a table.
#pragma once
#include "pipeline/PipelineOptions.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace i2v::bench {

// A whole job as the app runs it: load, then `warmup` untimed and `repeat` timed generate() calls
// (stage and per-step times from the observer), then one export. Each call has a cancel token, as the app's
// jobs do (large ops then run in cancellable slices); the longest stretch between two of its checks is reported.
struct PipelineBenchArgs {
    std::string model, image, prompt = "A red fox jumping over a frozen river at sunset, cinematic lighting, 4k";
    std::string negativePrompt = "Distorted, discontinuous, Ugly, blurry, low resolution, motionless, static, "
                                 "disfigured, disconnected limbs, Ugly faces, incomplete arms";
    int width = 96, height = 64, frames = 4, steps = 4, fps = 16, decodeChunk = 1;
    double guidance = 9.0;
    std::string scheduler;
    uint64_t seed = 0;
    int warmup = 1, repeat = 3;
    bool exportVideo = true;
    std::string profileTrace;  // when set: one extra run under the op profiler, Chrome trace written here
    double traceGapsOver = 0;  // print where each stretch without a cancel check longer than this ended
    PipelineOptions options;
};

// One UNet forward on inputs shaped like the pipeline's CFG batch (as ../shared/reference/bench_unet.py
// builds them), after loading only the unet component.
struct UNetBenchArgs {
    std::string model;
    std::vector<int64_t> shape{2, 4, 2, 16, 16};  // sample [B, C, F, h, w]
    int warmup = 0, repeat = 3;
    std::string profileTrace;  // as PipelineBenchArgs::profileTrace, for one forward with cached conditioning
    std::string saveOutput;    // the last forward's output, float32, as tensor "output" of this .safetensors file
    PipelineOptions options;
};

// One attention op of the engine (models/AttentionKernel.h) on random q, k, v [B, H, L, D], as the UNet's layers
// call it: the fallback's chunks of scores on the CPU, the fused kernel where libtorch has one.
struct AttentionBenchArgs {
    std::vector<int64_t> shape{32, 5, 14080, 14080, 64};  // B, H, Lq, Lk, D: a 1280x704x16 job's first spatial attention
    int warmup = 0, repeat = 3;
    bool withCancelToken = false;  // as the app's jobs run it: cancellable slices and chunks
    PipelineOptions options;
};

// Two .safetensors files compared tensor by tensor (max/mean abs difference, finiteness).
struct CompareArgs {
    std::string left, right;
    std::string only;                 // compare this tensor only (e.g. "frames")
    double atol = 1e-3;               // bound of the max abs difference
    double meanAtol = INFINITY;       // bound of the mean abs difference
};

// How fast a cancel stops a running job: cancelled `repeat` times per stage, at moments spread over
// `window` seconds from the stage's start (CancelBench.cpp).
struct CancelBenchArgs {
    std::string model, image;
    int width = 1280, height = 704, frames = 16, steps = 50, decodeChunk = 1;
    std::vector<std::string> stages{"denoise", "decode"};
    int repeat = 3;
    double window = 5.0;
    // Print where each stretch between two cancel checks longer than this many seconds ended (0 = never).
    double traceGapsOver = 0;
    PipelineOptions options;
};

nlohmann::json runPipelineBench(const PipelineBenchArgs& args);
nlohmann::json runCancelBench(const CancelBenchArgs& args);
nlohmann::json runCompare(const CompareArgs& args);
nlohmann::json runUNetBench(const UNetBenchArgs& args);
nlohmann::json runAttentionBench(const AttentionBenchArgs& args);

} // namespace i2v::bench
