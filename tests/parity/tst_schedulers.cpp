// Schedulers against diffusers 0.27.2: the tables (betas, alphas_cumprod, timesteps, sigmas,
// init_noise_sigma) and, for every golden case, the whole denoising step sequence driven by the
// golden noise_pred, exactly as I2VGenXLPipeline calls the scheduler (per frame, CFG-doubled model
// input, one CPU generator shared with the initial noise).
#include "io/JsonConfig.h"
#include "schedulers/DdimScheduler.h"
#include "schedulers/DpmSolverMultistepScheduler.h"
#include "schedulers/EulerAncestralDiscreteScheduler.h"
#include "schedulers/EulerDiscreteScheduler.h"
#include "schedulers/UniPcMultistepScheduler.h"
#include "schedulers/SchedulerFactory.h"
#include "support/TensorCompare.h"
#include "support/TestData.h"

#include <ATen/CPUGeneratorImpl.h>
#include <map>

using i2v::Scheduler;
using i2v::SchedulerFactory;
using i2v::test::golden;
using i2v::test::goldenManifest;
using i2v::test::goldenTensor;

namespace {

// Scheduler math runs in float32 through the same ATen ops, in the same order, as diffusers; the
// scalar coefficients are 0-dim float32 tensors as there. Measured: bit-exact (max-abs 0) for every
// step of every case, golden-fed and cumulative, on this machine. The bound leaves room for one
// float32 rounding of values of order 10 (exp/log/expm1 or linalg_solve taking another vector ISA
// path than the goldens' pinned AVX2); anything larger is a real difference in the formula.
constexpr double kSchedulerAtol = 1e-6;
// Tables: same ops, same order; integer tables must match exactly.
constexpr double kTableAtol = 0.0;

std::string shortName(const std::string& diffusersClass) {
    for (const auto& n : SchedulerFactory::names())
        if (SchedulerFactory::diffusersClassFor(n) == diffusersClass)
            return n;
    return "?";
}

std::unique_ptr<Scheduler> schedulerForCase(const std::string& caseName) {
    const auto& c = goldenManifest().at("cases").at(caseName);
    // The golden builds `<Class>.from_config(checkpoint's DDIM config)`: the same path as our override.
    return SchedulerFactory::load(i2v::test::tinyModelDir(), shortName(c.at("scheduler").get<std::string>()));
}

std::vector<std::string> caseNames() {
    std::vector<std::string> out;
    for (const auto& [name, c] : goldenManifest().at("cases").items())
        out.push_back(name);
    return out;
}

// [1,C,F,h,w] -> [F,C,h,w], how the pipeline hands latents and noise_pred to scheduler.step.
at::Tensor toFrames(const at::Tensor& x) {
    const auto b = x.size(0), c = x.size(1), f = x.size(2), h = x.size(3), w = x.size(4);
    return x.permute({0, 2, 1, 3, 4}).reshape({b * f, c, h, w});
}
at::Tensor fromFrames(const at::Tensor& x, int64_t batch) {
    const auto f = x.size(0) / batch, c = x.size(1), h = x.size(2), w = x.size(3);
    return x.unsqueeze(0).reshape({batch, f, c, h, w}).permute({0, 2, 1, 3, 4});
}

// The sigma table of the schedulers that keep one (undefined for DDIM/DDPM).
at::Tensor sigmasOf(Scheduler* s) {
    if (auto* e = dynamic_cast<i2v::EulerDiscreteScheduler*>(s))
        return e->sigmas();
    if (auto* a = dynamic_cast<i2v::EulerAncestralDiscreteScheduler*>(s))
        return a->sigmas();
    if (auto* d = dynamic_cast<i2v::DpmSolverMultistepScheduler*>(s))
        return d->sigmas();
    if (auto* u = dynamic_cast<i2v::UniPcMultistepScheduler*>(s))
        return u->sigmas();
    return {};
}

const i2v::SafetensorsFile& extraGolden() {
    static const i2v::SafetensorsFile f(i2v::test::dataDir() / "golden" / "schedulers-extra.safetensors");
    return f;
}
const nlohmann::json& extraManifest() {
    static const nlohmann::json m = i2v::JsonConfig::load(i2v::test::dataDir() / "golden" / "schedulers-extra.manifest.json").json();
    return m;
}

// Worst error seen per tensor family, printed at the end (the report of this suite).
std::map<std::string, double>& worst() {
    static std::map<std::string, double> m;
    return m;
}
void record(const std::string& family, double diff) {
    auto& w = worst()[family];
    w = std::max(w, diff);
}

#define CHECK_CLOSE(actual, expected, atol, family, name)                                          \
    do {                                                                                          \
        record((family), ::i2v::test::maxAbsDiff((actual), (expected)));                           \
        I2V_COMPARE_TENSORS((actual), (expected), (atol), (name));                                 \
    } while (0)

} // namespace

