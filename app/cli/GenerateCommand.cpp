// `i2v generate`: one image + prompt -> video, with the same engine as the desktop app.
// Contract (tested from outside): exit 0 on success, 1 with a one-line reason on any error, 130 on
// Ctrl-C (the job is cancelled and no partial file is left).
#include "Commands.h"
#include "InterruptGuard.h"
#include "ModelArgument.h"
#include "ProgressReporter.h"

#include "export/VideoExporter.h"
#include "hub/HubSettings.h"
#include "hub/ModelCatalog.h"
#include "image/ImageLoader.h"
#include "io/SafetensorsFile.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "pipeline/JobCheckpoint.h"
#include "pipeline/LatentPreview.h"
#include "pipeline/ResultMetadata.h"
#include "text/TokenizerFactory.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <unistd.h>

namespace i2v::cli {
namespace {

struct GenerateArgs {
    std::string model, image;
    // The job's settings, bound to the options below: the engine's defaults, the same the desktop app starts with.
    GenerationRequest request;
    int64_t seed = -1, vaeSeed = -1;
    std::vector<double> cropPosition;  // X,Y in [0, 1]; empty = centred (diffusers' crop)
    std::string output, saveTensors, progressFile;
    double progressEvery = 60;
    bool overwrite = false, quiet = false;
    // export
    std::string format;
    double outputFps = 8.0;
    int quality = 80;
    std::string interpolate = "none", loop = "once";
    double interpolatedFps = 24.0;
    // memory modes
    std::string device = "auto", dtype = "auto", attentionChunkMb = "auto";
    bool offload = false, vaeTiling = false, keepHalfWeights = false, noTf32 = false;
    bool estimate = false;
};

PipelineOptions pipelineOptionsOf(const GenerateArgs& a) {
    PipelineOptions options;
    options.device = a.device;
    options.dtype = parseComputeDtype(a.dtype);
    options.attention.maxScoreBytes = parseAttentionChunk(a.attentionChunkMb);
    options.offloadEncoders = a.offload;
    options.vaeTiling = a.vaeTiling;
    options.keepHalfWeights = a.keepHalfWeights;
    options.allowTf32 = !a.noTf32;
    return options;
}

std::string teraflops(double flops) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(flops < 1e11 ? 3 : 1) << flops / 1e12 << " TFLOP";
    return s.str();
}

std::string gigabytes(double bytes) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << bytes / 1e9 << " GB";
    return s.str();
}

// --estimate: the job's arithmetic and memory from the model's weight headers and configs (pipeline/JobCost.h),
// without loading the weights or generating anything.
int printEstimate(const std::filesystem::path& modelDir, const PipelineOptions& options, const GenerationRequest& r) {
    const DiffusersFolder folder(modelDir);
    const PipelineOptions resolved = resolveForDevice(options, resolveDevice(options.device));
    const JobCostModel model(folder, weightsVariantOf(resolved), loadTokenizer(folder.componentDir("tokenizer"))->maxLength());
    MemorySettings memory;
    memory.computeBytes = int(c10::elementSize(scalarTypeOf(resolved.dtype)));
    memory.keepHalfWeights = resolved.keepHalfWeights;
    memory.offloadEncoders = resolved.offloadEncoders;
    memory.vaeTiling = resolved.vaeTiling;
    memory.attentionChunkBytes = std::max<int64_t>(0, resolved.attention.maxScoreBytes);
    const JobCost cost = model.estimate(r, memory);
    std::cout << "job: " << r.width << "x" << r.height << ", " << r.numFrames << " frames, " << r.numInferenceSteps
              << " steps" << (r.doClassifierFreeGuidance() ? ", classifier-free guidance" : "") << ", "
              << computeDtypeName(resolved.dtype) << " on " << resolved.device << "\n"
              << "encode: " << teraflops(cost.encode.total()) << "\n"
              << "one step: " << teraflops(cost.step.total()) << " (convolutions " << teraflops(cost.step.convolution)
              << ", linear layers " << teraflops(cost.step.linear) << ", attention products "
              << teraflops(cost.step.attention) << ")\n"
              << "decode: " << teraflops(cost.decode.total()) << "\n"
              << "total: " << teraflops(cost.flops()) << "\n"
              << "memory: about " << gigabytes(cost.peakBytes()) << " at the peak (weights " << gigabytes(cost.weightBytes)
              << ")\n";
    return 0;
}

