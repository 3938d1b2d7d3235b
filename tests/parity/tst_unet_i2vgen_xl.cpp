// I2VGenXLUNet against diffusers: every recorded internal of the first call of the main case, and the
// output of every UNet call of every golden case, fed the golden inputs of that call.
#include "io/DiffusersFolder.h"
#include "models/WeightLoader.h"
#include "models/unets/UNetI2VGenXL.h"
#include "support/TensorCompare.h"
#include "support/TestData.h"
#include "util/Runtime.h"

using namespace i2v;
using i2v::test::golden;
using i2v::test::goldenTensor;

// fp32 CPU against fp32 CPU: only summation order differs (measured scale of this model: 2e-5).
static constexpr double kTol = 1e-4;

class TestUNetI2VGenXL : public QObject {
    Q_OBJECT
    std::unique_ptr<UNetI2VGenXL> unet_;

    at::Tensor run(const std::string& c, int step) {
        const std::string s = c + "/step" + std::to_string(step) + "/";
        return unet_->forward(goldenTensor(s + "unet_sample"), goldenTensor(s + "timestep"), goldenTensor(c + "/unet_fps"),
                              goldenTensor(c + "/image_latents"), goldenTensor(c + "/image_embeddings"),
                              goldenTensor(c + "/unet_encoder_hidden_states"));
    }

private slots:
    void initTestCase() {
        configureThreads(2);  // as the app sets up the process: OpenBLAS single-threaded, large GEMMs split
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        unet_ = std::make_unique<UNetI2VGenXL>(UNetI2VGenXLConfig::fromJson(folder.componentConfig("unet")));
        loadWeights(*unet_, SafetensorsFile(folder.weightsFile("unet")));
    }

    void internalsOfTheFirstCallMatch() {
        c10::InferenceMode guard;
        std::map<std::string, at::Tensor> seen;
        unet_->trace = [&](const std::string& name, const at::Tensor& t) { seen[name] = t.clone(); };
        run("ddim_h64w96_f4", 0);
        unet_->trace = nullptr;
        int compared = 0;
        for (const auto& key : golden().keys()) {
            const std::string prefix = "ddim_h64w96_f4/unet_internals/";
            if (key.rfind(prefix, 0) != 0)
                continue;
            const std::string name = key.substr(prefix.size());
            QVERIFY2(seen.count(name), ("UNet did not record " + name).c_str());
            I2V_COMPARE_TENSORS(seen[name].to(goldenTensor(key).scalar_type()), goldenTensor(key), kTol, key);
            ++compared;
        }
        QVERIFY(compared >= 40);
    }

    void everyCallOfEveryCaseMatches() {
        c10::InferenceMode guard;
        for (auto it = i2v::test::goldenManifest()["cases"].begin(); it != i2v::test::goldenManifest()["cases"].end(); ++it) {
            const std::string c = it.key();
            const int calls = it.value()["num_unet_calls"].get<int>();
            for (int step = 0; step < calls; ++step) {
                const std::string s = c + "/step" + std::to_string(step) + "/";
                const at::Tensor out = run(c, step);
                if (golden().contains(s + "unet_out")) {
                    I2V_COMPARE_TENSORS(out, goldenTensor(s + "unet_out"), kTol, s + "unet_out");
                } else {
                    I2V_COMPARE_TENSORS(out.narrow(0, 0, 1), goldenTensor(s + "unet_out_uncond"), kTol, s + "unet_out_uncond");
                    I2V_COMPARE_TENSORS(out.narrow(0, 1, 1), goldenTensor(s + "unet_out_text"), kTol, s + "unet_out_text");
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestUNetI2VGenXL)
#include "tst_unet_i2vgen_xl.moc"
