// Device and dtype mistakes made visible without a GPU. Every scheduler steps model outputs of every
// compute dtype and hands back the dtype it got, finite (diffusers' `prev_sample.to(model_output.dtype)`);
// every random draw comes from the job's CPU generator in float32 whatever the target, so the same seed
// gives the same noise on any device and dtype; and tensors on the `meta` device (no data, a device of its
// own) stand in for CUDA ones: a CPU tensor that meets them, as UniPC's CPU-solved coefficients once met
// CUDA latents, throws here as it would on a GPU.
#include "io/JsonConfig.h"
#include "schedulers/SchedulerFactory.h"
#include "support/TestData.h"
#include "util/RandomDraw.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <QtTest>

using namespace i2v;

namespace {

JsonConfig demoSchedulerConfig() { return JsonConfig::load(test::tinyModelDir() / "scheduler" / "scheduler_config.json"); }

// Runs `steps` steps of scheduler `name` on tensors made by `make` (shape [F, C, h, w]).
at::Tensor runSteps(const std::string& name, const std::function<at::Tensor(at::Generator&)>& make, int steps,
                    at::Generator& generator) {
    auto scheduler = SchedulerFactory::create(demoSchedulerConfig(), name);
    scheduler->setTimesteps(steps);
    if (scheduler->acceptsEta())
        scheduler->setEta(0.5);  // DDIM's stochastic branch
    at::Tensor sample = make(generator) * scheduler->initNoiseSigma();
    const at::Tensor timesteps = scheduler->timesteps();
    for (int64_t i = 0; i < timesteps.size(0); ++i) {
        const at::Tensor input = scheduler->scaleModelInput(sample, timesteps[i]);
        const at::Tensor modelOutput = make(generator) * 0.5 + input * 0.1;
        sample = scheduler->step(modelOutput, timesteps[i], sample, &generator).prevSample;
    }
    return sample;
}

} // namespace

class TestSchedulerDevices : public QObject {
    Q_OBJECT
private slots:
    void everySchedulerKeepsTheModelDtype_data() {
        QTest::addColumn<QString>("scheduler");
        QTest::addColumn<int>("dtype");
        for (const std::string& n : SchedulerFactory::names())
            for (auto [label, t] : {std::pair<const char*, at::ScalarType>{"fp32", at::kFloat}, {"bf16", at::kBFloat16}})
                QTest::newRow((n + " " + label).c_str()) << QString::fromStdString(n) << int(t);
    }

    void everySchedulerKeepsTheModelDtype() {
        QFETCH(QString, scheduler);
        QFETCH(int, dtype);
        const auto type = at::ScalarType(dtype);
        at::Generator g = at::make_generator<at::CPUGeneratorImpl>(7);
        const at::Tensor out = runSteps(
            scheduler.toStdString(), [&](at::Generator& gen) { return normalNoise({2, 4, 6, 5}, &gen, type); }, 4, g);
        QCOMPARE(int(out.scalar_type()), dtype);
        QVERIFY(at::isfinite(out.to(at::kFloat)).all().item<bool>());
    }

    // The draw is float32 on the generator's device, then cast: bf16 noise is the fp32 noise rounded.
    void drawsAreTheSameInEveryDtype() {
        at::Generator a = at::make_generator<at::CPUGeneratorImpl>(42), b = at::make_generator<at::CPUGeneratorImpl>(42);
        const at::Tensor fp32 = normalNoise({3, 17}, &a, at::kFloat);
        const at::Tensor bf16 = normalNoise({3, 17}, &b, at::kBFloat16);
        QVERIFY(at::equal(fp32.to(at::kBFloat16), bf16));
        at::Generator c = at::make_generator<at::CPUGeneratorImpl>(42);
        QVERIFY(at::equal(fp32, at::randn({3, 17}, c, at::TensorOptions().dtype(at::kFloat))));  // = torch.randn
    }

    // What makes the meta runs below worth having: a CPU tensor with elements meets a meta tensor -> the
    // same "tensors on different devices" error as with a CUDA tensor (0-dim CPU scalars are allowed in
    // both). (A CPU generator filling a meta tensor is not refused, unlike CUDA: normalNoise never asks it to.)
    void metaStandsInForCuda() {
        const at::Tensor onMeta = at::empty({2, 3}, at::TensorOptions().dtype(at::kHalf).device(at::kMeta));
        QVERIFY_THROWS_EXCEPTION(c10::Error, at::full({3}, 0.5, at::kHalf) * onMeta);
        QVERIFY((at::scalar_tensor(0.5, at::kFloat) * onMeta).is_meta());
        at::Generator g = at::make_generator<at::CPUGeneratorImpl>(1);
        const at::Tensor noise = normalNoise({2, 3}, &g, onMeta.options());
        QVERIFY(noise.is_meta());
        QCOMPARE(noise.scalar_type(), at::kHalf);
    }

    // Every scheduler steps meta tensors: no CPU tensor of its own (noise, coefficients, tables) meets them.
    void everySchedulerRunsOnAnotherDevice_data() {
        QTest::addColumn<QString>("scheduler");
        for (const std::string& n : SchedulerFactory::names())
            QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }

    void everySchedulerRunsOnAnotherDevice() {
        QFETCH(QString, scheduler);
        at::Generator g = at::make_generator<at::CPUGeneratorImpl>(3);
        const auto meta = at::TensorOptions().dtype(at::kHalf).device(at::kMeta);
        at::Tensor out;
        try {
            out = runSteps(scheduler.toStdString(), [&](at::Generator& gen) { return normalNoise({2, 4, 6, 5}, &gen, meta); },
                           4, g);
        } catch (const c10::Error& e) {
            QFAIL(e.what_without_backtrace());
        }
        QVERIFY(out.is_meta());
        QCOMPARE(out.scalar_type(), at::kHalf);
    }
};

QTEST_APPLESS_MAIN(TestSchedulerDevices)
#include "tst_scheduler_devices.moc"
