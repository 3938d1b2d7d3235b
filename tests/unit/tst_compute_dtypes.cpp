// Reduced-precision compute on the CPU: a bf16 job runs end to end (the CLIP causal mask once used
// float's lowest value, which does not fit in bf16) and stays close to the fp32 video. And what "auto"
// means per device: fp16 and no chunking on CUDA, fp32 and 256 MiB chunks on the CPU.
#include "image/ImageLoader.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "support/TestData.h"
#include "util/Errors.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <torch/cuda.h>
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

    void autoResolvesPerDevice() {
        const PipelineOptions defaults;
        QCOMPARE(int(defaults.dtype), int(ComputeDtype::Auto));
        const PipelineOptions cpu = resolveForDevice(defaults, c10::Device(c10::kCPU));
        QCOMPARE(int(cpu.dtype), int(ComputeDtype::Float32));
        QCOMPARE(cpu.attention.maxScoreBytes, int64_t(256) << 20);
        const PipelineOptions cuda = resolveForDevice(defaults, c10::Device(c10::kCUDA));
        QCOMPARE(int(cuda.dtype), int(ComputeDtype::Float16));
        QCOMPARE(cuda.attention.maxScoreBytes, int64_t(0));
        PipelineOptions asked;  // what the user chose stays
        asked.dtype = ComputeDtype::Float32;
        asked.attention.maxScoreBytes = int64_t(64) << 20;
        const PipelineOptions kept = resolveForDevice(asked, c10::Device(c10::kCUDA));
        QCOMPARE(int(kept.dtype), int(ComputeDtype::Float32));
        QCOMPARE(kept.attention.maxScoreBytes, int64_t(64) << 20);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, scalarTypeOf(ComputeDtype::Auto));
    }

    void devicesAndChunksParse() {
        QCOMPARE(parseAttentionChunk("auto"), PipelineOptions::kAutoChunkBytes);
        QCOMPARE(parseAttentionChunk("0"), int64_t(0));
        QCOMPARE(parseAttentionChunk("128"), int64_t(128) << 20);
        for (const char* bad : {"", "-5", "12x", "lots"})
            QVERIFY_THROWS_EXCEPTION(InputError, parseAttentionChunk(bad));
        QCOMPARE(int(parseComputeDtype("auto")), int(ComputeDtype::Auto));
        QVERIFY(resolveDevice("cpu").is_cpu());
        QVERIFY_THROWS_EXCEPTION(InputError, resolveDevice("tpu"));
        QVERIFY_THROWS_EXCEPTION(InputError, resolveDevice("mps"));
        if (!torch::cuda::is_available()) {
            QVERIFY(resolveDevice("auto").is_cpu());
            // The message says which it is (a CPU-only libtorch, or no GPU and driver), as `i2v -v` does.
            try {
                resolveDevice("cuda");
                QFAIL("cuda resolved without CUDA");
            } catch (const InputError& e) {
                QVERIFY(!cudaProblem().empty());
                QVERIFY2(std::string(e.what()).find(cudaProblem()) != std::string::npos, e.what());
            }
        } else {
            // cuda:N beyond the device count is the user's error, named, not libtorch's at the first tensor.
            QVERIFY_THROWS_EXCEPTION(InputError, resolveDevice("cuda:" + std::to_string(torch::cuda::device_count())));
        }
    }
};

QTEST_APPLESS_MAIN(TestComputeDtypes)
#include "tst_compute_dtypes.moc"
