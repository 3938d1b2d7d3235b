// Faults during a job, on the demo model: running out of memory (CPU allocation failures, CUDA's
// OutOfMemoryError, std::bad_alloc) is an OutOfMemory with a hint; cancelling at random moments from
// another thread (100 trials) never hangs, leaks or changes what the next job produces; an empty
// prompt runs and an over-long one is truncated with a warning. After every fault the same pipeline
// must produce bit-identical frames to a job run before any fault.
#include "image/ImageLoader.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "support/TestData.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <ATen/ATen.h>
#include <QTest>

#include <chrono>
#include <fstream>
#include <functional>
#include <future>
#include <malloc.h>
#include <random>
#include <sys/resource.h>
#include <thread>

using namespace i2v;

#if defined(__SANITIZE_ADDRESS__)
#define I2V_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define I2V_UNDER_ASAN 1
#endif
#endif

namespace {

// Throws whatever `fault` throws when the job reaches `stage` (and, for denoising, `step`): the way an
// allocation that fails inside that stage reaches generate().
struct FaultObserver : GenerationObserver {
    GenerationStage stage = GenerationStage::Done;
    int step = 0;
    std::function<void()> fault;
    void onStage(GenerationStage s) override {
        if (s == stage && stage != GenerationStage::Denoising && fault)
            fault();
    }
    void onStep(int s, int, const PreviewFrames*) override {
        if (stage == GenerationStage::Denoising && s == step && fault)
            fault();
    }
};

struct WarningObserver : GenerationObserver {
    std::vector<std::string> warnings;
    void onWarning(const std::string& m) override { warnings.push_back(m); }
};

struct StageObserver : GenerationObserver {
    std::atomic<int> stage{-1};
    void onStage(GenerationStage s) override { stage = int(s); }
};

// Resident memory of this process in MiB (/proc/self/status VmRSS), after handing free heap pages back
// (each std::async thread may get its own malloc arena; what they cache is not a leak).
double residentMiB() {
    ::malloc_trim(0);
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

double virtualBytes() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmSize:", 0) == 0)
            return std::stod(line.substr(7)) * 1024.0;
    return 0;
}

bool sameTensor(const at::Tensor& a, const at::Tensor& b) {
    return a.defined() && b.defined() && a.sizes() == b.sizes() && at::equal(a, b);
}

} // namespace

class TestPipelineFaults : public QObject {
    Q_OBJECT
    std::unique_ptr<I2VGenXLPipeline> pipeline_;
    at::Tensor reference_;
    int64_t parametersWithoutEncoders_ = 0;
    double jobSeconds_ = 0;

    GenerationRequest request() const {
        GenerationRequest r;
        r.image = ImageLoader().load(test::goldenInputImage()).image;
        r.prompt = "A red fox jumping over a frozen river";
        r.negativePrompt = "blurry";
        r.width = 96;
        r.height = 64;
        r.numFrames = 4;
        r.numInferenceSteps = 6;
        r.seed = 7;
        r.preview = PreviewMode::LatentProjection;
        return r;
    }

