// DDIM (Song et al. 2020), the I2VGen-XL checkpoint's own scheduler.
// Mirrors diffusers v0.27.2 src/diffusers/schedulers/scheduling_ddim.py (DDIMScheduler).
#pragma once
#include "schedulers/BetaSchedule.h"
#include "schedulers/Scheduler.h"

namespace i2v {

class DdimScheduler : public Scheduler {
public:
    // DDIMScheduler.__init__ arguments with their defaults.
    struct Config {
        BetaScheduleConfig betas;
        bool clipSample = true;
        bool setAlphaToOne = true;
        int64_t stepsOffset = 0;
        std::string predictionType = "epsilon";  // epsilon | sample | v_prediction
        bool thresholding = false;
        double dynamicThresholdingRatio = 0.995;
        double clipSampleRange = 1.0;
        double sampleMaxValue = 1.0;
        std::string timestepSpacing = "leading";  // leading | trailing | linspace
        static Config fromJson(const JsonConfig& cfg);
    };

    explicit DdimScheduler(Config config);

    std::string name() const override { return "ddim"; }
    std::string diffusersClassName() const override { return "DDIMScheduler"; }
    void setTimesteps(int64_t numInferenceSteps) override;
    at::Tensor timesteps() const override { return timesteps_; }
    double initNoiseSigma() const override { return 1.0; }
    at::Tensor scaleModelInput(const at::Tensor& sample, double) override { return sample; }
    SchedulerStepOutput step(const at::Tensor& modelOutput, double timestep, const at::Tensor& sample,
                             at::Generator* generator = nullptr) override;
    bool acceptsEta() const override { return true; }
    void setEta(double eta) override;

    const Config& config() const { return config_; }
    const BetaSchedule& schedule() const { return schedule_; }

private:
    at::Tensor variance(int64_t timestep, int64_t prevTimestep) const;

    Config config_;
    BetaSchedule schedule_;
    at::Tensor finalAlphaCumprod_;
    at::Tensor timesteps_;
    int64_t numInferenceSteps_ = 0;
    double eta_ = 0.0;
};

} // namespace i2v
