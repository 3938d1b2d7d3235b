// i2v-bench: times and memory of the engine on a diffusers folder.
//   i2v-bench pipeline --model DIR --image IMG [--width ... --steps ... --repeat N] [--json FILE]
//   i2v-bench unet --model DIR --shape 2,4,16,32,32 [--repeat N] [--json FILE]
//   i2v-bench attention --shape 32,5,14080,14080,64 [--cancel-token --repeat N] [--json FILE]
//   i2v-bench cancel --model DIR --image IMG [--width ... --stages denoise,decode --repeat N --window S]
// Prints a table on stdout and, with --json, writes the same result as one JSON object.
#include "BenchSupport.h"
#include "Benchmarks.h"

#include "models/ParallelMatmul.h"
#include "util/Errors.h"
#include "util/HugePageAllocator.h"
#include "util/MachineLoad.h"
#include "util/Runtime.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <functional>
#include <iostream>

using namespace i2v;
using namespace i2v::bench;

namespace {

struct CommonArgs {
    int threads = 0;
    std::string json, device = "auto", dtype = "auto", variant = "auto", attentionChunkMb = "auto";
    bool offload = false, vaeTiling = false, noFusedAttention = false, keepHalfWeights = false, noTf32 = false,
         noHugePages = false;

    PipelineOptions options() const {
        PipelineOptions o;
        o.device = device;
        o.dtype = parseComputeDtype(dtype);
        o.variant = variant == "fp16" ? WeightsVariant::Fp16 : variant == "fp32" ? WeightsVariant::Fp32 : WeightsVariant::Auto;
        o.attention.maxScoreBytes = parseAttentionChunk(attentionChunkMb);
        o.attention.useFusedKernel = !noFusedAttention;
        o.offloadEncoders = offload;
        o.vaeTiling = vaeTiling;
        o.keepHalfWeights = keepHalfWeights;
        o.allowTf32 = !noTf32;
        return o;
    }
};

void addCommon(CLI::App* cmd, CommonArgs& c) {
    cmd->add_option("--threads", c.threads, "Intra-op threads (0 = all cores)")->capture_default_str();
    cmd->add_option("--json", c.json, "Also write the result as JSON to this file");
    cmd->add_option("--device", c.device, "auto | cpu | cuda | cuda:N")->capture_default_str();
    cmd->add_option("--dtype", c.dtype, "auto (fp16 on CUDA, fp32 on the CPU) | fp32 | bf16 | fp16")->capture_default_str();
    cmd->add_option("--variant", c.variant, "Weight files: auto | fp32 | fp16")->capture_default_str();
    cmd->add_option("--attention-chunk-mb", c.attentionChunkMb, "Max MiB of attention scores, and of feed-forward activations, at once (0 = unbounded)")
        ->capture_default_str();
    cmd->add_flag("--no-fused-attention", c.noFusedAttention, "Never use at::scaled_dot_product_attention");
    cmd->add_flag("--no-tf32", c.noTf32, "CUDA fp32: no TF32 matmuls/convolutions");
    cmd->add_flag("--no-huge-pages", c.noHugePages, "Large CPU tensors on 4 KiB pages, as libtorch's own allocator gives them");
    cmd->add_flag("--offload", c.offload, "Free the text and image encoders after use");
    cmd->add_flag("--vae-tiling", c.vaeTiling, "Tiled VAE decode");
    cmd->add_flag("--keep-fp16-weights", c.keepHalfWeights, "fp32 compute with fp16 files: keep linear/conv weights "
                  "in fp16, upcast per call");
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"I2V Studio engine benchmark"};
    app.require_subcommand(1);
    CommonArgs common;
    PipelineBenchArgs pipelineArgs;
    UNetBenchArgs unetArgs;
    std::function<nlohmann::json()> run;

    CLI::App* pipe = app.add_subcommand("pipeline", "Load a model and time whole generate() calls");
    addCommon(pipe, common);
    pipe->add_option("--model", pipelineArgs.model, "Diffusers folder")->required();
    pipe->add_option("--image", pipelineArgs.image, "Input image")->required();
    pipe->add_option("--prompt", pipelineArgs.prompt);
    pipe->add_option("--negative-prompt", pipelineArgs.negativePrompt);
    pipe->add_option("--width", pipelineArgs.width)->capture_default_str();
    pipe->add_option("--height", pipelineArgs.height)->capture_default_str();
    pipe->add_option("--frames", pipelineArgs.frames)->capture_default_str();
    pipe->add_option("--steps", pipelineArgs.steps)->capture_default_str();
    pipe->add_option("--guidance", pipelineArgs.guidance)->capture_default_str();
    pipe->add_option("--scheduler", pipelineArgs.scheduler);
    pipe->add_option("--seed", pipelineArgs.seed)->capture_default_str();
    pipe->add_option("--decode-chunk", pipelineArgs.decodeChunk)->capture_default_str();
    pipe->add_option("--warmup", pipelineArgs.warmup, "Untimed runs first")->capture_default_str();
    pipe->add_option("--repeat", pipelineArgs.repeat, "Timed runs")->capture_default_str();
    pipe->add_option("--profile", pipelineArgs.profileTrace, "Write a Chrome trace of one extra run's ops");
    pipe->add_flag("!--no-export", pipelineArgs.exportVideo, "Skip timing the mp4 export");
    pipe->add_option("--trace-gaps", pipelineArgs.traceGapsOver,
                     "Print the call stack where each stretch without a cancel check longer than this many seconds ended");
    pipe->callback([&] {
        pipelineArgs.options = common.options();
        run = [&] { return runPipelineBench(pipelineArgs); };
    });

