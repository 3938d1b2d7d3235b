// Scheduler construction from scheduler_config.json as diffusers' from_config does it (class from
// `_class_name` or our override, per-class defaults, unknown keys ignored) and every impossible value
// rejected with the key or value named. Also the numpy-compatible table helpers and step() guards.
#include "io/JsonConfig.h"
#include "schedulers/DdimScheduler.h"
#include "schedulers/DpmSolverMultistepScheduler.h"
#include "schedulers/EulerDiscreteScheduler.h"
#include "schedulers/NumpyCompat.h"
#include "schedulers/SchedulerFactory.h"
#include "support/TestData.h"
#include "util/Errors.h"

#include <ATen/CPUGeneratorImpl.h>

using i2v::InputError;
using i2v::JsonConfig;
using i2v::ModelError;
using i2v::SchedulerFactory;
using nlohmann::json;

namespace {

JsonConfig cfg(json j) { return JsonConfig(std::move(j), "scheduler_config.json"); }

template <typename Error, typename F>
void expectThrows(F&& f, const std::vector<std::string>& needles) {
    try {
        f();
        QFAIL(("no exception, expected one mentioning " + needles.front()).c_str());
    } catch (const Error& e) {
        const std::string msg = e.what();
        for (const auto& n : needles)
            QVERIFY2(msg.find(n) != std::string::npos, (msg + "  [missing: " + n + "]").c_str());
    }
}

std::vector<int64_t> ints(const at::Tensor& t) {
    const at::Tensor c = t.to(at::kLong).contiguous();
    return {c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel()};
}

} // namespace

class TestSchedulerConfig : public QObject {
    Q_OBJECT

private slots:
    void classNameChoosesTheClass() {
        QCOMPARE(SchedulerFactory::create(cfg({{"_class_name", "DDIMScheduler"}}))->name(), std::string("ddim"));
        QCOMPARE(SchedulerFactory::create(cfg({{"_class_name", "EulerDiscreteScheduler"}}))->name(), std::string("euler"));
        QCOMPARE(SchedulerFactory::create(cfg(json::object()))->name(), std::string("ddim"));  // no _class_name
        for (const auto& n : SchedulerFactory::names()) {
            auto s = SchedulerFactory::create(cfg({{"_class_name", "DDIMScheduler"}}), n);
            QCOMPARE(s->name(), n);
            QCOMPARE(s->diffusersClassName(), SchedulerFactory::diffusersClassFor(n));
        }
    }

    void unknownNamesAreRefused() {
        expectThrows<InputError>([] { SchedulerFactory::create(cfg(json::object()), "heun"); }, {"'heun'", "ddim"});
        expectThrows<ModelError>([] { SchedulerFactory::create(cfg({{"_class_name", "LMSDiscreteScheduler"}})); },
                                 {"_class_name", "LMSDiscreteScheduler"});
    }

    void defaultsFollowEachClass() {
        // An empty config gives each class its own __init__ defaults (DDIM leading, DPM/Euler linspace).
        auto ddim = std::make_unique<i2v::DdimScheduler>(i2v::DdimScheduler::Config::fromJson(cfg(json::object())));
        QCOMPARE(ddim->config().timestepSpacing, std::string("leading"));
        QCOMPARE(ddim->config().clipSample, true);
        QCOMPARE(ddim->config().betas.betaSchedule, std::string("linear"));
        auto dpm = i2v::DpmSolverMultistepScheduler::Config::fromJson(cfg(json::object()));
        QCOMPARE(dpm.timestepSpacing, std::string("linspace"));
        QCOMPARE(dpm.solverOrder, 2);
        QCOMPARE(dpm.algorithmType, std::string("dpmsolver++"));
        auto euler = i2v::EulerDiscreteScheduler::Config::fromJson(cfg(json::object()));
        QCOMPARE(euler.timestepSpacing, std::string("linspace"));
    }

    void unknownKeysAreIgnored() {
        // DDIM-only keys reach DPM-Solver through from_config: ignored, as diffusers does.
        auto s = SchedulerFactory::create(cfg({{"_class_name", "DDIMScheduler"}, {"clip_sample", false},
                                                {"set_alpha_to_one", true}, {"some_future_key", json::array()}}),
                                          "dpmpp-2m");
        s->setTimesteps(4);
        QCOMPARE(s->timesteps().size(0), int64_t(4));
    }

