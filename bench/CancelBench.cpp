// `i2v-bench cancel`: how long a cancel takes to stop a running job, the way the desktop app's Cancel and
// Quit do it (CancelToken::cancel() from another thread while generate() runs). For each stage asked for,
// the job is started `repeat` times and cancelled at a different moment inside that stage (spread over
// `window` seconds after the stage starts); the latency is the time from cancel() to generate() throwing
// Cancelled. At the real size (1280×704) one UNet call takes minutes on a CPU: the job checks the token
// between blocks, ResNets and attention chunks (UNet) and between decoder blocks (VAE), so the latency is
// bounded by the longest single operation, not by a step. Every run also records the longest stretch between
// two checks from the stage's start to the cancel (what any cancel in that span waits at most), and
// --trace-gaps prints where long stretches ended.
#include "BenchSupport.h"
#include "Benchmarks.h"

#include "image/ImageLoader.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

namespace i2v::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Wakes the canceller when the job reaches the stage to cancel in.
class StageSignal : public GenerationObserver {
public:
    explicit StageSignal(GenerationStage target) : target_(target) {}
    void onStage(GenerationStage stage) override {
        if (stage != target_)
            return;
        std::lock_guard lock(mutex_);
        reached_ = Clock::now();
        changed_.notify_all();
    }
    // The moment the stage started; nothing when the job ended first.
    std::optional<Clock::time_point> wait(const std::atomic<bool>& ended) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return reached_.has_value() || ended.load(); });
        return reached_;
    }
    void wake() {
        std::lock_guard lock(mutex_);
        changed_.notify_all();
    }

private:
    GenerationStage target_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Clock::time_point> reached_;
};

GenerationStage parseStage(const std::string& name) {
    if (name == "denoise")
        return GenerationStage::Denoising;
    if (name == "decode")
        return GenerationStage::Decoding;
    throw InputError("unknown stage '" + name + "': choose denoise or decode");
}

} // namespace

nlohmann::json runCancelBench(const CancelBenchArgs& a) {
    GenerationRequest r;
    r.image = ImageLoader().load(a.image).image;
    r.prompt = "A red fox jumping over a frozen river";
    r.width = a.width;
    r.height = a.height;
    r.numFrames = a.frames;
    r.numInferenceSteps = a.steps;
    r.decodeChunkSize = a.decodeChunk;
    r.preview = PreviewMode::None;
    r.validate();
    if (a.repeat < 1 || a.window < 0)
        throw InputError("--repeat must be at least 1 and --window not negative");

    auto pipeline = I2VGenXLPipeline::load(a.model, a.options);
    nlohmann::json out;
    nlohmann::json stages = nlohmann::json::object();
    double worst = 0;
    for (const std::string& stageName : a.stages) {
        const GenerationStage stage = parseStage(stageName);
        std::vector<double> latencies;
        double longestGap = 0;
        int endedFirst = 0;
        for (int run = 0; run < a.repeat; ++run) {
            StageSignal signal(stage);
            CancelToken cancel;
            CancelCheckGaps gaps(a.traceGapsOver);
            cancel.setCheckObserver(&gaps);
            std::atomic<bool> ended{false};
            Clock::time_point returned;
            bool cancelled = false;
            std::thread job([&] {
                try {
                    pipeline->generate(r, &signal, &cancel);
                } catch (const Cancelled&) {
                    cancelled = true;
                }
                returned = Clock::now();
                ended = true;
                signal.wake();
            });
            const std::optional<Clock::time_point> start = signal.wait(ended);
            // Cancel moments spread evenly over the window: run 0 at its start, the last at its end.
            const double offset = a.repeat == 1 ? 0.0 : a.window * run / (a.repeat - 1);
            if (start) {
                gaps.arm(*start);
                std::this_thread::sleep_until(*start + std::chrono::duration<double>(offset));
            }
            const Clock::time_point asked = Clock::now();
            cancel.cancel();
            job.join();
            longestGap = std::max(longestGap, gaps.longest());
            if (!cancelled) {
                ++endedFirst;   // the job ended before the cancel: no latency to report
                continue;
            }
            latencies.push_back(std::chrono::duration<double>(returned - asked).count());
            worst = std::max(worst, latencies.back());
        }
        nlohmann::json s = latencies.empty() ? nlohmann::json::object() : summarize(latencies);
        s["ended_before_cancel"] = endedFirst;
        s["longest_gap_between_checks_s"] = longestGap;
        stages[stageName] = s;
    }
    out["cancel_latency"] = stages;
    out["worst_cancel_latency_s"] = worst;
    out["settings"] = {{"width", a.width}, {"height", a.height}, {"frames", a.frames}, {"steps", a.steps},
                       {"decode_chunk", a.decodeChunk}, {"window_s", a.window}, {"repeat", a.repeat}};
    return out;
}

} // namespace i2v::bench
