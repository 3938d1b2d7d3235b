// DDPM ancestral sampling (Ho et al. 2020): posterior mean plus variance noise from the generator on
// every step but the last.
// Mirrors diffusers v0.27.2 src/diffusers/schedulers/scheduling_ddpm.py (DDPMScheduler).
#pragma once
#include "schedulers/BetaSchedule.h"
#include "schedulers/Scheduler.h"

namespace i2v {

class DdpmScheduler : public Scheduler {
public:
    struct Config {
        BetaScheduleConfig betas;
        std::string varianceType = "fixed_small";  // fixed_small | fixed_small_log | fixed_large | fixed_large_log
                                                   // | learned | learned_range
        bool clipSample = true;
        std::string predictionType = "epsilon";
        bool thresholding = false;
        double dynamicThresholdingRatio = 0.995;
        double clipSampleRange = 1.0;
        double sampleMaxValue = 1.0;
        std::string timestepSpacing = "leading";
        int64_t stepsOffset = 0;
        static Config fromJson(const JsonConfig& cfg);
    };

    explicit DdpmScheduler(Config config);

    std::string name() const override { return "ddpm"; }
    std::string diffusersClassName() const override { return "DDPMScheduler"; }
    void setTimesteps(int64_t numInferenceSteps) override;
    at::Tensor timesteps() const override { return timesteps_; }
    double initNoiseSigma() const override { return 1.0; }
    at::Tensor scaleModelInput(const at::Tensor& sample, double) override { return sample; }
    SchedulerStepOutput step(const at::Tensor& modelOutput, double timestep, const at::Tensor& sample,
                             at::Generator* generator = nullptr) override;

    const Config& config() const { return config_; }

private:
    int64_t previousTimestep(int64_t t) const;
    at::Tensor variance(int64_t t, const at::Tensor& predictedVariance) const;

    Config config_;
    BetaSchedule schedule_;
    at::Tensor one_;
    at::Tensor timesteps_;
    int64_t numInferenceSteps_ = 0;
};

} // namespace i2v
