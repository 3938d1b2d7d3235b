#include "pipeline/I2VGenXLPipeline.h"

#include "image/ImagePreprocessor.h"
#include "models/Attention.h"
#include "models/WeightLoader.h"
#include "models/WeightShapeCheck.h"
#include "models/autoencoders/AutoencoderKL.h"
#include "models/clip/ClipTextModel.h"
#include "models/clip/ClipVisionModel.h"
#include "models/unets/UNetI2VGenXL.h"
#include "pipeline/DenoisingProgress.h"
#include "pipeline/LatentPreview.h"
#include "schedulers/SchedulerFactory.h"
#include "text/TokenizerFactory.h"
#include "util/CancelToken.h"
#include "util/Errors.h"
#include "util/FreedHeapMemory.h"
#include "util/HugePageAllocator.h"
#include "util/RandomDraw.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <new>

namespace i2v {
namespace {

// What the user should try when memory runs out.
constexpr const char* kMemoryHint =
    "reduce the size or the number of frames, or enable a memory mode (attention chunking, encoder offload, "
    "VAE tiling, decode chunk size 1)";

constexpr const char* kLoadMemoryHint =
    "close other programs, keep the weights in fp16 (--keep-fp16-weights, or in Settings), offload the encoders "
    "(--offload), or use a machine with more memory";

void checkCancel(const CancelToken* cancel) {
    if (cancel)
        cancel->throwIfCancelled();
}

void reportStage(GenerationObserver* observer, GenerationStage stage) {
    if (observer)
        observer->onStage(stage);
}

bool isOutOfMemory(const c10::Error& e) {
    const std::string what = e.what();
    return what.find("out of memory") != std::string::npos || what.find("DefaultCPUAllocator") != std::string::npos;
}

// Opens the component's weights, checks that its config asks for no more than they hold (the header is read,
// no weight yet), then builds the module and fills it. An allocation that fails after that check is this
// machine's memory, not the file: OutOfMemory naming the file; any other libtorch error is the file's.
template <typename Build>
auto loadModule(const DiffusersFolder& folder, const std::string& component, const std::vector<ExpectedWeight>& expected,
                Build build, const PipelineOptions& options, c10::Device device, c10::ScalarType dtype,
                const std::vector<std::string>& ignored = {}) {
    const SafetensorsFile weights(folder.weightsFile(component, weightsVariantOf(options)));
    requireWeightShapes(expected, weights, folder.componentConfig(component).source());
    WeightLoadOptions load;
    load.dtype = dtype;
    load.device = device;
    load.ignoredKeys = ignored;
    load.keepHalfWeights = options.keepHalfWeights;
    const std::string notEnough = "not enough memory to load " + weights.path().string() + ": ";
    try {
        auto module = build();
        loadWeights(*module, weights, load);
        module->eval();
        applyAttentionSettings(*module, options.attention);
        return module;
    } catch (const std::bad_alloc&) {
        throw OutOfMemory(notEnough + kLoadMemoryHint);
    } catch (const c10::Error& e) {
        if (isOutOfMemory(e))
            throw OutOfMemory(notEnough + kLoadMemoryHint);
        throw ModelError(weights.path().string() + " cannot be loaded: " + e.what_without_backtrace());
    }
}

} // namespace

I2VGenXLPipeline::I2VGenXLPipeline(DiffusersFolder folder, const PipelineOptions& options)
    : folder_(std::move(folder)), device_(resolveDevice(options.device)),
      options_(resolveForDevice(options, device_)), dtype_(scalarTypeOf(options_.dtype)) {
    if (dtype_ == c10::kHalf && !device_.is_cuda())
        throw InputError("fp16 compute needs a CUDA device; on the CPU use fp32 or bf16");
    if (device_.is_cuda())
        setCudaTf32(options_.allowTf32);
}

I2VGenXLPipeline::~I2VGenXLPipeline() = default;

std::unique_ptr<I2VGenXLPipeline> I2VGenXLPipeline::load(const std::filesystem::path& modelDir,
                                                         const PipelineOptions& options) {
    c10::InferenceMode guard;
    // A load that fails frees what it had loaded (declared before `p`, so it runs after): an idle app keeps no
    // freed memory. Offloaded encoders give theirs back in releaseEncoders.
    const KeptLargeTensorBlocksRelease release;
    DiffusersFolder folder(modelDir);
    if (folder.componentClass("unet") != "I2VGenXLUNet")
        throw ModelError(folder.modelIndex().source() + ": the unet is a " + folder.componentClass("unet") +
                         ", not an I2VGenXLUNet: choose an I2VGen-XL model folder");
    std::unique_ptr<I2VGenXLPipeline> p(new I2VGenXLPipeline(std::move(folder), options));
    const auto& f = p->folder_;
    p->tokenizer_ = loadTokenizer(f.componentDir("tokenizer"));
    p->preprocessor_ = std::make_unique<ImagePreprocessor>(
        ClipImageConfig::fromFile(f.componentDir("feature_extractor") / "preprocessor_config.json"));
    // Fail early on a broken scheduler config rather than at the first job.
    SchedulerFactory::create(f.componentConfig("scheduler"));
    const auto unetConfig = UNetI2VGenXLConfig::fromJson(f.componentConfig("unet"));
    p->unet_ = loadModule(
        f, "unet", unetConfig.expectedWeights(), [&] { return std::make_unique<UNetI2VGenXL>(unetConfig); }, p->options_,
        p->device_, p->dtype_);
    const auto vaeConfig = AutoencoderKLConfig::fromJson(f.componentConfig("vae"));
    if (vaeConfig.latentChannels != unetConfig.inChannels)
        throw ModelError(f.componentConfig("vae").source() + ": latent_channels (" + std::to_string(vaeConfig.latentChannels) +
                         ") differs from the unet's in_channels (" + std::to_string(unetConfig.inChannels) +
                         "): the VAE and the UNet do not belong together");
    // force_upcast: this VAE overflows in fp16, so under fp16 compute it runs in fp32 (as diffusers' SD pipelines
    // run such a VAE). bfloat16 has float32's range: there the VAE stays in bf16, as diffusers' I2VGenXL pipeline
    // keeps it in the pipeline's dtype, at twice fp32's speed where the processor has bf16 instructions.
    const auto vaeDtype = vaeConfig.forceUpcast && p->dtype_ == c10::kHalf ? c10::kFloat : p->dtype_;
    p->vae_ = loadModule(
        f, "vae", vaeConfig.expectedWeights(), [&] { return std::make_unique<AutoencoderKL>(vaeConfig); }, p->options_,
        p->device_, vaeDtype);
    // Loaded now even with offload, so a broken encoder is reported at load rather than at the first job; with
    // offload one at a time, as a job uses them, so that the load holds no more than a job does.
    p->loadTextEncoder();
    if (options.offloadEncoders)
        p->releaseEncoders();
    p->loadImageEncoder();
    if (options.offloadEncoders)
        p->releaseEncoders();
    p->costModel_ = std::make_shared<JobCostModel>(f, weightsVariantOf(p->options_), p->tokenizer_->maxLength());
    return p;
}

MemorySettings I2VGenXLPipeline::memorySettings() const {
    MemorySettings m;
    m.computeBytes = int(c10::elementSize(dtype_));
    m.float16 = dtype_ == c10::kHalf;
    m.keepHalfWeights = options_.keepHalfWeights;
    m.offloadEncoders = options_.offloadEncoders;
    m.vaeTiling = options_.vaeTiling;
    m.attentionChunkBytes = std::max<int64_t>(0, options_.attention.maxScoreBytes);
    return m;
}

void I2VGenXLPipeline::loadTextEncoder() {
    if (textEncoder_)
        return;
    const int64_t crossAttentionDim = unet_->config().crossAttentionDim;
    const auto textConfig = ClipConfig::fromJson(folder_.componentConfig("text_encoder"));
    if (textConfig.hiddenSize != crossAttentionDim)
        throw ModelError(folder_.componentConfig("text_encoder").source() + ": hidden_size (" +
                         std::to_string(textConfig.hiddenSize) + ") differs from the unet's cross_attention_dim (" +
                         std::to_string(crossAttentionDim) + "): the text encoder and the UNet do not belong together");
    if (textConfig.vocabSize < tokenizer_->vocabSize())
        throw ModelError(folder_.componentDir("tokenizer").string() + ": the tokenizer has " +
                         std::to_string(tokenizer_->vocabSize()) + " tokens but the text encoder only " +
                         std::to_string(textConfig.vocabSize) + ": they do not belong together");
    if (tokenizer_->maxLength() > textConfig.maxPositionEmbeddings)
        throw ModelError(folder_.componentDir("tokenizer").string() + ": model_max_length (" +
                         std::to_string(tokenizer_->maxLength()) + ") exceeds the text encoder's max_position_embeddings (" +
                         std::to_string(textConfig.maxPositionEmbeddings) + "): they do not belong together");
    textEncoder_ = loadModule(
        folder_, "text_encoder", textConfig.expectedTextWeights(),
        [&] { return std::make_unique<ClipTextModel>(textConfig); }, options_, device_, dtype_, ClipTextModel::ignoredKeys());
}

void I2VGenXLPipeline::loadImageEncoder() {
    if (imageEncoder_)
        return;
    const int64_t crossAttentionDim = unet_->config().crossAttentionDim;
    const auto visionConfig = ClipConfig::fromJson(folder_.componentConfig("image_encoder"));
    if (visionConfig.projectionDim != crossAttentionDim)
        throw ModelError(folder_.componentConfig("image_encoder").source() + ": projection_dim (" +
                         std::to_string(visionConfig.projectionDim) + ") differs from the unet's cross_attention_dim (" +
                         std::to_string(crossAttentionDim) + "): the image encoder and the UNet do not belong together");
    imageEncoder_ = loadModule(
        folder_, "image_encoder", visionConfig.expectedVisionWeights(),
        [&] { return std::make_unique<ClipVisionModelWithProjection>(visionConfig); }, options_, device_, dtype_,
        ClipVisionModelWithProjection::ignoredKeys());
    // After the load, so a hostile image_size is reported against the weights it contradicts.
    const ClipImageConfig& crop = preprocessor_->config();
    if (crop.cropWidth != visionConfig.imageSize || crop.cropHeight != visionConfig.imageSize)
        throw ModelError(folder_.componentDir("feature_extractor").string() + "/preprocessor_config.json: crop_size (" +
                         std::to_string(crop.cropWidth) + "x" + std::to_string(crop.cropHeight) +
                         ") differs from the image encoder's image_size (" + std::to_string(visionConfig.imageSize) +
                         "): they do not belong together");
}

void I2VGenXLPipeline::releaseEncoders() {
    textEncoder_.reset();
    imageEncoder_.reset();
    // Their pages go back now, not at the job's end: the kept large blocks, or the next module's placeholders
    // would take them (util/HugePageAllocator.h), and the small weights' heap pages, or denoising would run with
    // them still resident.
    releaseKeptLargeTensorBlocks();
    returnFreedHeapMemory();
}

std::string I2VGenXLPipeline::defaultSchedulerName() const {
    return SchedulerFactory::create(folder_.componentConfig("scheduler"))->name();
}

int64_t I2VGenXLPipeline::parameterCount() const {
    int64_t n = 0;
    for (const torch::nn::Module* m : {static_cast<const torch::nn::Module*>(unet_.get()),
                                       static_cast<const torch::nn::Module*>(vae_.get()),
                                       static_cast<const torch::nn::Module*>(textEncoder_.get()),
                                       static_cast<const torch::nn::Module*>(imageEncoder_.get())})
        if (m)
            for (const auto& p : m->parameters())
                n += p.numel();
    return n;
}

int64_t I2VGenXLPipeline::vaeScaleFactor() const { return vae_->config().downscaleFactor(); }

GenerationResult I2VGenXLPipeline::generate(const GenerationRequest& request, GenerationObserver* observer,
                                            const CancelToken* cancel, const CheckpointOptions* checkpoint) {
    request.validate();
    const int64_t factor = vaeScaleFactor();
    if (request.width % factor != 0 || request.height % factor != 0)
        throw InputError("this model's VAE needs a width and height that are multiples of " + std::to_string(factor) +
                         " pixels, got " + std::to_string(request.width) + "x" + std::to_string(request.height));
    // The freed memory the CPU allocator keeps for reuse within a job goes back when the job ends, however it ends.
    const KeptLargeTensorBlocksRelease release;
    try {
        return run(request, observer, cancel, checkpoint);
    } catch (...) {
        if (options_.offloadEncoders)
            releaseEncoders();  // a failed or cancelled job leaves no encoder behind
        try {
            throw;
        } catch (const std::bad_alloc&) {
            throw OutOfMemory(std::string("out of memory: ") + kMemoryHint);
        } catch (const c10::Error& e) {
            if (isOutOfMemory(e))
                throw OutOfMemory(std::string("out of memory (") + e.what_without_backtrace() + "): " + kMemoryHint);
            throw Error(std::string("internal engine error: ") + e.what_without_backtrace());
        }
    }
}

UNetConditioning I2VGenXLPipeline::encodeConditioning(const GenerationRequest& r, GenerationObserver* observer,
                                                      const CancelToken* cancel) {
    const bool cfg = r.doClassifierFreeGuidance();
    loadTextEncoder();
    checkCancel(cancel);

    // 1. prompt embeddings (clip_skip = 1: final_layer_norm of the penultimate layer)
    reportStage(observer, GenerationStage::EncodingPrompt);
    auto encodeText = [&](const std::string& text, bool warn) {
        const TokenizedText t = tokenizer_->encode(text);
        if (warn && t.truncated && observer)
            observer->onWarning("the prompt needs " + std::to_string(t.count) + " tokens; only the first " +
                                std::to_string(tokenizer_->maxLength()) + " are used");
        const at::Tensor ids = at::tensor(t.ids, at::kLong).unsqueeze(0).to(device_);
        return textEncoder_->encode(ids, 1, cancel);
    };
    at::Tensor promptEmbeds = encodeText(r.prompt, true);
    if (cfg)
        promptEmbeds = at::cat({encodeText(r.negativePrompt, false), promptEmbeds});
    // With offload each encoder is resident only while it runs: the text encoder is gone before the image encoder
    // is loaded.
    if (options_.offloadEncoders)
        releaseEncoders();
    checkCancel(cancel);

    // 2. image: CLIP embedding of the wide-centre crop, VAE latent of the (width, height) crop
    reportStage(observer, GenerationStage::EncodingImage);
    const PreprocessedImage pre = preprocessor_->run(r.image, r.width, r.height, r.cropPosition);
    loadImageEncoder();
    checkCancel(cancel);
    at::Tensor imageEmbeddings = imageEncoder_->encode(pre.clipPixelValues.to(device_, dtype_), cancel).unsqueeze(1);
    if (cfg)
        imageEmbeddings = at::cat({at::zeros_like(imageEmbeddings), imageEmbeddings});
    if (options_.offloadEncoders)
        releaseEncoders();
    checkCancel(cancel);

    const auto vaeDtype = vae_->quant_conv->bias.scalar_type();
    const DiagonalGaussianDistribution posterior = vae_->encode(pre.vaeImage.to(device_, vaeDtype), cancel);
    at::Tensor imageLatents = vae_->sample(posterior, at::make_generator<at::CPUGeneratorImpl>(r.effectiveVaeSeed()));
    imageLatents = (imageLatents * vae_->config().scalingFactor).unsqueeze(2).to(dtype_);
    if (r.numFrames > 1) {
        std::vector<at::Tensor> parts{imageLatents};
        for (int i = 0; i < r.numFrames - 1; ++i)
            parts.push_back(at::ones_like(imageLatents) * (static_cast<double>(i + 1) / (r.numFrames - 1)));
        imageLatents = at::cat(parts, 2);
    }
    if (cfg)
        imageLatents = at::cat({imageLatents, imageLatents});
    const at::Tensor fps = at::full({cfg ? 2 : 1}, r.targetFps, at::TensorOptions().dtype(at::kLong).device(device_));
    // Everything the UNet derives from the conditioning alone, computed once instead of at every step.
    UNetConditioning conditioning = unet_->encodeConditioning(fps, imageLatents, imageEmbeddings, promptEmbeds);
    checkCancel(cancel);
    return conditioning;
}

GenerationResult I2VGenXLPipeline::run(const GenerationRequest& r, GenerationObserver* observer, const CancelToken* cancel,
                                       const CheckpointOptions* checkpoint) {
    c10::InferenceMode guard;
    const bool cfg = r.doClassifierFreeGuidance();
    auto scheduler = SchedulerFactory::create(folder_.componentConfig("scheduler"), r.scheduler);
    scheduler->setTimesteps(r.numInferenceSteps);
    if (scheduler->acceptsEta())
        scheduler->setEta(r.eta);
    const at::Tensor timesteps = scheduler->timesteps();
    const int total = static_cast<int>(timesteps.size(0));

    // The job's saved progress, read before any work: a file of another job is refused at once.
    const bool keepProgress = checkpoint && !checkpoint->file.empty();
    const std::string identity = keepProgress ? jobIdentity(r, folder_.fingerprint()) : std::string();
    std::optional<JobCheckpoint> saved;
    if (std::error_code ec; keepProgress && std::filesystem::exists(checkpoint->file, ec)) {
        saved = readJobCheckpoint(checkpoint->file);
        if (const std::string difference = jobDifference(saved->job, identity); !difference.empty())
            throw InputError("the saved progress " + checkpoint->file.string() + " belongs to another job: " +
                             difference + "; delete it, or give the settings of the job it saved");
    }
    const int firstStep = saved ? saved->stepsDone : 0;

    // 3. initial latents from the job's CPU generator (CPU draws give the same video on every device), or the
    // latents, generator and scheduler as the saved progress left them. Before steps 1-2, which use generators of
    // their own: a saved state that does not fit is refused before any work.
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(r.seed);
    const int64_t h = r.height / vaeScaleFactor(), w = r.width / vaeScaleFactor(), frames = r.numFrames;
    const std::vector<int64_t> latentShape{1, unet_->config().inChannels, frames, h, w};
    at::Tensor latents;
    if (saved) {
        latents = restoreProgress(*saved, checkpoint->file, latentShape, total, device_, dtype_, *scheduler, generator);
        saved.reset();
        if (observer)
            observer->onResumed(firstStep, total);
    } else {
        latents = normalNoise(latentShape, &generator, at::kFloat);
        latents = (latents * scheduler->initNoiseSigma()).to(device_, dtype_);
    }
    // A job saved after its last step goes straight to the decode.
    std::optional<UNetConditioning> conditioning;
    if (firstStep < total)
        conditioning = encodeConditioning(r, observer, cancel);
    const auto vaeDtype = vae_->quant_conv->bias.scalar_type();

    auto decodeOptions = [&] {
        VaeDecodeOptions d;
        d.chunkSize = r.decodeChunkSize;
        d.cancel = cancel;
        d.tiled = options_.vaeTiling;
        return d;
    };

    // 4. denoising loop
    reportStage(observer, GenerationStage::Denoising);
    // Uploaded once: a per-step copy of a CPU scalar would wait for the device at every step.
    const at::Tensor timestepsOnDevice = timesteps.to(device_);
    std::optional<ProgressSaver> saver;
    if (keepProgress)
        saver.emplace(*checkpoint, identity, total, observer);
    try {
        for (int i = firstStep; i < total; ++i) {
            checkCancel(cancel);
            const at::Tensor t = timesteps[i];
            at::Tensor modelInput = cfg ? at::cat({latents, latents}) : latents;
            modelInput = scheduler->scaleModelInput(modelInput, t);
            at::Tensor noisePred = unet_->forward(modelInput, timestepsOnDevice[i], *conditioning, cancel);
            if (cfg) {
                const auto halves = noisePred.chunk(2);
                noisePred = halves[0] + r.guidanceScale * (halves[1] - halves[0]);
            }
            // The scheduler steps every frame as a batch item: [1, C, F, h, w] -> [F, C, h, w] and back.
            const int64_t c = latents.size(1);
            const at::Tensor frameLatents = latents.permute({0, 2, 1, 3, 4}).reshape({frames, c, h, w});
            const at::Tensor frameNoise = noisePred.permute({0, 2, 1, 3, 4}).reshape({frames, c, h, w});
            const SchedulerStepOutput out = scheduler->step(frameNoise, t, frameLatents, &generator);
            latents = out.prevSample.reshape({1, frames, c, h, w}).permute({0, 2, 1, 3, 4});
            if (saver)
                saver->stepDone(i + 1, latents, *scheduler, generator);
            if (observer) {
                std::unique_ptr<PreviewFrames> preview;
                if (r.preview != PreviewMode::None && out.predOriginalSample.defined()) {
                    const at::Tensor x0 = out.predOriginalSample.reshape({1, frames, c, h, w}).permute({0, 2, 1, 3, 4});
                    if (r.preview == PreviewMode::FullDecode) {
                        const at::Tensor video = vae_->decodeLatentsToVideo(x0.to(vaeDtype), decodeOptions());
                        preview = std::make_unique<PreviewFrames>(
                            framesPreview((video / 2 + 0.5).clamp(0, 1)[0].permute({1, 2, 3, 0})));
                    } else {
                        preview = std::make_unique<PreviewFrames>(latentPreview(x0));
                    }
                }
                observer->onStep(i + 1, total, preview.get());
            }
        }
    } catch (...) {
        // What the finished steps did is kept for the next try, however this one ends.
        if (saver)
            saver->saveUnwritten();
        throw;
    }
    conditioning.reset();
    checkCancel(cancel);

    // 5. decode
    reportStage(observer, GenerationStage::Decoding);
    VaeDecodeOptions d = decodeOptions();
    if (observer)
        d.onChunk = [observer](int64_t done, int64_t all) { observer->onDecodeProgress(int(done), int(all)); };
    const at::Tensor video = vae_->decodeLatentsToVideo(latents.to(vaeDtype), d);
    GenerationResult result;
    result.frames = (video / 2 + 0.5).clamp(0, 1)[0].permute({1, 2, 3, 0}).to(at::kCPU, at::kFloat).contiguous();
    result.latents = latents.to(at::kCPU, at::kFloat);
    result.schedulerName = scheduler->name();
    reportStage(observer, GenerationStage::Done);
    return result;
}

const char* generationStageName(GenerationStage stage) {
    switch (stage) {
    case GenerationStage::EncodingPrompt: return "encoding prompt";
    case GenerationStage::EncodingImage: return "encoding image";
    case GenerationStage::Denoising: return "denoising";
    case GenerationStage::Decoding: return "decoding";
    case GenerationStage::Done: return "done";
    }
    return "";
}

} // namespace i2v
