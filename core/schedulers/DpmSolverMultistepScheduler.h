// DPM-Solver++ multistep (Lu et al. 2022), "dpmpp-2m" in our UI: data-prediction solver of order 1-3
// over log-SNR steps, with the model_outputs history of the previous steps.
// Mirrors diffusers v0.27.2 src/diffusers/schedulers/scheduling_dpmsolver_multistep.py
// (DPMSolverMultistepScheduler); algorithm types dpmsolver++ and sde-dpmsolver++.
#pragma once
#include "schedulers/BetaSchedule.h"
#include "schedulers/Scheduler.h"

#include <vector>

namespace i2v {

class DpmSolverMultistepScheduler : public Scheduler {
public:
    struct Config {
        BetaScheduleConfig betas;
        int solverOrder = 2;
        std::string predictionType = "epsilon";
        bool thresholding = false;
        double dynamicThresholdingRatio = 0.995;
        double sampleMaxValue = 1.0;
        std::string algorithmType = "dpmsolver++";  // dpmsolver++ | sde-dpmsolver++ ("deis" maps to dpmsolver++)
        std::string solverType = "midpoint";        // midpoint | heun (logrho/bh1/bh2 map to midpoint)
        bool lowerOrderFinal = true;
        bool eulerAtFinal = false;
        std::string finalSigmasType = "zero";       // zero | sigma_min
        double lambdaMinClipped = -INFINITY;
        std::string varianceType;                   // "" (None) | learned | learned_range
        std::string timestepSpacing = "linspace";
        int64_t stepsOffset = 0;
        static Config fromJson(const JsonConfig& cfg);
    };

    explicit DpmSolverMultistepScheduler(Config config);

    std::string name() const override { return "dpmpp-2m"; }
    std::string diffusersClassName() const override { return "DPMSolverMultistepScheduler"; }
    void setTimesteps(int64_t numInferenceSteps) override;
    at::Tensor timesteps() const override { return timesteps_; }
    double initNoiseSigma() const override { return 1.0; }
    at::Tensor scaleModelInput(const at::Tensor& sample, double) override { return sample; }
    SchedulerStepOutput step(const at::Tensor& modelOutput, double timestep, const at::Tensor& sample,
                             at::Generator* generator = nullptr) override;
    SchedulerState state() const override;
    void restoreState(const SchedulerState& state) override;

    const Config& config() const { return config_; }
    const at::Tensor& sigmas() const { return sigmas_; }  // [N+1] float32, after setTimesteps

private:
    struct AlphaSigma {
        at::Tensor alpha, sigma;
    };
    static AlphaSigma alphaSigma(const at::Tensor& sigma);
    at::Tensor convertModelOutput(const at::Tensor& modelOutput, const at::Tensor& sample) const;
    at::Tensor firstOrderUpdate(const at::Tensor& x0, const at::Tensor& sample, const at::Tensor& noise) const;
    at::Tensor secondOrderUpdate(const at::Tensor& sample, const at::Tensor& noise) const;
    at::Tensor thirdOrderUpdate(const at::Tensor& sample) const;
    int64_t indexForTimestep(double timestep) const;

    Config config_;
    BetaSchedule schedule_;
    at::Tensor lambdaT_;
    at::Tensor sigmas_;
    at::Tensor timesteps_;
    int64_t numInferenceSteps_ = 0;
    std::vector<at::Tensor> modelOutputs_;  // the last solverOrder converted outputs, oldest first
    int lowerOrderNums_ = 0;
    int64_t stepIndex_ = -1;               // -1 = not started (diffusers' _step_index None)
};

} // namespace i2v
