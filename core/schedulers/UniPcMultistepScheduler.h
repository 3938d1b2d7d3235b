// UniPC (Zhao et al. 2023): a multistep predictor (UniP) followed, on the next step, by a corrector
// (UniC) that reuses the new model output; B(h) = expm1(h) for the default "bh2".
// Mirrors diffusers v0.27.2 src/diffusers/schedulers/scheduling_unipc_multistep.py (UniPCMultistepScheduler).
// Note: that diffusers version has no rescale_betas_zero_snr argument, so from_config of a zero-SNR
// config silently drops it; we do the same for parity (the sigmas then never reach zero SNR).
#pragma once
#include "schedulers/BetaSchedule.h"
#include "schedulers/Scheduler.h"

#include <vector>

namespace i2v {

class UniPcMultistepScheduler : public Scheduler {
public:
    struct Config {
        BetaScheduleConfig betas;
        int solverOrder = 2;
        std::string predictionType = "epsilon";
        bool thresholding = false;
        double dynamicThresholdingRatio = 0.995;
        double sampleMaxValue = 1.0;
        bool predictX0 = true;
        std::string solverType = "bh2";  // bh1 | bh2 (midpoint/heun/logrho map to bh2)
        bool lowerOrderFinal = true;
        std::vector<int64_t> disableCorrector;
        std::string timestepSpacing = "linspace";
        int64_t stepsOffset = 0;
        static Config fromJson(const JsonConfig& cfg);
    };

    explicit UniPcMultistepScheduler(Config config);

    std::string name() const override { return "unipc"; }
    std::string diffusersClassName() const override { return "UniPCMultistepScheduler"; }
    void setTimesteps(int64_t numInferenceSteps) override;
    at::Tensor timesteps() const override { return timesteps_; }
    double initNoiseSigma() const override { return 1.0; }
    at::Tensor scaleModelInput(const at::Tensor& sample, double) override { return sample; }
    SchedulerStepOutput step(const at::Tensor& modelOutput, double timestep, const at::Tensor& sample,
                             at::Generator* generator = nullptr) override;
    SchedulerState state() const override;
    void restoreState(const SchedulerState& state) override;

    const Config& config() const { return config_; }
    const at::Tensor& sigmas() const { return sigmas_; }

private:
    struct AlphaSigma {
        at::Tensor alpha, sigma;
    };
    static AlphaSigma alphaSigma(const at::Tensor& sigma);
    at::Tensor lambdaOf(int64_t index) const;
    at::Tensor convertModelOutput(const at::Tensor& modelOutput, const at::Tensor& sample) const;
    at::Tensor predictor(const at::Tensor& sample, int order) const;
    at::Tensor corrector(const at::Tensor& thisModelOutput, const at::Tensor& lastSample, int order) const;
    int64_t indexForTimestep(double timestep) const;

    Config config_;
    BetaSchedule schedule_;
    at::Tensor sigmas_;
    at::Tensor timesteps_;
    int64_t numInferenceSteps_ = 0;
    std::vector<at::Tensor> modelOutputs_;
    at::Tensor lastSample_;
    int lowerOrderNums_ = 0;
    int thisOrder_ = 1;
    int64_t stepIndex_ = -1;
};

} // namespace i2v