class TestSchedulers : public QObject {
    Q_OBJECT

private slots:
    void betasAndAlphasCumprod() {
        auto s = SchedulerFactory::load(i2v::test::tinyModelDir());
        QCOMPARE(QString::fromStdString(s->name()), QString("ddim"));
        auto* ddim = dynamic_cast<i2v::DdimScheduler*>(s.get());
        QVERIFY(ddim);
        // squaredcos_cap_v2 in double then float32, zero-SNR rescale in float32: identical ops
        CHECK_CLOSE(ddim->schedule().betas(), goldenTensor("scheduler/betas"), kTableAtol, "betas", "scheduler/betas");
        CHECK_CLOSE(ddim->schedule().alphasCumprod(), goldenTensor("scheduler/alphas_cumprod"), kTableAtol,
                    "alphas_cumprod", "scheduler/alphas_cumprod");
        QCOMPARE(ddim->schedule().alphasCumprod()[-1].item<float>(), 0.0f);  // DDIM keeps exact zero SNR
    }

    void ddimTimesteps() {
        for (int n : {50, 25, 4, 3}) {
            auto s = SchedulerFactory::load(i2v::test::tinyModelDir());
            s->setTimesteps(n);
            const std::string name = "scheduler/ddim_timesteps_" + std::to_string(n);
            QCOMPARE(s->timesteps().scalar_type(), at::kLong);
            I2V_COMPARE_TENSORS_EXACT(s->timesteps(), goldenTensor(name), name);
        }
    }

    void caseTables_data() {
        QTest::addColumn<QString>("caseName");
        for (const auto& c : caseNames())
            QTest::newRow(c.c_str()) << QString::fromStdString(c);
    }
    void caseTables() {
        QFETCH(QString, caseName);
        const std::string c = caseName.toStdString();
        const int64_t steps = goldenManifest().at("cases").at(c).at("call").at("num_inference_steps").get<int64_t>();
        for (int64_t n : {steps, int64_t(50)}) {
            auto s = schedulerForCase(c);
            s->setTimesteps(n);
            const std::string suffix = n == steps ? "" : "_50";
            const at::Tensor expected = goldenTensor(c + "/timesteps" + suffix);
            QCOMPARE(s->timesteps().scalar_type(), expected.scalar_type());  // float32 for Euler, int64 else
            I2V_COMPARE_TENSORS_EXACT(s->timesteps(), expected, c + "/timesteps" + suffix);
            if (golden().contains(c + "/sigmas" + suffix)) {
                const at::Tensor sigmas = sigmasOf(s.get());
                QVERIFY2(sigmas.defined(), "golden has sigmas for a scheduler without a sigma table");
                // np.interp at integer knots returns the float32 table entries themselves
                CHECK_CLOSE(sigmas, goldenTensor(c + "/sigmas" + suffix), kTableAtol, "sigmas", c + "/sigmas" + suffix);
            }
            if (n == steps) {
                const at::Tensor sigma = at::scalar_tensor(static_cast<float>(s->initNoiseSigma()), at::kFloat);
                CHECK_CLOSE(sigma, goldenTensor(c + "/init_noise_sigma"), kTableAtol, "init_noise_sigma",
                            c + "/init_noise_sigma");
            }
        }
    }

