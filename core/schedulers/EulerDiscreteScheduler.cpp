#include "schedulers/EulerDiscreteScheduler.h"

#include "schedulers/NumpyCompat.h"
#include "schedulers/SchedulerConfigCheck.h"
#include "schedulers/SchedulerStateEntries.h"
#include "schedulers/TimestepSpacing.h"
#include "util/Errors.h"
#include "util/RandomDraw.h"

#include <algorithm>
#include <cmath>

namespace i2v {

namespace {

// float32 sqrt((1 - abar) / abar) for every train timestep, as doubles (numpy's view of them).
std::vector<double> trainSigmas(const at::Tensor& alphasCumprod) {
    const at::Tensor s = ((1 - alphasCumprod) / alphasCumprod).pow(0.5).to(at::kDouble).contiguous();
    return {s.data_ptr<double>(), s.data_ptr<double>() + s.numel()};
}

} // namespace

EulerDiscreteScheduler::Config EulerDiscreteScheduler::Config::fromJson(const JsonConfig& cfg) {
    Config c;
    c.betas = BetaScheduleConfig::fromJson(cfg, /*readsZeroSnr=*/true);
    c.predictionType =
        configChoice(cfg, "prediction_type", c.predictionType, {"epsilon", "sample", "original_sample", "v_prediction"});
    c.interpolationType = configChoice(cfg, "interpolation_type", c.interpolationType, {"linear", "log_linear"});
    if (cfg.get<bool>("use_karras_sigmas", false))
        cfg.fail("use_karras_sigmas", "is true, which this engine does not support yet; set it to false");
    c.timestepSpacing = configChoice(cfg, "timestep_spacing", c.timestepSpacing, {"linspace", "leading", "trailing"});
    c.timestepType = configChoice(cfg, "timestep_type", c.timestepType, {"discrete", "continuous"});
    c.stepsOffset = cfg.get<int64_t>("steps_offset", c.stepsOffset);
    return c;
}

EulerDiscreteScheduler::EulerDiscreteScheduler(Config config) : config_(std::move(config)), schedule_(config_.betas) {
    // zero terminal SNR would make the first sigma infinite; diffusers clamps abar[-1] to 2**-24
    if (config_.betas.rescaleBetasZeroSnr)
        schedule_.clampTerminalAlphaCumprod();
    const at::Tensor& ac = schedule_.alphasCumprod();
    const at::Tensor sig = ((1 - ac) / ac).pow(0.5).flip(0);
    sigmas_ = at::cat({sig, at::zeros({1}, at::kFloat)});
    const int64_t T = config_.betas.numTrainTimesteps;
    auto ts = numpy::linspace(0, static_cast<double>(T - 1), T);
    std::reverse(ts.begin(), ts.end());
    std::vector<float> tsF(ts.begin(), ts.end());
    timesteps_ = at::tensor(tsF, at::kFloat);
    if (config_.timestepType == "continuous" && config_.predictionType == "v_prediction")
        timesteps_ = 0.25 * sig.log();
}

double EulerDiscreteScheduler::initNoiseSigma() const {
    const at::Tensor maxSigma = sigmas_.max();
    if (config_.timestepSpacing == "linspace" || config_.timestepSpacing == "trailing")
        return maxSigma.item<double>();
    return (maxSigma.pow(2) + 1).pow(0.5).item<double>();
}

void EulerDiscreteScheduler::setTimesteps(int64_t n) {
    const int64_t T = config_.betas.numTrainTimesteps;
    checkInferenceSteps(n, T, diffusersClassName());
    numInferenceSteps_ = n;
    std::vector<float> ts;  // numpy builds these in float32
    if (config_.timestepSpacing == "linspace") {
        for (double v : numpy::linspace(0, static_cast<double>(T - 1), n))
            ts.push_back(static_cast<float>(v));
        std::reverse(ts.begin(), ts.end());
    } else if (config_.timestepSpacing == "leading") {
        const int64_t ratio = T / n;
        for (int64_t i = n - 1; i >= 0; --i)
            ts.push_back(static_cast<float>(i * ratio) + static_cast<float>(config_.stepsOffset));
    } else {  // trailing
        const double ratio = static_cast<double>(T) / static_cast<double>(n);
        for (double v : numpy::arange(static_cast<double>(T), 0, -ratio))
            ts.push_back(static_cast<float>(numpy::round(v)) - 1.0f);
    }

    const std::vector<double> fp = trainSigmas(schedule_.alphasCumprod());
    at::Tensor sig;
    if (config_.interpolationType == "linear") {
        std::vector<double> xp(fp.size()), x(ts.begin(), ts.end());
        for (size_t i = 0; i < xp.size(); ++i)
            xp[i] = static_cast<double>(i);
        const std::vector<double> s = numpy::interp(x, xp, fp);
        std::vector<float> sF(s.begin(), s.end());
        sig = at::tensor(sF, at::kFloat);
    } else {  // log_linear: torch.linspace in float32 between the log end sigmas, then exp
        sig = at::linspace(std::log(fp.back()), std::log(fp.front()), n + 1, at::kFloat).exp();
    }

    if (config_.timestepType == "continuous" && config_.predictionType == "v_prediction")
        timesteps_ = 0.25 * sig.log();
    else
        timesteps_ = at::tensor(ts, at::kFloat);
    sigmas_ = at::cat({sig, at::zeros({1}, at::kFloat)});
    stepIndex_ = -1;
}

void EulerDiscreteScheduler::initStepIndex(double timestep) { stepIndex_ = stepIndexOf(timesteps_, timestep, diffusersClassName()); }

at::Tensor EulerDiscreteScheduler::scaleModelInput(const at::Tensor& sample, double timestep) {
    if (stepIndex_ < 0)
        initStepIndex(timestep);
    const at::Tensor sigma = sigmas_[stepIndex_];
    return sample / (sigma.pow(2) + 1).pow(0.5);
}

SchedulerStepOutput EulerDiscreteScheduler::step(const at::Tensor& modelOutput, double timestep,
                                                 const at::Tensor& sampleIn, at::Generator* generator) {
    if (numInferenceSteps_ == 0)
        throw InputError("EulerDiscreteScheduler: step() called before setTimesteps(); set the number of steps first");
    if (stepIndex_ < 0)
        initStepIndex(timestep);
    if (stepIndex_ + 1 >= sigmas_.size(0))
        throw InputError("EulerDiscreteScheduler: more steps than the schedule holds; call setTimesteps() before a new run");

    at::Tensor sample = sampleIn.to(at::kFloat);
    const at::Tensor sigma = sigmas_[stepIndex_];
    const double sigmaValue = sigma.item<double>();
    const double gamma = (churn_.sTmin <= sigmaValue && sigmaValue <= churn_.sTmax)
                             ? std::min(churn_.sChurn / static_cast<double>(sigmas_.size(0) - 1), std::sqrt(2.0) - 1)
                             : 0.0;
    // diffusers draws this noise on every step, churn or not: the draw advances the generator
    const at::Tensor noise = normalNoise(modelOutput.sizes(), generator, modelOutput.options());
    const at::Tensor eps = noise * churn_.sNoise;
    const at::Tensor sigmaHat = sigma * (gamma + 1);
    if (gamma > 0)
        sample = sample + eps * (sigmaHat.pow(2) - sigma.pow(2)).pow(0.5);

    at::Tensor predOriginal;
    if (config_.predictionType == "epsilon")
        predOriginal = sample - sigmaHat * modelOutput;
    else if (config_.predictionType == "v_prediction")
        predOriginal = modelOutput * (-sigma / (sigma.pow(2) + 1).pow(0.5)) + (sample / (sigma.pow(2) + 1));
    else  // sample / original_sample
        predOriginal = modelOutput;

    const at::Tensor derivative = (sample - predOriginal) / sigmaHat;
    const at::Tensor dt = sigmas_[stepIndex_ + 1] - sigmaHat;
    const at::Tensor prev = sample + derivative * dt;
    ++stepIndex_;
    return {prev.to(modelOutput.scalar_type()), predOriginal};
}

SchedulerState EulerDiscreteScheduler::state() const { return {{"step_index", counterEntry(stepIndex_)}}; }

void EulerDiscreteScheduler::restoreState(const SchedulerState& s) {
    stepIndex_ = readCounter(s, "step_index", -1, timesteps_.size(0), diffusersClassName());
}

} // namespace i2v
