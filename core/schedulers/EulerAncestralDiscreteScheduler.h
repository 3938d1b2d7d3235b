// Euler ancestral ("euler-a"): an Euler step down to sigma_down plus fresh noise of scale sigma_up
// drawn from the generator each step (k-diffusion's sample_euler_ancestral).
// Mirrors diffusers v0.27.2 src/diffusers/schedulers/scheduling_euler_ancestral_discrete.py
// (EulerAncestralDiscreteScheduler).
#pragma once
#include "schedulers/BetaSchedule.h"
#include "schedulers/Scheduler.h"

namespace i2v {

class EulerAncestralDiscreteScheduler : public Scheduler {
public:
    struct Config {
        BetaScheduleConfig betas;
        std::string predictionType = "epsilon";  // epsilon | v_prediction (diffusers has no "sample" here)
        std::string timestepSpacing = "linspace";
        int64_t stepsOffset = 0;
        static Config fromJson(const JsonConfig& cfg);
    };

    explicit EulerAncestralDiscreteScheduler(Config config);

    std::string name() const override { return "euler-a"; }
    std::string diffusersClassName() const override { return "EulerAncestralDiscreteScheduler"; }
    void setTimesteps(int64_t numInferenceSteps) override;
    at::Tensor timesteps() const override { return timesteps_; }
    double initNoiseSigma() const override;
    at::Tensor scaleModelInput(const at::Tensor& sample, double timestep) override;
    SchedulerStepOutput step(const at::Tensor& modelOutput, double timestep, const at::Tensor& sample,
                             at::Generator* generator = nullptr) override;
    SchedulerState state() const override;
    void restoreState(const SchedulerState& state) override;

    const Config& config() const { return config_; }
    const at::Tensor& sigmas() const { return sigmas_; }

private:
    void initStepIndex(double timestep);

    Config config_;
    BetaSchedule schedule_;
    at::Tensor sigmas_;
    at::Tensor timesteps_;
    int64_t numInferenceSteps_ = 0;
    int64_t stepIndex_ = -1;
};

} // namespace i2v