    // One generator: init_noise first (latent shape), then each scheduler draw ([F,4,h,w] per step).
    void generatorDrawOrder_data() { caseTables_data(); }
    void generatorDrawOrder() {
        QFETCH(QString, caseName);
        const std::string c = caseName.toStdString();
        const auto& m = goldenManifest().at("cases").at(c);
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(m.at("generator_seed").get<uint64_t>());
        const auto shape = m.at("latent_shape").get<std::vector<int64_t>>();
        I2V_COMPARE_TENSORS_EXACT(at::randn(shape, gen), goldenTensor(c + "/init_noise"), c + "/init_noise");
        for (int j = 0; golden().contains(c + "/scheduler_noise" + std::to_string(j)); ++j) {
            const std::string name = c + "/scheduler_noise" + std::to_string(j);
            const at::Tensor expected = goldenTensor(name);
            I2V_COMPARE_TENSORS_EXACT(at::randn(expected.sizes(), gen), expected, name);
        }
    }

    // Golden-fed: step k starts from the golden latents of step k-1, so each step is checked alone.
    void stepSequenceGoldenFed_data() { caseTables_data(); }
    void stepSequenceGoldenFed() { runSequence(false); }
    // Cumulative: our own latents go forward; proves no drift over the whole run.
    void stepSequenceCumulative_data() { caseTables_data(); }
    void stepSequenceCumulative() { runSequence(true); }

