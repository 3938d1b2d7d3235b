// The engine's public entry point: diffusers' I2VGenXLPipeline (pipelines/i2vgen_xl/pipeline_i2vgen_xl.py)
// in libtorch. load() reads a diffusers model folder; generate() runs one job with the same data flow
// as __call__: prompt and negative prompt through CLIP text, the image through CLIP vision (zero
// embedding for the unconditional half) and the VAE (first-frame latent + frame-position masks),
// CFG batch [uncond, cond], per-frame scheduler steps, chunked VAE decode, (x / 2 + 0.5).clamp(0, 1).
//
// Usage (what `i2v generate` does; errors are typed exceptions from util/Errors.h with a message to show):
//
//     i2v::PipelineOptions options;                  // device "cpu"/"cuda"/"auto", dtype, memory modes
//     auto pipeline = i2v::I2VGenXLPipeline::load("models/i2vgen-xl", options);
//     i2v::GenerationRequest request;                // diffusers' __call__ defaults: 1280x704, 16 frames, ...
//     request.image = i2v::ImageLoader().load("fox.jpg").image;
//     request.prompt = "A red fox jumping over a frozen river";
//     request.seed = 42;
//     i2v::CancelToken cancel;                       // cancel() from any thread: generate() throws Cancelled
//     const i2v::GenerationResult result = pipeline->generate(request, /*observer=*/nullptr, &cancel);
//     i2v::exportVideo(i2v::toVideoFrames(result.frames), i2v::ExportSettings{},
//                      i2v::resultMetadata(request, result.schedulerName, "i2vgen-xl", pipeline->folder().fingerprint()),
//                      "fox.mp4");
//
// A GenerationObserver receives the stages, every step (with preview frames) and warnings on the generating
// thread; the desktop app forwards them as Qt signals (ui/GenerationWorker.cpp).
#pragma once
#include "io/DiffusersFolder.h"
#include "pipeline/GenerationObserver.h"
#include "pipeline/GenerationRequest.h"
#include "pipeline/JobCheckpoint.h"
#include "pipeline/JobCost.h"
#include "pipeline/DevicePlacement.h"

#include <ATen/Tensor.h>

#include <filesystem>
#include <memory>
#include <string>

namespace i2v {

class CancelToken;
class Tokenizer;
class ClipTextModel;
class ClipVisionModelWithProjection;
class UNetI2VGenXL;
class AutoencoderKL;
class ImagePreprocessor;
struct UNetConditioning;

struct GenerationResult {
    at::Tensor frames;   // [F, H, W, 3] float32 in [0, 1] on the CPU (diffusers' output_type="np", one video)
    at::Tensor latents;  // [1, C, F, H/f, W/f] final latents, f = vaeScaleFactor()
    std::string schedulerName;
};

class I2VGenXLPipeline {
public:
    // Reads and validates every component (configs, weights: keys, shapes, finite values). Throws
    // ModelError naming the file/key on any defect.
    static std::unique_ptr<I2VGenXLPipeline> load(const std::filesystem::path& modelDir, const PipelineOptions& options = {});
    ~I2VGenXLPipeline();

    // Runs one job. Throws InputError for impossible settings, Cancelled when `cancel` fires (checked
    // between UNet calls and VAE chunks), OutOfMemory with a hint; the pipeline stays usable after any.
    // With `checkpoint`, the job's progress is kept in its file as the steps finish, and a job whose file holds
    // its progress goes on after the steps saved there (the same frames as a job that never stopped); a file of
    // another job is refused (InputError saying what differs).
    GenerationResult generate(const GenerationRequest& request, GenerationObserver* observer = nullptr,
                              const CancelToken* cancel = nullptr, const CheckpointOptions* checkpoint = nullptr);

    const DiffusersFolder& folder() const { return folder_; }
    const PipelineOptions& options() const { return options_; }
    const Tokenizer& tokenizer() const { return *tokenizer_; }
    std::string defaultSchedulerName() const;
    int64_t parameterCount() const;
    // What a job will cost with this model and these options, before it runs (pipeline/JobCost.h): the
    // model of its arithmetic and memory, and the memory settings in effect.
    std::shared_ptr<const JobCostModel> costModel() const { return costModel_; }
    MemorySettings memorySettings() const;
    // Pixels per latent along each axis, 2^(VAE blocks - 1) as diffusers derives it: width and height must
    // be multiples of it (and of 8, diffusers' own rule).
    int64_t vaeScaleFactor() const;

private:
    I2VGenXLPipeline(DiffusersFolder folder, const PipelineOptions& options);
    void loadTextEncoder();
    void loadImageEncoder();
    void releaseEncoders();
    GenerationResult run(const GenerationRequest& request, GenerationObserver* observer, const CancelToken* cancel,
                         const CheckpointOptions* checkpoint);
    // Steps 1-2 of __call__: the prompt, the picture's embedding and latents, as the UNet takes them at every step.
    UNetConditioning encodeConditioning(const GenerationRequest& request, GenerationObserver* observer,
                                        const CancelToken* cancel);

    DiffusersFolder folder_;
    c10::Device device_;
    PipelineOptions options_;  // resolved for device_ (no Auto left)
    c10::ScalarType dtype_;
    std::unique_ptr<Tokenizer> tokenizer_;
    std::unique_ptr<ImagePreprocessor> preprocessor_;
    std::unique_ptr<ClipTextModel> textEncoder_;
    std::unique_ptr<ClipVisionModelWithProjection> imageEncoder_;
    std::unique_ptr<UNetI2VGenXL> unet_;
    std::unique_ptr<AutoencoderKL> vae_;
    std::shared_ptr<const JobCostModel> costModel_;
};

} // namespace i2v