    void checkpointConfigLoads() {
        auto s = SchedulerFactory::load(i2v::test::tinyModelDir());
        auto* ddim = dynamic_cast<i2v::DdimScheduler*>(s.get());
        QVERIFY(ddim);
        QCOMPARE(ddim->config().predictionType, std::string("v_prediction"));
        QCOMPARE(ddim->config().betas.rescaleBetasZeroSnr, true);
        QCOMPARE(ddim->config().stepsOffset, int64_t(1));
    }

    void wrongTypesNameTheKey_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");  // JSON text
        QTest::addColumn<QStringList>("schedulers");  // those whose __init__ takes the key (others ignore it)
        const QStringList all = {"ddim", "dpmpp-2m", "euler", "euler-a", "unipc", "ddpm"};
        QTest::newRow("steps as string") << "num_train_timesteps" << "\"1000\"" << all;
        QTest::newRow("bool as int") << "clip_sample" << "1" << QStringList{"ddim", "ddpm"};
        QTest::newRow("offset as float") << "steps_offset" << "1.5" << all;
        QTest::newRow("beta as string") << "beta_start" << "\"0.1\"" << all;
        QTest::newRow("spacing as number") << "timestep_spacing" << "3" << all;
        QTest::newRow("trained_betas as string") << "trained_betas" << "\"0.1,0.2\"" << all;
    }
    void wrongTypesNameTheKey() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QStringList, schedulers);
        json j = {{"_class_name", "DDIMScheduler"}};
        j[key.toStdString()] = json::parse(value.toStdString());
        for (const auto& n : schedulers)
            expectThrows<ModelError>([&] { SchedulerFactory::create(cfg(j), n.toStdString()); },
                                     {key.toStdString(), "scheduler_config.json"});
    }

    void impossibleValuesNameTheValue_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("needle");
        QTest::newRow("zero train steps") << "num_train_timesteps" << "0" << "num_train_timesteps";
        QTest::newRow("negative train steps") << "num_train_timesteps" << "-5" << "-5";
        QTest::newRow("beta schedule") << "beta_schedule" << "\"cosine\"" << "cosine";
        QTest::newRow("prediction type") << "prediction_type" << "\"flow\"" << "flow";
        QTest::newRow("spacing") << "timestep_spacing" << "\"uniform\"" << "uniform";
    }
    void impossibleValuesNameTheValue() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, needle);
        json j = {{"_class_name", "DDIMScheduler"}};
        j[key.toStdString()] = json::parse(value.toStdString());
        for (const auto& n : SchedulerFactory::names())
            expectThrows<ModelError>([&] { SchedulerFactory::create(cfg(j), n); },
                                     {key.toStdString(), needle.toStdString()});
    }

    void unsupportedOptionsAreRefused() {
        expectThrows<ModelError>([] { SchedulerFactory::create(cfg({{"use_karras_sigmas", true}}), "euler"); },
                                 {"use_karras_sigmas"});
        expectThrows<ModelError>([] { SchedulerFactory::create(cfg({{"algorithm_type", "dpmsolver"}}), "dpmpp-2m"); },
                                 {"algorithm_type", "dpmsolver"});
        expectThrows<ModelError>([] { SchedulerFactory::create(cfg({{"solver_order", 5}}), "dpmpp-2m"); },
                                 {"solver_order", "5"});
    }

    void impossibleStepCounts() {
        for (const auto& n : SchedulerFactory::names()) {
            auto s = SchedulerFactory::create(cfg({{"num_train_timesteps", 100}}), n);
            expectThrows<InputError>([&] { s->setTimesteps(101); }, {"101", "100"});
            expectThrows<InputError>([&] { s->setTimesteps(0); }, {"0 inference steps"});
            if (n == "ddpm")
                continue;  // DDPMScheduler steps over all train timesteps without set_timesteps, as diffusers
            auto fresh = SchedulerFactory::create(cfg(json::object()), n);
            const at::Tensor x = at::zeros({1, 4, 2, 2});
            expectThrows<InputError>([&] { fresh->step(x, 999.0, x); }, {"setTimesteps"});
        }
        auto ddim = SchedulerFactory::create(cfg(json::object()), "ddim");
        expectThrows<InputError>([&] { ddim->setEta(-0.5); }, {"eta"});
    }

    void ddimSpacings() {
        // Values worked out with numpy for T = 1000 (see scheduling_ddim.set_timesteps).
        auto make = [](const char* spacing, int offset) {
            return SchedulerFactory::create(cfg({{"timestep_spacing", spacing}, {"steps_offset", offset}}), "ddim");
        };
        auto s = make("leading", 1);
        s->setTimesteps(4);
        QCOMPARE(ints(s->timesteps()), (std::vector<int64_t>{751, 501, 251, 1}));
        s = make("trailing", 0);
        s->setTimesteps(3);  // arange(1000, 0, -333.33).round() - 1
        QCOMPARE(ints(s->timesteps()), (std::vector<int64_t>{999, 666, 332}));
        s = make("linspace", 0);
        s->setTimesteps(4);
        QCOMPARE(ints(s->timesteps()), (std::vector<int64_t>{999, 666, 333, 0}));
    }

    void dpmLeadingQuirk() {
        // DPM-Solver divides by N+1 and drops the last entry: 4 steps -> 801 601 401 201 (not 751 ...).
        auto s = SchedulerFactory::create(cfg({{"timestep_spacing", "leading"}, {"steps_offset", 1}}), "dpmpp-2m");
        s->setTimesteps(4);
        QCOMPARE(ints(s->timesteps()), (std::vector<int64_t>{801, 601, 401, 201}));
    }

    void eulerTimestepsAreFloat() {
        auto s = SchedulerFactory::create(cfg(json::object()), "euler");
        s->setTimesteps(3);
        QCOMPARE(s->timesteps().scalar_type(), at::kFloat);
        QCOMPARE(s->timesteps()[1].item<float>(), 499.5f);  // linspace(0, 999, 3)
    }

    void uniPcIgnoresZeroSnrLikeDiffusers027() {
        // UniPCMultistepScheduler 0.27.2 has no rescale_betas_zero_snr: from_config drops the key.
        json j = {{"beta_schedule", "squaredcos_cap_v2"}, {"rescale_betas_zero_snr", true}};
        auto u = SchedulerFactory::create(cfg(j), "unipc");
        auto d = SchedulerFactory::create(cfg(j), "ddim");
        u->setTimesteps(50);
        d->setTimesteps(50);  // both run; the parity of UniPC's tables is proven in the parity suite
        QVERIFY(u->timesteps().size(0) == 50);
    }

    void numpyHelpers() {
        QCOMPARE(i2v::numpy::round(0.5), 0.0);
        QCOMPARE(i2v::numpy::round(1.5), 2.0);
        QCOMPARE(i2v::numpy::round(2.5), 2.0);
        QCOMPARE(i2v::numpy::round(-0.5), -0.0);
        const auto a = i2v::numpy::arange(1000, 0, -1000.0 / 3);
        QCOMPARE(a.size(), size_t(3));
        const auto l = i2v::numpy::linspace(0, 999, 4);
        QCOMPARE(l.back(), 999.0);
        QCOMPARE(l[1], 333.0);
        const auto v = i2v::numpy::interp({0.0, 0.5, 2.0, 3.0}, {0, 1, 2}, {1.0, 3.0, INFINITY});
        QCOMPARE(v[0], 1.0);
        QCOMPARE(v[1], 2.0);
        QVERIFY(std::isinf(v[2]) && std::isinf(v[3]));  // knots return fp itself, no inf*0 NaN
    }

    // Every scheduler, every spacing, zero-SNR v-prediction config: a full loop stays finite and the
    // stochastic ones are reproducible from the seed.
    void everySchedulerRunsAndIsSeedReproducible() {
        for (const auto& n : SchedulerFactory::names()) {
            for (const char* spacing : {"leading", "trailing", "linspace"}) {
                std::string failure;
                auto run = [&]() -> at::Tensor {
                    json j = JsonConfig::load(i2v::test::tinyModelDir() / "scheduler" / "scheduler_config.json").json();
                    j["timestep_spacing"] = spacing;
                    auto s = SchedulerFactory::create(cfg(j), n);
                    s->setEta(0.3);
                    s->setTimesteps(7);
                    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(11);
                    at::Tensor x = at::randn({2, 4, 3, 5}, gen) * s->initNoiseSigma();
                    at::Tensor ts = s->timesteps();
                    for (int64_t k = 0; k < ts.size(0); ++k) {
                        const at::Tensor in = s->scaleModelInput(x, ts[k]);
                        const at::Tensor eps = at::tanh(in) * 0.5;  // a smooth stand-in "model"
                        auto out = s->step(eps, ts[k], x, &gen);
                        x = out.prevSample;
                        if (!at::isfinite(x).all().item<bool>() || !at::isfinite(out.predOriginalSample).all().item<bool>())
                            failure = n + "/" + spacing + ": non-finite at step " + std::to_string(k);
                    }
                    return x;
                };
                const at::Tensor a = run(), b = run();
                QVERIFY2(failure.empty(), failure.c_str());
                QVERIFY2(at::equal(a, b), (n + "/" + spacing + " not reproducible").c_str());
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestSchedulerConfig)
#include "tst_scheduler_config.moc"
