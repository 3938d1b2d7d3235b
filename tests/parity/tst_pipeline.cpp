// The whole I2VGenXLPipeline against diffusers for every golden case: same image file, prompts, sizes,
// scheduler, seeds (generator seed and the global seed that drives the VAE sample) -> final latents
// and output frames within 1e-4. Also cancel and reuse.
#include "pipeline/I2VGenXLPipeline.h"
#include "support/GoldenRequest.h"
#include "support/TensorCompare.h"
#include "support/TestData.h"
#include "util/CancelToken.h"
#include "util/Runtime.h"

using namespace i2v;
using i2v::test::goldenTensor;

// The bound: fp32 CPU end to end, float-rounding scale of this model 2e-5 per op.
static constexpr double kTol = 1e-4;

namespace {

GenerationRequest requestFor(const nlohmann::json& c) { return i2v::test::goldenRequest(c, i2v::test::goldenInputImage()); }

struct CancelAtStep : GenerationObserver {
    CancelToken& token;
    int at;
    int steps = 0;
    CancelAtStep(CancelToken& t, int s) : token(t), at(s) {}
    void onStep(int step, int, const PreviewFrames*) override {
        ++steps;
        if (step == at)
            token.cancel();
    }
};

struct CountingObserver : GenerationObserver {
    int steps = 0, previews = 0, stages = 0;
    void onStage(GenerationStage) override { ++stages; }
    void onStep(int, int, const PreviewFrames* p) override {
        ++steps;
        if (p && p->frames > 0 && p->rgb.size() == size_t(p->frames) * p->width * p->height * 3)
            ++previews;
    }
};

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT
    std::unique_ptr<I2VGenXLPipeline> pipeline_;

private slots:
    void initTestCase() {
        configureThreads(2);  // as the app sets up the process: OpenBLAS single-threaded, large GEMMs split
        pipeline_ = I2VGenXLPipeline::load(i2v::test::tinyModelDir());
    }

    void everyGoldenCaseMatches() {
        const auto& cases = i2v::test::goldenManifest()["cases"];
        for (auto it = cases.begin(); it != cases.end(); ++it) {
            const std::string c = it.key();
            const GenerationRequest r = requestFor(it.value());
            const GenerationResult out = pipeline_->generate(r);
            const int last = it.value()["num_unet_calls"].get<int>() - 1;
            const std::string latentsName = c + "/step" + std::to_string(last) + "/latents";
            I2V_COMPARE_TENSORS(out.latents, goldenTensor(latentsName), kTol, latentsName);
            I2V_COMPARE_TENSORS(out.frames, goldenTensor(c + "/frames_np")[0], kTol, c + "/frames_np");
            qInfo("%s: latents max abs diff %.3g, frames %.3g", c.c_str(),
                  i2v::test::maxAbsDiff(out.latents, goldenTensor(latentsName)),
                  i2v::test::maxAbsDiff(out.frames, goldenTensor(c + "/frames_np")[0]));
        }
    }

    void observerSeesEveryStepWithPreview() {
        GenerationRequest r = requestFor(i2v::test::goldenManifest()["cases"]["ddim_h64w96_f4"]);
        CountingObserver obs;
        pipeline_->generate(r, &obs);
        QCOMPARE(obs.steps, r.numInferenceSteps);
        QCOMPARE(obs.previews, r.numInferenceSteps);
        QVERIFY(obs.stages >= 4);
        r.preview = PreviewMode::FullDecode;
        CountingObserver full;
        pipeline_->generate(r, &full);
        QCOMPARE(full.previews, r.numInferenceSteps);
    }

    void cancelStopsPromptlyAndThePipelineStaysUsable() {
        const GenerationRequest r = requestFor(i2v::test::goldenManifest()["cases"]["ddim_h64w96_f4"]);
        CancelToken token;
        CancelAtStep obs(token, 2);
        QVERIFY_THROWS_EXCEPTION(Cancelled, pipeline_->generate(r, &obs, &token));
        QCOMPARE(obs.steps, 2);  // no UNet call after the cancel
        token.reset();
        const GenerationResult again = pipeline_->generate(r, nullptr, &token);
        I2V_COMPARE_TENSORS(again.latents, goldenTensor("ddim_h64w96_f4/step3/latents"), kTol, "after cancel");
    }

    void impossibleSettingsAreRefused() {
        GenerationRequest r = requestFor(i2v::test::goldenManifest()["cases"]["ddim_h64w96_f4"]);
        r.width = 100;
        QVERIFY_THROWS_EXCEPTION(InputError, pipeline_->generate(r));
        r.width = 96;
        r.eta = 2.0;
        QVERIFY_THROWS_EXCEPTION(InputError, pipeline_->generate(r));
        r.eta = 0.0;
        r.scheduler = "no-such-scheduler";
        QVERIFY_THROWS_EXCEPTION(InputError, pipeline_->generate(r));
    }
};

QTEST_APPLESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