// Fails before any work when `target` cannot be created: its folder is missing, not a folder, or not
// writable (permissions, read-only disk). A file is created there and removed to find out: access(W_OK)
// answers yes to root for every folder of a writable mount, /proc and /sys included, and knows nothing of
// what a FUSE or network folder refuses. A full disk can only show while writing.
void checkWritable(const std::filesystem::path& target) {
    std::filesystem::path dir = target.parent_path();
    if (dir.empty())
        dir = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw IoError("cannot write " + target.string() + ": the folder " + dir.string() +
                      " does not exist; create it or choose another output");
    std::string probe = (dir / ".i2v-write-test-XXXXXX").string();
    const int fd = ::mkstemp(probe.data());
    if (fd < 0)
        throw IoError("cannot write " + target.string() + ": " + dir.string() + " is not writable (" +
                      std::strerror(errno) + "); choose another folder");
    ::close(fd);
    ::unlink(probe.c_str());
}

int runGenerate(const GenerateArgs& a) {
    CancelToken cancel;
    const InterruptGuard interrupt(cancel);

    GenerationRequest r = a.request;
    LoadedImage loaded = ImageLoader().load(a.image);
    r.image = std::move(loaded.image);
    // The same command goes on from its saved progress: without --seed, the seed is the one saved there.
    std::optional<uint64_t> savedSeed;
    if (std::error_code ec; !a.progressFile.empty() && a.seed < 0 && std::filesystem::exists(a.progressFile, ec))
        savedSeed = savedSettings(readJobCheckpoint(a.progressFile)).seed;
    r.seed = a.seed >= 0 ? uint64_t(a.seed) : savedSeed ? *savedSeed : std::random_device{}() % 1000000000ull;
    if (a.vaeSeed >= 0)
        r.vaeSeed = uint64_t(a.vaeSeed);
    if (a.cropPosition.size() == 2)
        r.cropPosition = {a.cropPosition[0], a.cropPosition[1]};
    r.preview = PreviewMode::None;
    r.validate();  // an unknown scheduler name, too: before the model loads
    const std::string model = modelArgumentOrInstalled(a.model);
    if (a.estimate)
        return printEstimate(hub::resolveModelArgument(model, hub::HubSettings::defaultCacheDir()), pipelineOptionsOf(a), r);

    std::filesystem::path output = a.output;
    if (output.empty() && a.saveTensors.empty())
        output = "i2v_" + std::to_string(r.seed) + (haveVideoExport() ? ".mp4" : "");
    ExportSettings exportSettings;
    if (!output.empty()) {
        exportSettings.format = a.format.empty() ? formatForPath(output) : parseVideoFormat(a.format);
        exportSettings.fps = a.outputFps;
        exportSettings.quality = a.quality;
        exportSettings.interpolation = parseInterpolation(a.interpolate);
        exportSettings.interpolatedFps = a.interpolatedFps;
        exportSettings.loop = parseLoopMode(a.loop);
        exportSettings.overwrite = a.overwrite;
        validateSettings(exportSettings);
        if (!a.overwrite && std::filesystem::exists(output))
            throw IoError(output.string() + " already exists: choose another name or pass --overwrite");
        checkWritable(output);
    }
    if (!a.saveTensors.empty() && !a.overwrite && std::filesystem::exists(a.saveTensors))
        throw IoError(a.saveTensors + " already exists: choose another name or pass --overwrite");
    if (!a.saveTensors.empty())
        checkWritable(a.saveTensors);
    if (!a.progressFile.empty())
        checkWritable(a.progressFile);

    const PipelineOptions options = pipelineOptionsOf(a);
    setVideoExportVerbose(false);  // FFmpeg's encoder statistics would drown the progress lines
    ProgressReporter progress(a.quiet);
    for (const std::string& w : loaded.warnings)  // e.g. an animated image: only its first frame is used
        progress.onWarning(w);
    if (!a.quiet)
        std::cerr << "loading " << model << "\n";
    // A folder, or a repo id (ali-vilab/i2vgen-xl[@rev]) found offline in the Hugging Face cache.
    const std::filesystem::path modelDir = hub::resolveModelArgument(model, hub::HubSettings::defaultCacheDir());
    const bool modelIsRepoId = modelDir != std::filesystem::path(model);
    auto pipeline = I2VGenXLPipeline::load(modelDir, options);
    if (!a.quiet)
        std::cerr << "seed " << r.seed << ", scheduler "
                  << (r.scheduler.empty() ? pipeline->defaultSchedulerName() : r.scheduler) << "\n";
    CheckpointOptions keep;
    keep.file = a.progressFile;
    keep.secondsBetweenWrites = a.progressEvery;
    GenerationResult result;
    try {
        result = pipeline->generate(r, &progress, &cancel, a.progressFile.empty() ? nullptr : &keep);
    } catch (const Error&) {
        if (std::error_code ec; !a.progressFile.empty() && std::filesystem::exists(a.progressFile, ec) && !a.quiet)
            std::cerr << "the job's progress is kept in " << a.progressFile << ": the same command goes on from it\n";
        throw;
    }

    if (!a.saveTensors.empty())
        SafetensorsFile::write(a.saveTensors, {{"frames", result.frames}, {"latents", result.latents}},
                               {{"format", "pt"}, {"generator", "i2v " I2V_VERSION}});
    if (!output.empty()) {
        const ExportMetadata meta = resultMetadata(
            r, result.schedulerName,
            modelIsRepoId ? model : std::filesystem::path(model).lexically_normal().filename().string(),
            pipeline->folder().fingerprint());
        const ExportResult written = exportVideo(toVideoFrames(result.frames), exportSettings, meta, output, &cancel,
                                                 [&](int done, int total) { progress.onExportProgress(done, total); });
        if (!a.quiet)
            std::cerr << "wrote " << written.path.string() << " (" << written.frames << " frames, " << written.width
                      << "x" << written.height << ", " << written.encoder << ")\n";
    }
    // Kept until the video is written: a failed export goes on from the decode.
    if (std::error_code ec; !a.progressFile.empty())
        std::filesystem::remove(a.progressFile, ec);
    return 0;
}

} // namespace

