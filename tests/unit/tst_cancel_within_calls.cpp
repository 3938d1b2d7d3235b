// Cancel inside one UNet or VAE call (issue 15 #2): at 1280x704x16 on a CPU one UNet call takes minutes and
// one decoded frame seconds, so the job's cancel token is checked before every layer of every block.
// Deterministic, no timing: the token is set from the UNet's own trace at a known point, and the call must
// stop within the next layer.
#include "io/DiffusersFolder.h"
#include "io/SafetensorsFile.h"
#include "models/WeightLoader.h"
#include "models/autoencoders/AutoencoderKL.h"
#include "models/unets/UNetI2VGenXL.h"
#include "support/TestData.h"
#include "util/CancelToken.h"

using namespace i2v;
using i2v::test::goldenTensor;

class TestCancelWithinCalls : public QObject {
    Q_OBJECT
    std::unique_ptr<UNetI2VGenXL> unet_;
    UNetConditioning cond_;
    at::Tensor sample_, timestep_;

private slots:
    void initTestCase() {
        c10::InferenceMode guard;
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        unet_ = std::make_unique<UNetI2VGenXL>(UNetI2VGenXLConfig::fromJson(folder.componentConfig("unet")));
        loadWeights(*unet_, SafetensorsFile(folder.weightsFile("unet")));
        const std::string c = "ddim_h64w96_f4";
        sample_ = goldenTensor(c + "/step0/unet_sample");
        timestep_ = goldenTensor(c + "/step0/timestep");
        cond_ = unet_->encodeConditioning(goldenTensor(c + "/unet_fps"), goldenTensor(c + "/image_latents"),
                                          goldenTensor(c + "/image_embeddings"),
                                          goldenTensor(c + "/unet_encoder_hidden_states"));
    }

    void cancelStopsTheCallWithinABlock_data() {
        QTest::addColumn<QString>("cancelAt");   // the trace point where the token is set
        QTest::addColumn<QString>("neverReached");
        QTest::newRow("before the first down block") << "transformer_in.out0" << "down_blocks.0.out0";
        QTest::newRow("before the mid block") << "mid_block.in" << "mid_block.out0";
        QTest::newRow("after the mid block") << "mid_block.out0" << "up_blocks.0.out0";
    }

    void cancelStopsTheCallWithinABlock() {
        QFETCH(QString, cancelAt);
        QFETCH(QString, neverReached);
        c10::InferenceMode guard;
        CancelToken cancel;
        std::vector<std::string> seen;
        unet_->trace = [&](const std::string& name, const at::Tensor&) {
            seen.push_back(name);
            if (name == cancelAt.toStdString())
                cancel.cancel();
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, unet_->forward(sample_, timestep_, cond_, &cancel));
        unet_->trace = nullptr;
        QVERIFY(std::find(seen.begin(), seen.end(), cancelAt.toStdString()) != seen.end());
        QVERIFY2(std::find(seen.begin(), seen.end(), neverReached.toStdString()) == seen.end(),
                 "the UNet went on past the next layer after the cancel");
    }

    void vaeDecodeChecksWithinOneCall() {
        // Whole or tiled, one decoder call stops at its first check: the VAE decodes chunk by chunk, and a
        // chunk of one full-resolution frame is itself seconds of work.
        c10::InferenceMode guard;
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        AutoencoderKL vae(AutoencoderKLConfig::fromJson(folder.componentConfig("vae")));
        loadWeights(vae, SafetensorsFile(folder.weightsFile("vae")));
        const at::Tensor z = at::randn({1, vae.config().latentChannels, 16, 16});
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, vae.decodeBatch(z, false, &cancel));
        vae.tiling.sampleTileSize = 8 * vae.config().downscaleFactor();   // 8-latent tiles: z is 2x2 tiles
        QVERIFY_THROWS_EXCEPTION(Cancelled, vae.decodeBatch(z, true, &cancel));
        CancelToken unset;
        QVERIFY(at::equal(vae.decodeBatch(z, false, &unset), vae.decodeBatch(z, false)));
    }

    void anUncancelledTokenChangesNothing() {
        c10::InferenceMode guard;
        CancelToken cancel;
        const at::Tensor with = unet_->forward(sample_, timestep_, cond_, &cancel);
        const at::Tensor without = unet_->forward(sample_, timestep_, cond_);
        QVERIFY(at::equal(with, without));
    }
};

QTEST_APPLESS_MAIN(TestCancelWithinCalls)
#include "tst_cancel_within_calls.moc"
