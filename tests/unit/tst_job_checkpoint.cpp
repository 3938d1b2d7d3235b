// A job's saved progress (pipeline/JobCheckpoint.h) on the demo model: a job stopped after any step (cancelled,
// failed, the process gone) and run again with the same file gives the same frames, bit for bit, as a job that never
// stopped, with every scheduler (the multistep solvers' history and the stochastic ones' generator included); a
// job saved after its last step goes straight to the decode; the file of another job, or a damaged one, is
// refused with what differs or what is wrong, before any work.
#include "image/ImageLoader.h"
#include "io/SafetensorsFile.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "pipeline/JobCheckpoint.h"
#include "support/TestData.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <ATen/ATen.h>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace i2v;

namespace {

bool sameTensor(const at::Tensor& a, const at::Tensor& b) { return a.sizes() == b.sizes() && at::equal(a, b); }

// Counts what the job reports, and stops it (cancel, or a failure) after a chosen step or at the decode.
struct StoppingObserver : GenerationObserver {
    CancelToken* cancel = nullptr;
    int stopAfterStep = 0;          // 0: never
    bool stopAtDecode = false;
    bool failInstead = false;       // throws OutOfMemory where it would cancel
    int resumedAt = -1;
    int firstStep = 0;
    int steps = 0;
    std::vector<GenerationStage> stages;

    void stop() {
        if (failInstead)
            throw OutOfMemory("out of memory (made by the test)");
        cancel->cancel();
    }
    void onStage(GenerationStage s) override {
        stages.push_back(s);
        if (s == GenerationStage::Decoding && stopAtDecode)
            stop();
    }
    void onResumed(int stepsDone, int) override { resumedAt = stepsDone; }
    void onStep(int step, int, const PreviewFrames*) override {
        if (firstStep == 0)
            firstStep = step;
        ++steps;
        if (step == stopAfterStep)
            stop();
    }
    bool encoded() const {
        return std::find(stages.begin(), stages.end(), GenerationStage::EncodingPrompt) != stages.end();
    }
};

std::string readMeta(const std::filesystem::path& file, const std::string& key) {
    const SafetensorsFile st(file);
    const auto it = st.metadata().find(key);
    return it == st.metadata().end() ? std::string() : it->second;
}

} // namespace

class TestJobCheckpoint : public QObject {
    Q_OBJECT
    std::unique_ptr<I2VGenXLPipeline> pipeline_;
    QTemporaryDir dir_;

    GenerationRequest request(const std::string& scheduler = "") const {
        GenerationRequest r;
        r.image = ImageLoader().load(test::goldenInputImage()).image;
        r.prompt = "A red fox jumping over a frozen river";
        r.negativePrompt = "blurry";
        r.width = 96;
        r.height = 64;
        r.numFrames = 4;
        r.numInferenceSteps = 6;
        r.seed = 7;
        r.scheduler = scheduler;
        r.preview = PreviewMode::None;
        return r;
    }

    std::filesystem::path file(const char* name) const { return std::filesystem::path(dir_.path().toStdString()) / name; }

    // Runs `r` keeping its progress in `path` until `observer` stops it; true when it stopped as asked.
    bool runUntilStopped(const GenerationRequest& r, const std::filesystem::path& path, StoppingObserver& observer,
                         double secondsBetweenWrites = 1e9) {
        CancelToken cancel;
        observer.cancel = &cancel;
        const CheckpointOptions keep{path, secondsBetweenWrites};
        try {
            pipeline_->generate(r, &observer, &cancel, &keep);
        } catch (const Cancelled&) {
            return !observer.failInstead;
        } catch (const OutOfMemory&) {
            return observer.failInstead;
        }
        return false;
    }

    GenerationResult resume(const GenerationRequest& r, const std::filesystem::path& path, StoppingObserver& observer) {
        const CheckpointOptions keep{path, 1e9};
        return pipeline_->generate(r, &observer, nullptr, &keep);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        pipeline_ = I2VGenXLPipeline::load(test::tinyModelDir());
    }

