// Euler (Karras et al. 2022, Algorithm 2) over the sigma = sqrt((1 - abar) / abar) parametrisation:
// the model input is scaled by 1/sqrt(sigma^2 + 1) and the latents start at init_noise_sigma.
// Mirrors diffusers v0.27.2 src/diffusers/schedulers/scheduling_euler_discrete.py (EulerDiscreteScheduler).
#pragma once
#include "schedulers/BetaSchedule.h"
#include "schedulers/Scheduler.h"

namespace i2v {

class EulerDiscreteScheduler : public Scheduler {
public:
    struct Config {
        BetaScheduleConfig betas;
        std::string predictionType = "epsilon";   // epsilon | sample | original_sample | v_prediction
        std::string interpolationType = "linear";  // linear | log_linear
        std::string timestepSpacing = "linspace";
        std::string timestepType = "discrete";     // discrete | continuous (continuous only alters v_prediction)
        int64_t stepsOffset = 0;
        static Config fromJson(const JsonConfig& cfg);
    };
    // step()'s stochastic-churn arguments (s_churn = 0: plain deterministic Euler, what the pipeline uses).
    struct Churn {
        double sChurn = 0.0;
        double sTmin = 0.0;
        double sTmax = INFINITY;
        double sNoise = 1.0;
    };

    explicit EulerDiscreteScheduler(Config config);

    std::string name() const override { return "euler"; }
    std::string diffusersClassName() const override { return "EulerDiscreteScheduler"; }
    void setTimesteps(int64_t numInferenceSteps) override;
    at::Tensor timesteps() const override { return timesteps_; }
    double initNoiseSigma() const override;
    at::Tensor scaleModelInput(const at::Tensor& sample, double timestep) override;
    SchedulerStepOutput step(const at::Tensor& modelOutput, double timestep, const at::Tensor& sample,
                             at::Generator* generator = nullptr) override;
    SchedulerState state() const override;
    void restoreState(const SchedulerState& state) override;
    void setChurn(const Churn& churn) { churn_ = churn; }

    const Config& config() const { return config_; }
    const at::Tensor& sigmas() const { return sigmas_; }  // [N+1] float32, last = 0

private:
    void initStepIndex(double timestep);

    Config config_;
    BetaSchedule schedule_;
    Churn churn_;
    at::Tensor sigmas_;
    at::Tensor timesteps_;
    int64_t numInferenceSteps_ = 0;
    int64_t stepIndex_ = -1;
};

} // namespace i2v
