#include "BenchSupport.h"
#include "Benchmarks.h"

#include "export/VideoExporter.h"
#include "image/ImageLoader.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "pipeline/LatentPreview.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <unistd.h>

namespace i2v::bench {
namespace {

// Timestamps of one generate() call, taken by the observer on the generating thread.
class TimingObserver : public GenerationObserver {
public:
    explicit TimingObserver(c10::Device device) : clock_(device) {}
    void restart() {
        clock_.restart();
        stageStart_.clear();
        stepEnd_.clear();
        stagePeakMb_.clear();
    }
    // Each stage's own peak RSS: the high-water mark is read when the next stage starts, then reset.
    // Each stage's time and peak also go to stderr as it ends, so a run of hours at the real size can be
    // read, or stopped, before its JSON is written.
    void onStage(GenerationStage stage) override {
        stageStart_[stage] = clock_.seconds();
        if (stage != GenerationStage::EncodingPrompt) {
            const auto ended = static_cast<GenerationStage>(static_cast<int>(stage) - 1);
            stagePeakMb_[ended] = stagePeakRssMb();
            std::fprintf(stderr, "[bench] %s: %.1f s, peak RSS %.0f MB\n", generationStageName(ended),
                         stageStart_[stage] - stageStart_.at(ended), stagePeakMb_[ended]);
        }
        resetStagePeakRss();
    }
    double stagePeakMb(GenerationStage stage) const { return stagePeakMb_.at(stage); }
    void onStep(int step, int steps, const PreviewFrames*) override {
        const double previous = stepEnd_.empty() ? stageStart_.at(GenerationStage::Denoising) : stepEnd_.back();
        stepEnd_.push_back(clock_.seconds());
        std::fprintf(stderr, "[bench] step %d/%d: %.1f s\n", step, steps, stepEnd_.back() - previous);
        if (stepEnd_.size() == 1 && onFirstStep)
            onFirstStep();
    }
    double between(GenerationStage a, GenerationStage b) const { return stageStart_.at(b) - stageStart_.at(a); }
    // Each denoising step: UNet call(s) for the CFG batch, guidance, scheduler step.
    std::vector<double> stepTimes() const {
        std::vector<double> out;
        double previous = stageStart_.at(GenerationStage::Denoising);
        for (double end : stepEnd_) {
            out.push_back(end - previous);
            previous = end;
        }
        return out;
    }
    double denoising() const { return stepEnd_.back() - stageStart_.at(GenerationStage::Denoising); }
    std::function<void()> onFirstStep;

private:
    Stopwatch clock_;
    std::map<GenerationStage, double> stageStart_;
    std::map<GenerationStage, double> stagePeakMb_;
    std::vector<double> stepEnd_;
};

} // namespace

nlohmann::json runPipelineBench(const PipelineBenchArgs& a) {
    GenerationRequest r;
    r.image = ImageLoader().load(a.image).image;
    r.prompt = a.prompt;
    r.negativePrompt = a.negativePrompt;
    r.width = a.width;
    r.height = a.height;
    r.numFrames = a.frames;
    r.numInferenceSteps = a.steps;
    r.guidanceScale = a.guidance;
    r.targetFps = a.fps;
    r.scheduler = a.scheduler;
    r.seed = a.seed;
    r.decodeChunkSize = a.decodeChunk;
    r.preview = PreviewMode::None;
    r.validate();

    const c10::Device device = resolveDevice(a.options.device);
    nlohmann::json out;
    const double rssBefore = currentRssMb();
    Stopwatch total(device);
    auto pipeline = I2VGenXLPipeline::load(a.model, a.options);
    out["load_s"] = total.seconds();
    out["rss_after_load_mb"] = currentRssMb() - rssBefore;
    const double peakAfterLoad = peakRssMb();
    out["peak_rss_after_load_mb"] = peakAfterLoad;
    out["parameters"] = pipeline->parameterCount();

    TimingObserver observer(device);
    std::optional<double> firstStep;
    observer.onFirstStep = [&] { firstStep = total.seconds(); };
    std::vector<double> totals, text, image, decode, denoise, steps;
    nlohmann::json stagePeaks;
    double stagePeakMax = 0;   // over every run, warm-up included
    GenerationResult result;
    double longestGap = 0;
    for (int run = 0; run < a.warmup + a.repeat; ++run) {
        observer.restart();
        CancelToken cancel;
        CancelCheckGaps gaps(a.traceGapsOver);
        cancel.setCheckObserver(&gaps);
        Stopwatch call(device);
        gaps.arm();
        result = pipeline->generate(r, &observer, &cancel);
        const double seconds = call.seconds();
        observer.onFirstStep = nullptr;
        for (auto stage : {GenerationStage::EncodingPrompt, GenerationStage::EncodingImage,
                           GenerationStage::Denoising, GenerationStage::Decoding})
            stagePeakMax = std::max(stagePeakMax, observer.stagePeakMb(stage));
        if (run < a.warmup)
            continue;
        longestGap = std::max(longestGap, gaps.longest());
        totals.push_back(seconds);
        text.push_back(observer.between(GenerationStage::EncodingPrompt, GenerationStage::EncodingImage));
        image.push_back(observer.between(GenerationStage::EncodingImage, GenerationStage::Denoising));
        decode.push_back(observer.between(GenerationStage::Decoding, GenerationStage::Done));
        denoise.push_back(observer.denoising());
        for (double s : observer.stepTimes())
            steps.push_back(s);
        stagePeaks = {{"text_encode", observer.stagePeakMb(GenerationStage::EncodingPrompt)},
                      {"image_encode_clip_and_vae", observer.stagePeakMb(GenerationStage::EncodingImage)},
                      {"denoise", observer.stagePeakMb(GenerationStage::Denoising)},
                      {"decode", observer.stagePeakMb(GenerationStage::Decoding)}};
    }
    if (!a.profileTrace.empty())
        profileOnce(a.profileTrace, [&] { pipeline->generate(r); });
    out["load_to_first_step_s"] = firstStep.value_or(-1.0);
    out["generate"] = summarize(totals);
    out["text_encode"] = summarize(text);
    out["image_encode_clip_and_vae"] = summarize(image);
    out["denoise"] = summarize(denoise);
    out["step"] = summarize(steps);
    out["decode"] = summarize(decode);
    out["longest_gap_between_cancel_checks_s"] = longestGap;

    if (a.exportVideo && haveVideoExport()) {
        const auto dir = std::filesystem::temp_directory_path() / ("i2v-bench-" + std::to_string(getpid()));
        std::filesystem::create_directories(dir);
        ExportSettings settings;
        settings.overwrite = true;
        setVideoExportVerbose(false);  // x264's statistics would bury the table
        Stopwatch clock;
        exportVideo(toVideoFrames(result.frames), settings, ExportMetadata{}, dir / "bench.mp4");
        out["export_mp4_s"] = clock.seconds();
        std::filesystem::remove_all(dir);
    }
    // Resetting VmHWM per stage also resets what getrusage reports afterwards, so the whole run's peak is the
    // largest of the load's peak, every stage's and what came after the last stage (export).
    out["peak_rss_mb"] = std::max({peakAfterLoad, stagePeakMax, stagePeakRssMb()});
    out["peak_rss_by_stage_mb"] = stagePeaks;   // last timed run; includes the weights resident then
    // What the desktop app predicts before the job (pipeline/JobCost.h), beside what was measured: the
    // arithmetic per stage and the rate it ran at, and the estimated peak against the measured one.
    const JobCost cost = pipeline->costModel()->estimate(r, pipeline->memorySettings());
    const auto median = [](const nlohmann::json& summary) { return summary.is_null() ? 0.0 : summary["median_s"].get<double>(); };
    const double encodeSeconds = median(out["text_encode"]) + median(out["image_encode_clip_and_vae"]);
    out["estimate"] = {{"encode_gflop", cost.encode.total() / 1e9},
                       {"step_gflop", cost.step.total() / 1e9},
                       {"decode_gflop", cost.decode.total() / 1e9},
                       {"encode_gflop_per_s", encodeSeconds > 0 ? cost.encode.total() / encodeSeconds / 1e9 : 0.0},
                       {"step_gflop_per_s", median(out["step"]) > 0 ? cost.step.total() / median(out["step"]) / 1e9 : 0.0},
                       {"decode_gflop_per_s", median(out["decode"]) > 0 ? cost.decode.total() / median(out["decode"]) / 1e9 : 0.0},
                       {"peak_mb", cost.peakBytes() / (1024.0 * 1024.0)},
                       {"weights_mb", cost.weightBytes / (1024.0 * 1024.0)}};
    if (device.is_cuda())
        out["peak_cuda_mb"] = peakCudaMb(device);
    out["settings"] = {{"width", a.width}, {"height", a.height}, {"frames", a.frames}, {"steps", a.steps},
                       {"guidance", a.guidance}, {"scheduler", result.schedulerName}, {"seed", a.seed},
                       {"warmup", a.warmup}, {"repeat", a.repeat}};
    return out;
}

} // namespace i2v::bench