    void aStoppedJobGoesOnToTheSameFrames_data() {
        QTest::addColumn<QString>("scheduler");
        QTest::addColumn<double>("eta");
        QTest::addColumn<int>("stopAfter");
        QTest::newRow("ddim (the model's), after step 1") << "" << 0.0 << 1;
        QTest::newRow("ddim eta 0.5 (noise at every step)") << "ddim" << 0.5 << 3;
        QTest::newRow("dpmpp-2m (a solver with history)") << "dpmpp-2m" << 0.0 << 3;
        QTest::newRow("unipc (history and a corrector)") << "unipc" << 0.0 << 2;
        QTest::newRow("unipc after step 4") << "unipc" << 0.0 << 4;
        QTest::newRow("euler") << "euler" << 0.0 << 3;
        QTest::newRow("euler-a (noise at every step)") << "euler-a" << 0.0 << 2;
        QTest::newRow("ddpm (noise at every step)") << "ddpm" << 0.0 << 5;
    }
    void aStoppedJobGoesOnToTheSameFrames() {
        QFETCH(QString, scheduler);
        QFETCH(double, eta);
        QFETCH(int, stopAfter);
        GenerationRequest r = request(scheduler.toStdString());
        r.eta = eta;
        const GenerationResult reference = pipeline_->generate(r);

        const auto path = file("stopped.safetensors");
        std::filesystem::remove(path);
        StoppingObserver first;
        first.stopAfterStep = stopAfter;
        QVERIFY(runUntilStopped(r, path, first));
        // Written when it stopped, though no periodic write was due.
        QVERIFY(std::filesystem::exists(path));
        QCOMPARE(readMeta(path, "steps_done"), std::to_string(stopAfter));

        StoppingObserver second;
        const GenerationResult resumed = resume(r, path, second);
        QCOMPARE(second.resumedAt, stopAfter);
        QCOMPARE(second.firstStep, stopAfter + 1);
        QCOMPARE(second.steps, 6 - stopAfter);
        QVERIFY(sameTensor(resumed.latents, reference.latents));
        QVERIFY(sameTensor(resumed.frames, reference.frames));
        QCOMPARE(readMeta(path, "steps_done"), std::string("6"));  // kept after the last step, for the caller to remove
    }

    // Written as the steps go (here after every one): a failure that leaves no time to save still finds the last
    // step in the file, and a job that is not stopped gives the frames it gives without a file.
    void progressIsWrittenAsTheStepsFinish() {
        const GenerationRequest r = request("dpmpp-2m");
        const GenerationResult reference = pipeline_->generate(r);
        const auto path = file("periodic.safetensors");
        std::filesystem::remove(path);
        StoppingObserver failing;
        failing.stopAfterStep = 4;
        failing.failInstead = true;
        QVERIFY(runUntilStopped(r, path, failing, /*secondsBetweenWrites=*/0));
        QCOMPARE(readMeta(path, "steps_done"), std::string("4"));
        StoppingObserver second;
        QVERIFY(sameTensor(resume(r, path, second).frames, reference.frames));
        QCOMPARE(second.resumedAt, 4);

        std::filesystem::remove(path);
        StoppingObserver plain;
        const CheckpointOptions keep{path, 0};
        QVERIFY(sameTensor(pipeline_->generate(r, &plain, nullptr, &keep).frames, reference.frames));
        QCOMPARE(plain.resumedAt, -1);
        QCOMPARE(readMeta(path, "steps_done"), std::string("6"));
    }

    // Stopped while decoding: the file holds every step, and the next run only decodes (no encoder runs).
    void aJobStoppedWhileDecodingOnlyDecodesAgain() {
        const GenerationRequest r = request();
        const GenerationResult reference = pipeline_->generate(r);
        const auto path = file("decoding.safetensors");
        std::filesystem::remove(path);
        StoppingObserver first;
        first.stopAtDecode = true;
        QVERIFY(runUntilStopped(r, path, first));
        QCOMPARE(readMeta(path, "steps_done"), std::string("6"));
        StoppingObserver second;
        QVERIFY(sameTensor(resume(r, path, second).frames, reference.frames));
        QCOMPARE(second.resumedAt, 6);
        QCOMPARE(second.steps, 0);
        QVERIFY(!second.encoded());
    }

    // The preview and the decode chunk do not change the denoising: a job may go on with others, and gives what a
    // job with those from the start gives (the decoder's batch of frames changes the frames' last bits).
    void aJobGoesOnWithAnotherPreviewAndDecodeChunk() {
        GenerationRequest r = request();
        const auto path = file("preview.safetensors");
        std::filesystem::remove(path);
        StoppingObserver first;
        first.stopAfterStep = 2;
        QVERIFY(runUntilStopped(r, path, first));
        r.preview = PreviewMode::LatentProjection;
        r.decodeChunkSize = 2;
        const GenerationResult reference = pipeline_->generate(r);
        StoppingObserver second;
        const GenerationResult resumed = resume(r, path, second);
        QCOMPARE(second.resumedAt, 2);
        QVERIFY(sameTensor(resumed.latents, reference.latents));
        QVERIFY(sameTensor(resumed.frames, reference.frames));
    }

