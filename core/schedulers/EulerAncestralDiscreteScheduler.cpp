#include "schedulers/EulerAncestralDiscreteScheduler.h"

#include "schedulers/NumpyCompat.h"
#include "schedulers/SchedulerConfigCheck.h"
#include "schedulers/SchedulerStateEntries.h"
#include "schedulers/TimestepSpacing.h"
#include "util/Errors.h"
#include "util/RandomDraw.h"

#include <algorithm>

namespace i2v {

namespace {

std::vector<double> trainSigmas(const at::Tensor& alphasCumprod) {
    const at::Tensor s = ((1 - alphasCumprod) / alphasCumprod).pow(0.5).to(at::kDouble).contiguous();
    return {s.data_ptr<double>(), s.data_ptr<double>() + s.numel()};
}

} // namespace

EulerAncestralDiscreteScheduler::Config EulerAncestralDiscreteScheduler::Config::fromJson(const JsonConfig& cfg) {
    Config c;
    c.betas = BetaScheduleConfig::fromJson(cfg, /*readsZeroSnr=*/true);
    c.predictionType = configChoice(cfg, "prediction_type", c.predictionType, {"epsilon", "v_prediction"});
    c.timestepSpacing = configChoice(cfg, "timestep_spacing", c.timestepSpacing, {"linspace", "leading", "trailing"});
    c.stepsOffset = cfg.get<int64_t>("steps_offset", c.stepsOffset);
    return c;
}

EulerAncestralDiscreteScheduler::EulerAncestralDiscreteScheduler(Config config)
    : config_(std::move(config)), schedule_(config_.betas) {
    if (config_.betas.rescaleBetasZeroSnr)
        schedule_.clampTerminalAlphaCumprod();  // finite first sigma, as diffusers
    std::vector<double> s = trainSigmas(schedule_.alphasCumprod());
    std::reverse(s.begin(), s.end());
    s.push_back(0.0);
    std::vector<float> sF(s.begin(), s.end());
    sigmas_ = at::tensor(sF, at::kFloat);
    const int64_t T = config_.betas.numTrainTimesteps;
    std::vector<double> ts = numpy::linspace(0, static_cast<double>(T - 1), T);
    std::reverse(ts.begin(), ts.end());
    timesteps_ = at::tensor(ts, at::kDouble);  // diffusers keeps these float64 until set_timesteps
}

double EulerAncestralDiscreteScheduler::initNoiseSigma() const {
    if (config_.timestepSpacing == "linspace" || config_.timestepSpacing == "trailing")
        return sigmas_.max().item<double>();
    return (sigmas_.max().pow(2) + 1).pow(0.5).item<double>();
}

void EulerAncestralDiscreteScheduler::setTimesteps(int64_t n) {
    const int64_t T = config_.betas.numTrainTimesteps;
    checkInferenceSteps(n, T, diffusersClassName());
    numInferenceSteps_ = n;
    std::vector<float> ts;
    if (config_.timestepSpacing == "linspace") {
        for (double v : numpy::linspace(0, static_cast<double>(T - 1), n))
            ts.push_back(static_cast<float>(v));
        std::reverse(ts.begin(), ts.end());
    } else if (config_.timestepSpacing == "leading") {
        const int64_t ratio = T / n;
        for (int64_t i = n - 1; i >= 0; --i)
            ts.push_back(static_cast<float>(i * ratio) + static_cast<float>(config_.stepsOffset));
    } else {
        const double ratio = static_cast<double>(T) / static_cast<double>(n);
        for (double v : numpy::arange(static_cast<double>(T), 0, -ratio))
            ts.push_back(static_cast<float>(numpy::round(v)) - 1.0f);
    }
    const std::vector<double> fp = trainSigmas(schedule_.alphasCumprod());
    std::vector<double> xp(fp.size()), x(ts.begin(), ts.end());
    for (size_t i = 0; i < xp.size(); ++i)
        xp[i] = static_cast<double>(i);
    std::vector<double> s = numpy::interp(x, xp, fp);
    s.push_back(0.0);
    std::vector<float> sF(s.begin(), s.end());
    sigmas_ = at::tensor(sF, at::kFloat);
    timesteps_ = at::tensor(ts, at::kFloat);
    stepIndex_ = -1;
}

void EulerAncestralDiscreteScheduler::initStepIndex(double timestep) { stepIndex_ = stepIndexOf(timesteps_, timestep, diffusersClassName()); }

at::Tensor EulerAncestralDiscreteScheduler::scaleModelInput(const at::Tensor& sample, double timestep) {
    if (stepIndex_ < 0)
        initStepIndex(timestep);
    const at::Tensor sigma = sigmas_[stepIndex_];
    return sample / (sigma.pow(2) + 1).pow(0.5);
}

SchedulerStepOutput EulerAncestralDiscreteScheduler::step(const at::Tensor& modelOutput, double timestep,
                                                          const at::Tensor& sampleIn, at::Generator* generator) {
    if (numInferenceSteps_ == 0)
        throw InputError("EulerAncestralDiscreteScheduler: step() called before setTimesteps(); set the number of steps first");
    if (stepIndex_ < 0)
        initStepIndex(timestep);
    if (stepIndex_ + 1 >= sigmas_.size(0))
        throw InputError("EulerAncestralDiscreteScheduler: more steps than the schedule holds; call setTimesteps() first");

    const at::Tensor sigma = sigmas_[stepIndex_];
    const at::Tensor sample = sampleIn.to(at::kFloat);
    at::Tensor predOriginal;
    if (config_.predictionType == "epsilon")
        predOriginal = sample - sigma * modelOutput;
    else
        predOriginal = modelOutput * (-sigma / (sigma.pow(2) + 1).pow(0.5)) + (sample / (sigma.pow(2) + 1));

    const at::Tensor sigmaFrom = sigmas_[stepIndex_];
    const at::Tensor sigmaTo = sigmas_[stepIndex_ + 1];
    const at::Tensor sigmaUp = (sigmaTo.pow(2) * (sigmaFrom.pow(2) - sigmaTo.pow(2)) / sigmaFrom.pow(2)).pow(0.5);
    const at::Tensor sigmaDown = (sigmaTo.pow(2) - sigmaUp.pow(2)).pow(0.5);
    const at::Tensor derivative = (sample - predOriginal) / sigma;
    const at::Tensor dt = sigmaDown - sigma;
    at::Tensor prev = sample + derivative * dt;
    const at::Tensor noise = normalNoise(modelOutput.sizes(), generator, modelOutput.options());
    prev = prev + noise * sigmaUp;
    ++stepIndex_;
    return {prev.to(modelOutput.scalar_type()), predOriginal};
}

SchedulerState EulerAncestralDiscreteScheduler::state() const { return {{"step_index", counterEntry(stepIndex_)}}; }

void EulerAncestralDiscreteScheduler::restoreState(const SchedulerState& s) {
    stepIndex_ = readCounter(s, "step_index", -1, timesteps_.size(0), diffusersClassName());
}

} // namespace i2v
