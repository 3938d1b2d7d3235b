// The whole pipeline in bf16 beside diffusers' own bf16 run of the main golden case
// (tests/data/golden/tiny-a-bf16.*, made by scripts/make_bf16_golden.py: torch_dtype=bfloat16, the noise drawn
// in float32 and rounded, as the engine draws it, so that only the arithmetic differs).
//
// Two bf16 runs cannot be held to each other at the float32 parity tolerance: each rounds every intermediate
// to 8 significant bits, at places that depend on its kernels (libtorch's bf16 GEMMs on AVX-512, fp32
// products rounded once elsewhere; diffusers' golden ran torch 1.13's scalar bf16 fallbacks). What bf16 must
// give is the float32 video up to bf16's error, so the bound is diffusers' own: the engine's bf16 final
// latents and frames are no farther from the float32 golden than diffusers' bf16 ones are, in RMS and in
// the largest difference. The distance between the two bf16 runs is then at most the sum of the two
// errors (the triangle inequality); it is printed, not asserted, since it cannot fail on its own.
#include "pipeline/I2VGenXLPipeline.h"
#include "support/GoldenRequest.h"
#include "support/TestData.h"
#include "util/Runtime.h"

using namespace i2v;

namespace {

const std::string kCase = "ddim_h64w96_f4";

struct Distance {
    double relRms = 0, maxAbs = 0;
};

// How far `x` is from `reference`: RMS of the difference over the reference's RMS, and the largest difference.
Distance distance(const at::Tensor& x, const at::Tensor& reference) {
    const at::Tensor r = reference.to(at::kDouble);
    const at::Tensor d = x.to(at::kDouble).reshape(r.sizes()) - r;
    return {d.square().mean().sqrt().item<double>() / r.square().mean().sqrt().item<double>(),
            d.abs().max().item<double>()};
}

} // namespace

class TestPipelineBf16 : public QObject {
    Q_OBJECT
    GenerationResult ours_;
    std::unique_ptr<SafetensorsFile> diffusersBf16_;

private slots:
    void initTestCase() {
        configureThreads(2);
        diffusersBf16_ = std::make_unique<SafetensorsFile>(test::dataDir() / "golden" / "tiny-a-bf16.safetensors");
        PipelineOptions bf16;
        bf16.dtype = ComputeDtype::BFloat16;
        const GenerationRequest r = test::goldenRequest(test::goldenManifest()["cases"][kCase], test::goldenInputImage());
        ours_ = I2VGenXLPipeline::load(test::tinyModelDir(), bf16)->generate(r);
    }

    void reallyRanInBf16() {
        // The final latents come out of bf16 arithmetic: every value has at most 8 significant bits.
        QVERIFY(at::equal(ours_.latents.to(at::kBFloat16).to(at::kFloat), ours_.latents.to(at::kFloat)));
        QVERIFY(!at::equal(ours_.frames, test::goldenTensor(kCase + "/frames_np")[0]));
    }

    void noFartherFromFloat32ThanDiffusersBf16_data() {
        QTest::addColumn<QString>("ours");
        QTest::addColumn<QString>("golden");
        QTest::newRow("final latents") << "latents" << "final_latents";
        QTest::newRow("frames") << "frames" << "frames_np";
    }
    void noFartherFromFloat32ThanDiffusersBf16() {
        QFETCH(QString, ours);
        QFETCH(QString, golden);
        const at::Tensor mine = ours == "latents" ? ours_.latents : ours_.frames;
        const int lastStep = test::goldenManifest()["cases"][kCase]["num_unet_calls"].get<int>() - 1;
        const at::Tensor fp32 = golden == "final_latents"
                                    ? test::goldenTensor(kCase + "/step" + std::to_string(lastStep) + "/latents")
                                    : test::goldenTensor(kCase + "/frames_np");
        const at::Tensor theirs = diffusersBf16_->tensor("bf16/" + golden.toStdString());
        const Distance engine = distance(mine, fp32), diffusers = distance(theirs, fp32),
                       between = distance(mine, theirs);
        qInfo("%s from float32: engine bf16 rel-RMS %.2f %% max %.4f, diffusers bf16 rel-RMS %.2f %% max %.4f; "
              "engine bf16 from diffusers bf16: rel-RMS %.2f %% max %.4f",
              qPrintable(golden), 100 * engine.relRms, engine.maxAbs, 100 * diffusers.relRms, diffusers.maxAbs,
              100 * between.relRms, between.maxAbs);
        QVERIFY2(engine.relRms <= diffusers.relRms, "bf16 RMS error above diffusers' own");
        QVERIFY2(engine.maxAbs <= diffusers.maxAbs, "bf16 largest error above diffusers' own");
    }
};

QTEST_APPLESS_MAIN(TestPipelineBf16)
#include "tst_pipeline_bf16.moc"