    // scripts/make_scheduler_goldens.py: Euler ancestral, UniPC, DDPM and the options the pipeline
    // goldens do not reach (trailing/linspace spacing, eta = 1, epsilon + clipping, DPM order 3 and SDE),
    // each a whole loop fed with golden model outputs and checked cumulatively.
    void extraGoldens_data() {
        QTest::addColumn<QString>("caseName");
        for (const auto& [name, c] : extraManifest().at("cases").items())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void extraGoldens() {
        QFETCH(QString, caseName);
        const std::string c = caseName.toStdString();
        const auto& m = extraManifest().at("cases").at(c);
        const auto& extra = extraGolden();
        nlohmann::json config = i2v::JsonConfig::load(i2v::test::tinyModelDir() / "scheduler" / "scheduler_config.json").json();
        for (const auto& [k, v] : m.at("config_overrides").items())
            config[k] = v;
        auto s = SchedulerFactory::create(i2v::JsonConfig(config, "scheduler_config.json + overrides"),
                                          shortName(m.at("scheduler").get<std::string>()));
        const auto& kw = m.at("step_kwargs");
        if (kw.contains("eta"))
            s->setEta(kw.at("eta").get<double>());
        s->setTimesteps(m.at("num_inference_steps").get<int64_t>());
        I2V_COMPARE_TENSORS_EXACT(s->timesteps(), extra.tensor(c + "/timesteps"), c + "/timesteps");
        QCOMPARE(s->timesteps().scalar_type(), extra.tensor(c + "/timesteps").scalar_type());
        if (extra.contains(c + "/sigmas"))
            CHECK_CLOSE(sigmasOf(s.get()), extra.tensor(c + "/sigmas"), kTableAtol, "sigmas", c + "/sigmas");
        CHECK_CLOSE(at::scalar_tensor(static_cast<float>(s->initNoiseSigma()), at::kFloat), extra.tensor(c + "/init_noise_sigma"),
                    kTableAtol, "init_noise_sigma", c + "/init_noise_sigma");

        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(m.at("generator_seed").get<uint64_t>());
        const auto shape = m.at("latent_shape").get<std::vector<int64_t>>();
        at::Tensor latents = at::randn(shape, gen) * s->initNoiseSigma();
        I2V_COMPARE_TENSORS_EXACT(latents, extra.tensor(c + "/init_latents"), c + "/init_latents");
        const std::string source = extraManifest().at("source_case").get<std::string>();
        const at::Tensor timesteps = s->timesteps();
        for (int64_t k = 0; k < timesteps.size(0); ++k) {
            const std::string S = c + "/step" + std::to_string(k) + "/";
            const at::Tensor modelInput = s->scaleModelInput(at::cat({latents, latents}), timesteps[k]);
            if (extra.contains(S + "unet_sample"))
                CHECK_CLOSE(modelInput, extra.tensor(S + "unet_sample"), kSchedulerAtol, "extra unet_sample", S + "unet_sample");
            const at::Tensor noisePred = goldenTensor(source + "/step" + std::to_string(k % 4) + "/noise_pred");
            const auto out = s->step(toFrames(noisePred), timesteps[k], toFrames(latents), &gen);
            latents = fromFrames(out.prevSample, shape[0]);
            CHECK_CLOSE(latents, extra.tensor(S + "latents"), kSchedulerAtol, "extra latents", S + "latents");
            if (extra.contains(S + "pred_original_sample"))
                CHECK_CLOSE(fromFrames(out.predOriginalSample, shape[0]), extra.tensor(S + "pred_original_sample"),
                            kSchedulerAtol, "extra pred_original_sample", S + "pred_original_sample");
        }
    }

    void cleanupTestCase() {
        for (const auto& [family, diff] : worst())
            qInfo("worst max-abs error %-22s %.3g", family.c_str(), diff);
    }

private:
    void runSequence(bool cumulative) {
        QFETCH(QString, caseName);
        const std::string c = caseName.toStdString();
        const auto& m = goldenManifest().at("cases").at(c);
        const bool cfg = m.at("do_classifier_free_guidance").get<bool>();
        const std::string mode = cumulative ? "cumulative " : "golden-fed ";

        auto s = schedulerForCase(c);
        if (m.at("call").contains("eta") && s->acceptsEta())
            s->setEta(m.at("call").at("eta").get<double>());
        s->setTimesteps(m.at("call").at("num_inference_steps").get<int64_t>());
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(m.at("generator_seed").get<uint64_t>());
        const auto shape = m.at("latent_shape").get<std::vector<int64_t>>();
        at::Tensor latents = at::randn(shape, gen) * s->initNoiseSigma();
        I2V_COMPARE_TENSORS_EXACT(latents, goldenTensor(c + "/init_latents"), c + "/init_latents");

        const at::Tensor timesteps = s->timesteps();
        for (int64_t k = 0; k < timesteps.size(0); ++k) {
            const std::string S = c + "/step" + std::to_string(k) + "/";
            if (!cumulative)
                latents = goldenTensor(k == 0 ? c + "/init_latents" : c + "/step" + std::to_string(k - 1) + "/latents");
            const at::Tensor t = timesteps[k];
            QCOMPARE(t.item<double>(), goldenTensor(S + "timestep").item<double>());

            const at::Tensor modelInput = cfg ? at::cat({latents, latents}) : latents;
            CHECK_CLOSE(s->scaleModelInput(modelInput, t), goldenTensor(S + "unet_sample"), kSchedulerAtol,
                        mode + "unet_sample", mode + S + "unet_sample");

            const at::Tensor noisePred = goldenTensor(S + "noise_pred");
            const auto out = s->step(toFrames(noisePred), t, toFrames(latents), &gen);
            latents = fromFrames(out.prevSample, shape[0]);
            CHECK_CLOSE(latents, goldenTensor(S + "latents"), kSchedulerAtol, mode + "latents", mode + S + "latents");
            QVERIFY(out.predOriginalSample.defined());
            if (golden().contains(S + "pred_original_sample"))
                CHECK_CLOSE(fromFrames(out.predOriginalSample, shape[0]), goldenTensor(S + "pred_original_sample"),
                            kSchedulerAtol, mode + "pred_original_sample", mode + S + "pred_original_sample");
        }
    }
};

QTEST_APPLESS_MAIN(TestSchedulers)
#include "tst_schedulers.moc"