void addGenerateCommand(CLI::App& app, Action& action) {
    auto a = std::make_shared<GenerateArgs>();
    CLI::App* cmd = app.add_subcommand("generate", "Generate a video from an image and a prompt");
    // A repeated option takes its last value, so scripts can append overrides to a base command line.
    cmd->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    cmd->add_option("--model", a->model, "Diffusers-format I2VGen-XL folder, or a model id in the Hugging Face cache "
                                       "(ali-vilab/i2vgen-xl[@revision]; `i2v download` fetches it). Default: the "
                                       "installed I2VGen-XL, as the desktop app picks it (I2V Studio/models/i2vgen-xl "
                                       "in the user's data folder, else ali-vilab/i2vgen-xl in the cache)");
    cmd->add_option("--image", a->image, "Input image (PNG, JPEG, WebP, GIF, BMP, TIFF)")->required();
    cmd->add_option("--prompt", a->request.prompt, "What should happen in the video")->required();
    cmd->add_option("--negative-prompt", a->request.negativePrompt, "What to avoid");
    cmd->add_option("--width", a->request.width, "Video width, multiple of 8")->capture_default_str();
    cmd->add_option("--height", a->request.height, "Video height, multiple of 8")->capture_default_str();
    cmd->add_option("--frames", a->request.numFrames, "Number of frames")->capture_default_str();
    cmd->add_option("--steps", a->request.numInferenceSteps, "Denoising steps")->capture_default_str();
    cmd->add_option("--guidance", a->request.guidanceScale, "Classifier-free guidance scale (<= 1 disables it)")->capture_default_str();
    cmd->add_option("--fps", a->request.targetFps, "The model's fps conditioning (target_fps)")->capture_default_str();
    cmd->add_option("--scheduler", a->request.scheduler, "ddim|dpmpp-2m|euler|euler-a|unipc|ddpm (default: the model's)");
    cmd->add_option("--eta", a->request.eta, "DDIM eta")->capture_default_str();
    cmd->add_option("--seed", a->seed, "Seed of the initial noise and scheduler noise (default: random)");
    cmd->add_option("--vae-seed", a->vaeSeed, "Seed of the VAE posterior sample (default: --seed)");
    cmd->add_option("--crop-position", a->cropPosition,
                    "Where the crop window sits in the picture, X,Y from 0 (left/top) to 1 (right/bottom); "
                    "default 0.5,0.5, the centre, as diffusers")
        ->expected(2)
        ->delimiter(',');
    cmd->add_option("--output", a->output, "Video file (.mp4 .webm .gif .mov) or a folder for PNG frames");
    cmd->add_option("--save-tensors", a->saveTensors, "Also write frames [F,H,W,3] and latents as .safetensors");
    cmd->add_option("--progress-file", a->progressFile,
                    "Keep the job's progress in this file (.safetensors) as the steps finish, and when it stops "
                    "(Ctrl-C, a failure); when the file holds this job's progress, the job goes on from it (the same "
                    "video as a job that never stopped). Without --seed, the seed saved there is used. Removed once "
                    "the video is written");
    cmd->add_option("--progress-every", a->progressEvery,
                    "Seconds between two writes of --progress-file (after a step; the last step is always written)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1e9));
    cmd->add_flag("--overwrite", a->overwrite, "Replace existing output files");
    cmd->add_flag("-q,--quiet", a->quiet, "No progress output");
    cmd->add_option("--format", a->format, "Force the export format: mp4 webm gif png mov mp4-av1 webm-av1");
    cmd->add_option("--output-fps", a->outputFps, "Playback rate of the exported video")->capture_default_str();
    cmd->add_option("--quality", a->quality, "Export quality 0-100")->capture_default_str();
    cmd->add_option("--interpolate", a->interpolate, "none | blend | motion")->capture_default_str();
    cmd->add_option("--interpolated-fps", a->interpolatedFps, "Output rate when interpolating")->capture_default_str();
    cmd->add_option("--loop", a->loop, "once | repeat | pingpong")->capture_default_str();
    cmd->add_option("--device", a->device, "auto (CUDA when present) | cpu | cuda | cuda:N")->capture_default_str();
    cmd->add_option("--dtype", a->dtype, "Compute dtype: auto (fp16 on CUDA, fp32 on the CPU) | fp32 | bf16 | fp16")
        ->capture_default_str();
    cmd->add_option("--decode-chunk", a->request.decodeChunkSize, "Frames per VAE decoder call")->capture_default_str();
    cmd->add_option("--attention-chunk-mb", a->attentionChunkMb,
                    "Max MiB of attention scores, and of feed-forward activations, at once: auto (256 on the CPU, "
                    "unbounded on CUDA) | N | 0 (unbounded)")
        ->capture_default_str();
    cmd->add_flag("--no-tf32", a->noTf32, "CUDA fp32: no TF32 matmuls/convolutions (slower, the CPU's numbers to ~1e-5)");
    cmd->add_flag("--offload", a->offload, "Free the text and image encoders after use");
    cmd->add_flag("--vae-tiling", a->vaeTiling, "Decode frames in overlapping tiles (large sizes)");
    cmd->add_flag("--keep-fp16-weights", a->keepHalfWeights,
                  "With fp32 compute: use the .fp16 weight files where present and keep linear/conv weights in "
                  "fp16 (half the memory, the result of those files loaded in fp32)");
    cmd->add_flag("--estimate", a->estimate,
                  "Print what the job costs (arithmetic per stage, peak memory) without loading the weights or "
                  "generating anything");
    cmd->callback([a, &action] { action = [a] { return runGenerate(*a); }; });
}

} // namespace i2v::cli