    CLI::App* unet = app.add_subcommand("unet", "Load only the UNet and time forward calls");
    addCommon(unet, common);
    unet->add_option("--model", unetArgs.model, "Diffusers folder")->required();
    unet->add_option("--shape", unetArgs.shape, "Sample shape B,C,F,h,w")->delimiter(',')->expected(5);
    unet->add_option("--warmup", unetArgs.warmup)->capture_default_str();
    unet->add_option("--repeat", unetArgs.repeat)->capture_default_str();
    unet->add_option("--profile", unetArgs.profileTrace, "Write a Chrome trace of one extra forward's ops");
    unet->add_option("--save-output", unetArgs.saveOutput,
                     "Write the last forward's output (float32) as tensor 'output' of this .safetensors file; "
                     "diffusers_bench.py unet --save-output writes the same, from the same inputs");
    unet->callback([&] {
        unetArgs.options = common.options();
        run = [&] { return runUNetBench(unetArgs); };
    });

    AttentionBenchArgs attentionArgs;
    CLI::App* attention = app.add_subcommand("attention", "Time one attention op on random inputs");
    addCommon(attention, common);
    attention->add_option("--shape", attentionArgs.shape, "q [B, H, Lq, D] and k, v [B, H, Lk, D] as B,H,Lq,Lk,D")
        ->delimiter(',')->expected(5)->capture_default_str();
    attention->add_option("--warmup", attentionArgs.warmup)->capture_default_str();
    attention->add_option("--repeat", attentionArgs.repeat)->capture_default_str();
    attention->add_flag("--cancel-token", attentionArgs.withCancelToken,
                        "With a cancel token, as the app's jobs run (cancellable slices and chunks)");
    attention->callback([&] {
        attentionArgs.options = common.options();
        run = [&] { return runAttentionBench(attentionArgs); };
    });

    CancelBenchArgs cancelArgs;
    CLI::App* cancel = app.add_subcommand("cancel", "Time how long a cancel takes to stop a running job");
    addCommon(cancel, common);
    cancel->add_option("--model", cancelArgs.model, "Diffusers folder")->required();
    cancel->add_option("--image", cancelArgs.image, "Input image")->required();
    cancel->add_option("--width", cancelArgs.width)->capture_default_str();
    cancel->add_option("--height", cancelArgs.height)->capture_default_str();
    cancel->add_option("--frames", cancelArgs.frames)->capture_default_str();
    cancel->add_option("--steps", cancelArgs.steps)->capture_default_str();
    cancel->add_option("--decode-chunk", cancelArgs.decodeChunk)->capture_default_str();
    cancel->add_option("--stages", cancelArgs.stages, "Where to cancel: denoise, decode")->delimiter(',');
    cancel->add_option("--repeat", cancelArgs.repeat, "Cancels per stage")->capture_default_str();
    cancel->add_option("--trace-gaps", cancelArgs.traceGapsOver,
                       "Print the call stack where each stretch without a cancel check longer than this many seconds ended");
    cancel->add_option("--window", cancelArgs.window, "Seconds after the stage's start over which the cancels are spread")
        ->capture_default_str();
    cancel->callback([&] {
        cancelArgs.options = common.options();
        run = [&] { return runCancelBench(cancelArgs); };
    });

    CompareArgs compareArgs;
    CLI::App* compare = app.add_subcommand("compare", "Compare two .safetensors files (e.g. --save-tensors of two runs)");
    compare->add_option("left", compareArgs.left)->required();
    compare->add_option("right", compareArgs.right)->required();
    compare->add_option("--atol", compareArgs.atol, "Exit 2 when a tensor's max abs difference is larger")->capture_default_str();
    compare->add_option("--mean-atol", compareArgs.meanAtol, "Exit 2 when a tensor's mean abs difference is larger");
    compare->add_option("--only", compareArgs.only, "Compare this tensor only (e.g. frames)");
    compare->add_option("--json", common.json, "Also write the result as JSON to this file");
    compare->callback([&] { run = [&] { return runCompare(compareArgs); }; });

    CLI11_PARSE(app, argc, argv);
    try {
        configureThreads(common.threads);
        if (!common.noHugePages)
            useHugePagesForLargeTensors();
        const RuntimeInfo info = runtimeInfo();
        const CpuReading before = readCpuClocks();
        nlohmann::json result = run();
        const CpuReading after = readCpuClocks();
        if (before.valid && after.valid) {
            // What other programs took meanwhile: a figure measured beside them says little of this machine.
            const double wall = after.wall - before.wall;
            result["machine"] = {{"cores", after.machine.cores},
                                 {"others_cpu_share", othersCpuSeconds(before, after) / (wall * after.machine.cores)},
                                 {"others_competed", othersCompeted(before, after, info.threads)}};
        }
        result["runtime"] = {{"engine", "i2v " I2V_VERSION}, {"torch", info.torchVersion}, {"threads", info.threads},
                             {"blas", info.blasLibrary}, {"blas_threads", info.blasThreads},
                             {"gemm_split_threads", parallelMatmulThreads()},
                             {"huge_pages", info.hugePages}, {"device", common.device}, {"dtype", common.dtype},
                             {"attention_chunk_mb", common.attentionChunkMb}, {"offload", common.offload},
                             {"vae_tiling", common.vaeTiling},
                             {"keep_fp16_weights", common.keepHalfWeights}, {"variant", common.variant}};
        if (!common.json.empty())
            std::ofstream(common.json) << result.dump(1) << "\n";
        printTable(result);
        return result.contains("within_atol") && !result["within_atol"].get<bool>() ? 2 : 0;
    } catch (const std::exception& e) {
        std::cerr << "i2v-bench: " << e.what() << "\n";
        return 1;
    }
}
