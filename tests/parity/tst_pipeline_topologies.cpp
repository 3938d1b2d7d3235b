// The whole pipeline against diffusers on checkpoints whose topology is not the real model's
// (tests/data/make_topology_variants.py): two or three UNet levels, one layer per block, VAEs of one, two
// and five levels (latents at 1, 1/2, 1/16 of the picture), other head dims, norm groups, cross-attention
// and CLIP image sizes and normalisation (tiny-e has the dimensions of diffusers' own fast test), epsilon
// and v-prediction schedulers with other beta schedules and spacings, fp16-only files. Every size the
// engine uses must come from these configs.
#include "io/SafetensorsFile.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "support/GoldenRequest.h"
#include "support/TensorCompare.h"
#include "support/TestData.h"
#include "util/Errors.h"
#include "util/Runtime.h"

#include <fstream>

using namespace i2v;

// The bound of tests/parity/tst_pipeline.cpp (fp32 end to end, rounding 2e-5 per op) relative to the tensor's
// scale: with epsilon prediction and scaled_linear betas the first DDIM step divides by sqrt(alphas_cumprod)
// (0.068 here), so latents reach |14| and their rounding grows with them. Frames are in [0, 1]: 1e-4 as is.
static constexpr double kTol = 1e-4;

namespace {
double toleranceFor(const at::Tensor& expected) { return kTol * std::max(1.0, expected.abs().max().item<double>()); }
} // namespace

namespace {

nlohmann::json manifestOf(const std::string& variant) {
    std::ifstream in(i2v::test::dataDir() / "golden" / (variant + ".manifest.json"));
    return nlohmann::json::parse(in);
}

} // namespace

class TestPipelineTopologies : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureThreads(2); }

    void everyCaseMatchesDiffusers_data() {
        QTest::addColumn<QString>("variant");
        for (const char* v : {"tiny-b", "tiny-c", "tiny-d", "tiny-e"})
            QTest::newRow(v) << QString(v);
    }

    void everyCaseMatchesDiffusers() {
        QFETCH(QString, variant);
        const std::string name = variant.toStdString();
        const nlohmann::json manifest = manifestOf(name);
        const SafetensorsFile golden(i2v::test::dataDir() / "golden" / (name + ".safetensors"));
        const auto pipeline = I2VGenXLPipeline::load(i2v::test::dataDir() / "models" / name);
        const auto image = i2v::test::dataDir() / manifest["input_image"].get<std::string>();
        for (auto it = manifest["cases"].begin(); it != manifest["cases"].end(); ++it) {
            const std::string c = it.key();
            const GenerationResult out = pipeline->generate(i2v::test::goldenRequest(it.value(), image));
            const std::string latents = c + "/step" + std::to_string(it.value()["num_unet_calls"].get<int>() - 1) + "/latents";
            I2V_COMPARE_TENSORS(out.latents, golden.tensor(latents), toleranceFor(golden.tensor(latents)), name + " " + latents);
            I2V_COMPARE_TENSORS(out.frames, golden.tensor(c + "/frames_np")[0], kTol, name + " " + c + "/frames_np");
            qInfo("%s %s: latents max abs diff %.3g, frames %.3g", name.c_str(), c.c_str(),
                  i2v::test::maxAbsDiff(out.latents, golden.tensor(latents)),
                  i2v::test::maxAbsDiff(out.frames, golden.tensor(c + "/frames_np")[0]));
        }
    }

    // A size this checkpoint's VAE cannot halve to a whole latent is the user's error, named with the rule.
    void sizeNotDivisibleByThisVaeIsAnInputError() {
        const nlohmann::json manifest = manifestOf("tiny-d");  // VAE scale factor 16: 8-multiples are not enough
        const auto pipeline = I2VGenXLPipeline::load(i2v::test::dataDir() / "models" / "tiny-d");
        GenerationRequest r = i2v::test::goldenRequest(manifest["cases"].begin().value(),
                                                       i2v::test::dataDir() / manifest["input_image"].get<std::string>());
        r.width = 40;
        try {
            pipeline->generate(r);
            QFAIL("a width of 40 was accepted by a checkpoint whose VAE needs multiples of 16");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("16") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestPipelineTopologies)
#include "tst_pipeline_topologies.moc"