    void theFileOfAnotherJobIsRefused_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("said");
        QTest::newRow("seed") << "seed" << "the seed is 7 in the saved progress and 8 in this job";
        QTest::newRow("steps") << "steps" << "the step count is 6 in the saved progress and 8 in this job";
        QTest::newRow("prompt") << "prompt" << "the prompt is \"A red fox jumping over a frozen river\" in the saved "
                                              "progress and \"A cat\" in this job";
        QTest::newRow("picture") << "picture" << "the saved progress was made from another picture";
        QTest::newRow("crop") << "crop" << "the crop position is the centre in the saved progress and 0.0, 0.25 in this job";
    }
    void theFileOfAnotherJobIsRefused() {
        QFETCH(QString, change);
        QFETCH(QString, said);
        const auto path = file("another.safetensors");
        if (!std::filesystem::exists(path)) {
            StoppingObserver first;
            first.stopAfterStep = 2;
            QVERIFY(runUntilStopped(request(), path, first));
        }
        const auto before = std::filesystem::last_write_time(path);
        GenerationRequest r = request();
        if (change == "seed")
            r.seed = 8;
        else if (change == "steps")
            r.numInferenceSteps = 8;
        else if (change == "prompt")
            r.prompt = "A cat";
        else if (change == "picture")
            r.image.pixels[100] ^= 1;
        else
            r.cropPosition = {0.0, 0.25};
        StoppingObserver second;
        try {
            resume(r, path, second);
            QFAIL("the file of another job was used");
        } catch (const InputError& e) {
            const QString message = e.what();
            QVERIFY2(message.contains("belongs to another job: " + said), e.what());
            QVERIFY2(message.contains(QString::fromStdString(path.string())), e.what());
        }
        QVERIFY(second.stages.empty());  // refused before any work
        QVERIFY(std::filesystem::last_write_time(path) == before);  // and left as it was
    }

    void savedSettingsGiveTheSeed() {
        const auto path = file("another.safetensors");
        QVERIFY(std::filesystem::exists(path));
        const GenerationRequest saved = savedSettings(readJobCheckpoint(path));
        QCOMPARE(saved.seed, uint64_t(7));
        QCOMPARE(saved.numInferenceSteps, 6);
        QCOMPARE(saved.prompt, request().prompt);
    }

    void aDamagedFileIsRefused_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("said");
        QTest::newRow("random bytes") << "bytes" << "cannot be used";
        QTest::newRow("weights, not a saved job") << "weights" << "not a saved job of this app";
        QTest::newRow("latents of another shape") << "shape" << "its latents are 1x4x4x4x6, this job's 1x4x4x8x12";
        QTest::newRow("latents not finite") << "nan" << "its latents hold values that are not finite";
        QTest::newRow("a step count beyond the job's") << "index" << "\"step_index\" is 99";
        QTest::newRow("a damaged generator") << "generator" << "its random generator's state is damaged";
        QTest::newRow("more steps done than the job has") << "done" << "7 of 6 steps done";
    }
    void aDamagedFileIsRefused() {
        QFETCH(QString, damage);
        QFETCH(QString, said);
        const GenerationRequest r = request("dpmpp-2m");
        const auto good = file("good.safetensors");
        if (!std::filesystem::exists(good)) {
            StoppingObserver first;
            first.stopAfterStep = 3;
            QVERIFY(runUntilStopped(r, good, first));
        }
        const auto path = file("damaged.safetensors");
        JobCheckpoint c = readJobCheckpoint(good);
        if (damage == "bytes") {
            std::ofstream(path, std::ios::binary) << "this is not a safetensors file at all, nor a saved job";
        } else if (damage == "weights") {
            SafetensorsFile::write(path, {{"latents", c.latents}});
        } else {
            if (damage == "shape")
                c.latents = c.latents.slice(3, 0, 4).slice(4, 0, 6);
            else if (damage == "nan")
                c.latents[0][0][0][0][0] = std::nan("");
            else if (damage == "index")
                c.scheduler["step_index"] = at::scalar_tensor(int64_t(99), at::kLong);
            else if (damage == "generator")
                c.generatorState = c.generatorState.slice(0, 0, 10);
            else
                c.stepsDone = 7;
            writeJobCheckpoint(path, c);
        }
        StoppingObserver observer;
        try {
            resume(r, path, observer);
            QFAIL("a damaged file was used");
        } catch (const InputError& e) {
            const QString message = e.what();
            QVERIFY2(message.contains(said), e.what());
            QVERIFY2(message.contains("delete it to start the job from its first step"), e.what());
        }
        QVERIFY(!observer.encoded());  // refused before any work
        // The pipeline is as good as new afterwards (a copy: the job writes its file after its last step).
        std::filesystem::copy_file(good, path, std::filesystem::copy_options::overwrite_existing);
        StoppingObserver again;
        resume(r, path, again);
        QCOMPARE(again.resumedAt, 3);
    }

    // A full disk or a folder gone does not cost the video: the job goes on and says once that it cannot be saved.
    void anUnwritableFileIsSaidOnceAndTheJobGoesOn() {
        struct Warnings : GenerationObserver {
            std::vector<std::string> said;
            void onWarning(const std::string& m) override { said.push_back(m); }
        } warnings;
        const CheckpointOptions keep{file("no-such-folder") / "job.safetensors", 0};
        const GenerationResult result = pipeline_->generate(request(), &warnings, nullptr, &keep);
        QVERIFY(sameTensor(result.frames, pipeline_->generate(request()).frames));
        QCOMPARE(warnings.said.size(), size_t(1));
        const QString said = QString::fromStdString(warnings.said[0]);
        QVERIFY2(said.contains("the job's progress cannot be saved") && said.contains("no-such-folder"), warnings.said[0].c_str());
    }
};

QTEST_GUILESS_MAIN(TestJobCheckpoint)
#include "tst_job_checkpoint.moc"
