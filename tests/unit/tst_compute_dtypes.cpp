// Reduced-precision compute on the CPU: a bf16 job runs end to end (the CLIP causal mask once used
// float's lowest value, which does not fit in bf16) and stays close to the fp32 video.
#include "image/ImageLoader.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "support/TestData.h"

#include <ATen/ATen.h>
#include <QtTest>

using namespace i2v;

class TestComputeDtypes : public QObject {
    Q_OBJECT
private slots:
    void bf16JobRunsAndStaysNearFp32() {
        GenerationRequest r;
        r.image = ImageLoader().load(test::goldenInputImage()).image;
        r.prompt = "A red fox jumping over a frozen river";
        r.width = 96;
        r.height = 64;
        r.numFrames = 4;
        r.numInferenceSteps = 3;
        r.preview = PreviewMode::None;
        PipelineOptions bf16;
        bf16.dtype = ComputeDtype::BFloat16;
        const GenerationResult low = I2VGenXLPipeline::load(test::tinyModelDir(), bf16)->generate(r);
        const GenerationResult ref = I2VGenXLPipeline::load(test::tinyModelDir())->generate(r);
        QCOMPARE(low.frames.sizes(), ref.frames.sizes());
        QVERIFY(at::isfinite(low.frames).all().item<bool>());
        QVERIFY(!at::equal(low.frames, ref.frames));  // it really ran in bf16
        // bf16 keeps ~3 significant digits: frames in [0,1] agree to a few hundredths on average.
        const double meanError = (low.frames - ref.frames).abs().mean().item<double>();
        QVERIFY2(meanError < 0.05, std::to_string(meanError).c_str());
    }
};

QTEST_APPLESS_MAIN(TestComputeDtypes)
#include "tst_compute_dtypes.moc"