    // The engine is as good as new: the same job gives the same frames, and no encoder stays loaded.
    void verifyEngineReusable() {
        QCOMPARE(pipeline_->parameterCount(), parametersWithoutEncoders_);
        const GenerationResult again = pipeline_->generate(request());
        QVERIFY(sameTensor(again.frames, reference_));
    }

private slots:
    void initTestCase() {
        PipelineOptions options;
        options.offloadEncoders = true;  // failures and cancels must also release the per-job encoders
        pipeline_ = I2VGenXLPipeline::load(test::tinyModelDir(), options);
        parametersWithoutEncoders_ = pipeline_->parameterCount();
        reference_ = pipeline_->generate(request()).frames;
        // The job length for the cancel storm: the mean of three warm runs.
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < 3; ++i)
            QVERIFY(sameTensor(pipeline_->generate(request()).frames, reference_));
        jobSeconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 3;
        QCOMPARE(reference_.sizes(), (at::IntArrayRef{4, 64, 96, 3}));
        QVERIFY(at::isfinite(reference_).all().item<bool>());
        qInfo("one job (96x64, 4 frames, 6 steps, CFG, encoders reloaded): %.3f s", jobSeconds_);
    }

    // Offload loads each encoder only for its stage (the text encoder is gone before the image encoder comes): the
    // video is the one of a pipeline that keeps both.
    void offloadGivesTheSameVideo() {
        const auto kept = I2VGenXLPipeline::load(test::tinyModelDir(), PipelineOptions{});
        QVERIFY(kept->parameterCount() > parametersWithoutEncoders_);
        QVERIFY(sameTensor(kept->generate(request()).frames, reference_));
    }

    void emptyPromptIsAllowed() {
        GenerationRequest r = request();
        r.prompt.clear();
        r.negativePrompt.clear();
        const GenerationResult result = pipeline_->generate(r);
        QVERIFY(at::isfinite(result.frames).all().item<bool>());
        QVERIFY(!sameTensor(result.frames, reference_));
    }

    void longPromptWarnsAndIsTruncated() {
        std::string longPrompt;
        for (int i = 0; i < 20; ++i)
            longPrompt += "a red fox jumps ";
        GenerationRequest r = request();
        r.prompt = longPrompt;
        WarningObserver observer;
        const GenerationResult a = pipeline_->generate(r, &observer);
        QCOMPARE(int(observer.warnings.size()), 1);
        QVERIFY2(observer.warnings[0].find("only the first 77 are used") != std::string::npos, observer.warnings[0].c_str());
        // Words past token 77 do not reach the model.
        r.prompt = longPrompt + "over a frozen river at night";
        const GenerationResult b = pipeline_->generate(r);
        QVERIFY(sameTensor(a.frames, b.frames));
    }

    void outOfMemoryIsReportedAndTheEngineStaysUsable_data() {
        QTest::addColumn<int>("stage");
        QTest::addColumn<int>("kind");  // 0 std::bad_alloc, 1 CPU allocator c10::Error, 2 c10::OutOfMemoryError (CUDA)
        for (auto [stageName, stage] : {std::pair{"prompt", GenerationStage::EncodingPrompt},
                                        std::pair{"image", GenerationStage::EncodingImage},
                                        std::pair{"step 3", GenerationStage::Denoising},
                                        std::pair{"decode", GenerationStage::Decoding}})
            for (auto [kindName, kind] : {std::pair{"bad_alloc", 0}, std::pair{"cpu allocator", 1}, std::pair{"cuda", 2}})
                QTest::newRow((std::string(stageName) + ", " + kindName).c_str()) << int(stage) << kind;
    }

    void outOfMemoryIsReportedAndTheEngineStaysUsable() {
        QFETCH(int, stage);
        QFETCH(int, kind);
        FaultObserver observer;
        observer.stage = GenerationStage(stage);
        observer.step = 3;
        observer.fault = [kind] {
            if (kind == 0)
                throw std::bad_alloc();
            if (kind == 1)  // what c10's DefaultCPUAllocator throws when posix_memalign fails
                TORCH_CHECK(false, "DefaultCPUAllocator: not enough memory: you tried to allocate 21474836480 bytes.");
            TORCH_CHECK_WITH(OutOfMemoryError, false,
                             "CUDA out of memory. Tried to allocate 20.00 GiB (GPU 0; 79.15 GiB total capacity)");
        };
        try {
            pipeline_->generate(request(), &observer);
            QFAIL("the fault did not surface");
        } catch (const OutOfMemory& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("out of memory") != std::string::npos, m.c_str());
            QVERIFY2(m.find("reduce the size or the number of frames") != std::string::npos, m.c_str());
            QVERIFY2(m.find("memory mode") != std::string::npos, m.c_str());
            if (kind == 2)
                QVERIFY2(m.find("Tried to allocate 20.00 GiB") != std::string::npos, m.c_str());
        }
        verifyEngineReusable();
    }

    // A real allocation failure: the address space is capped a little above what the process uses, and a
    // 4096x4096, 256-frame job cannot fit. Not under ASan, whose shadow memory needs terabytes of it.
    void realCpuAllocationFailure() {
#ifdef I2V_UNDER_ASAN
        QSKIP("address-space limits do not work under AddressSanitizer");
#else
        GenerationRequest big = request();
        big.width = big.height = 4096;
        big.numFrames = 256;
        rlimit old{};
        QVERIFY(::getrlimit(RLIMIT_AS, &old) == 0);
        rlimit capped = old;
        capped.rlim_cur = rlim_t(virtualBytes()) + (768ull << 20);
        QVERIFY(::setrlimit(RLIMIT_AS, &capped) == 0);
        std::string message;
        try {
            pipeline_->generate(big);
        } catch (const OutOfMemory& e) {
            message = e.what();
        } catch (const std::exception& e) {
            message = std::string("wrong exception: ") + e.what();
        }
        QVERIFY(::setrlimit(RLIMIT_AS, &old) == 0);
        qInfo("%s", message.c_str());
        QVERIFY2(message.rfind("out of memory", 0) == 0, message.c_str());
        QVERIFY2(message.find("reduce the size or the number of frames") != std::string::npos, message.c_str());
        verifyEngineReusable();
#endif
    }

    // 100 jobs, each cancelled from another thread after a random delay between 0 and 1.5 job lengths, every
    // fourth within the first quarter of the fastest job (fixed seed; the job length is re-measured as the storm
    // goes): every job ends (no hang) with Cancelled or complete, identical frames; memory does not
    // grow; the next job gives the reference frames.
    void cancelStorm() {
        std::mt19937 rng(20240611);
        std::uniform_real_distribution<double> fraction(0.0, 1.5), earlyFraction(0.0, 0.25);
        // The job length follows the machine's load: a moving average over the jobs that completed.
        double jobSeconds = jobSeconds_;
        const GenerationRequest r = request();
        (void)pipeline_->generate(r);  // warm the allocator before measuring memory
        const double rssBefore = residentMiB();
        int cancelled = 0, completed = 0;
        int byStage[6] = {};
        // (cancel delay, was it cancelled) per trial, and the fastest complete job: a cancel sent in the first
        // half of the fastest job's time must always win, whatever the machine's load did to the job lengths.
        std::vector<std::pair<double, bool>> outcomes;
        double fastestJob = 1e9;
        for (int trial = 0; trial < 100; ++trial) {
            CancelToken token;
            StageObserver observer;
            const auto started = std::chrono::steady_clock::now();
            // The job's own end: measured after canceller.join() it would include the canceller's sleep, and
            // the average would grow by up to 1.1x per completed job until the delays took minutes (it did,
            // on Debian 13, after some 60 trials).
            std::chrono::steady_clock::time_point ended;
            auto job = std::async(std::launch::async, [&] {
                GenerationResult result = pipeline_->generate(r, &observer, &token);
                ended = std::chrono::steady_clock::now();
                return result;
            });
            // Every fourth delay falls in the first quarter of the fastest job so far: with only the random
            // delays, a loaded machine (a fast job among slow ones) left too few below half the fastest job for
            // the rule checked at the end (3 of 100 in one Debian 13 run).
            const double wait = trial % 4 == 3 ? earlyFraction(rng) * std::min(fastestJob, jobSeconds) : fraction(rng) * jobSeconds;
            std::thread canceller([&token, wait] {
                std::this_thread::sleep_for(std::chrono::duration<double>(wait));
                token.cancel();
            });
            const bool finished = job.wait_for(std::chrono::seconds(120)) == std::future_status::ready;
            canceller.join();
            if (!finished)
                QFAIL(qPrintable(QString("trial %1 hung (cancel after %2 s)").arg(trial).arg(wait)));
            try {
                const GenerationResult result = job.get();
                const double took = std::chrono::duration<double>(ended - started).count();
                jobSeconds = 0.8 * jobSeconds + 0.2 * took;
                fastestJob = std::min(fastestJob, took);
                outcomes.emplace_back(wait, false);
                QVERIFY2(sameTensor(result.frames, reference_), qPrintable(QString("trial %1 differs").arg(trial)));
                ++completed;
            } catch (const Cancelled&) {
                outcomes.emplace_back(wait, true);
                ++cancelled;
                ++byStage[std::clamp(observer.stage.load() + 1, 0, 5)];
            } catch (const std::exception& e) {
                QFAIL(qPrintable(QString("trial %1 failed with something else than Cancelled: %2").arg(trial).arg(e.what())));
            }
            QCOMPARE(pipeline_->parameterCount(), parametersWithoutEncoders_);
        }
        const double rssAfter = residentMiB();
        qInfo("cancel storm: %d cancelled (before any stage %d, prompt %d, image %d, denoising %d, decoding %d), "
              "%d completed; resident %.0f -> %.0f MiB",
              cancelled, byStage[0], byStage[1], byStage[2], byStage[3], byStage[4], completed, rssBefore, rssAfter);
        QCOMPARE(cancelled + completed, 100);
        // Two thirds of the delays are meant to be shorter than a job; how many land in time depends on the
        // machine's load (a count threshold failed on a loaded CI machine), so the rule checked is the one that
        // does not: every cancel sent early enough stopped its job.
        QVERIFY(cancelled > 0);
        int early = 0;
        for (const auto& [wait, wasCancelled] : outcomes) {
            if (wait >= 0.5 * fastestJob)
                continue;
            ++early;
            QVERIFY2(wasCancelled, qPrintable(QString("a cancel after %1 s did not stop a job (the fastest took %2 s)")
                                                  .arg(wait).arg(fastestJob)));
        }
        qInfo("%d cancels within half the fastest job (%.2f s), each stopped its job", early, fastestJob);
        QVERIFY2(early >= 5, qPrintable(QString("only %1 early cancels: the storm did not test much").arg(early)));
#ifndef I2V_UNDER_ASAN  // ASan's quarantine holds freed memory; LeakSanitizer checks leaks there instead
        // A job's tensors and the reloaded encoders are several MiB; 100 leaked jobs would add hundreds.
        QVERIFY2(rssAfter - rssBefore < 64, qPrintable(QString("resident memory grew by %1 MiB").arg(rssAfter - rssBefore)));
#endif
        verifyEngineReusable();
    }
};

int main(int argc, char** argv) {
    // The cancel storm runs 100 jobs: on a loaded 2-core machine that can pass Qt Test's default 5-minute
    // limit per test function, which aborts the test with a stack trace that looks like a hang.
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "1200000");
    TestPipelineFaults test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_pipeline_faults.moc"
