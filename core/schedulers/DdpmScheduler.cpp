#include "schedulers/DdpmScheduler.h"

#include "schedulers/NumpyCompat.h"
#include "schedulers/TimestepSpacing.h"
#include "schedulers/SchedulerConfigCheck.h"
#include "util/Errors.h"
#include "util/RandomDraw.h"

#include <algorithm>

namespace i2v {

DdpmScheduler::Config DdpmScheduler::Config::fromJson(const JsonConfig& cfg) {
    Config c;
    c.betas = BetaScheduleConfig::fromJson(cfg, /*readsZeroSnr=*/true, /*allowSigmoid=*/true);
    c.varianceType = configChoice(cfg, "variance_type", c.varianceType,
                                  {"fixed_small", "fixed_small_log", "fixed_large", "fixed_large_log", "learned",
                                   "learned_range"});
    c.clipSample = cfg.get<bool>("clip_sample", c.clipSample);
    c.predictionType = configChoice(cfg, "prediction_type", c.predictionType, {"epsilon", "sample", "v_prediction"});
    c.thresholding = cfg.get<bool>("thresholding", c.thresholding);
    c.dynamicThresholdingRatio = cfg.get<double>("dynamic_thresholding_ratio", c.dynamicThresholdingRatio);
    c.clipSampleRange = cfg.get<double>("clip_sample_range", c.clipSampleRange);
    c.sampleMaxValue = cfg.get<double>("sample_max_value", c.sampleMaxValue);
    c.timestepSpacing = configChoice(cfg, "timestep_spacing", c.timestepSpacing, {"leading", "trailing", "linspace"});
    c.stepsOffset = cfg.get<int64_t>("steps_offset", c.stepsOffset);
    return c;
}

DdpmScheduler::DdpmScheduler(Config config) : config_(std::move(config)), schedule_(config_.betas) {
    one_ = at::scalar_tensor(1.0, at::kFloat);  // 0-dim: it must not promote a bf16/fp16 sample
    timesteps_ = at::arange(config_.betas.numTrainTimesteps - 1, -1, -1, at::kLong);
}

void DdpmScheduler::setTimesteps(int64_t n) {
    const int64_t T = config_.betas.numTrainTimesteps;
    checkInferenceSteps(n, T, diffusersClassName());
    numInferenceSteps_ = n;
    timesteps_ = at::tensor(discreteTimesteps(config_.timestepSpacing, T, n, config_.stepsOffset), at::kLong);
}

int64_t DdpmScheduler::previousTimestep(int64_t t) const {
    const int64_t T = config_.betas.numTrainTimesteps;
    return t - T / (numInferenceSteps_ > 0 ? numInferenceSteps_ : T);
}

at::Tensor DdpmScheduler::variance(int64_t t, const at::Tensor& predictedVariance) const {
    const int64_t prev = previousTimestep(t);
    const at::Tensor& ac = schedule_.alphasCumprod();
    const at::Tensor alphaProdT = ac[t];
    const at::Tensor alphaProdTPrev = prev >= 0 ? ac[prev] : one_;
    const at::Tensor currentBetaT = 1 - alphaProdT / alphaProdTPrev;
    // posterior variance (eq. 7 of the DDPM paper), floored so that its log stays finite
    at::Tensor var = (1 - alphaProdTPrev) / (1 - alphaProdT) * currentBetaT;
    var = at::clamp(var, 1e-20);
    const std::string& type = config_.varianceType;
    if (type == "fixed_small")
        return var;
    if (type == "fixed_small_log")
        return at::exp(0.5 * at::log(var));
    if (type == "fixed_large")
        return currentBetaT;
    if (type == "fixed_large_log")
        return at::log(currentBetaT);
    if (type == "learned")
        return predictedVariance;
    // learned_range: interpolate in log space between the two fixed variances
    const at::Tensor minLog = at::log(var);
    const at::Tensor maxLog = at::log(currentBetaT);
    const at::Tensor frac = (predictedVariance + 1) / 2;
    return frac * maxLog + (1 - frac) * minLog;
}

SchedulerStepOutput DdpmScheduler::step(const at::Tensor& modelOutputIn, double timestep, const at::Tensor& sample,
                                        at::Generator* generator) {
    const auto t = static_cast<int64_t>(timestep);
    const int64_t T = config_.betas.numTrainTimesteps;
    if (t < 0 || t >= T)
        throw InputError("DDPMScheduler: timestep " + std::to_string(t) + " is outside [0, " + std::to_string(T - 1) + "]");
    const int64_t prev = previousTimestep(t);

    at::Tensor modelOutput = modelOutputIn, predictedVariance;
    const bool learned = config_.varianceType == "learned" || config_.varianceType == "learned_range";
    if (learned && modelOutputIn.size(1) == sample.size(1) * 2) {
        auto parts = at::split(modelOutputIn, sample.size(1), 1);
        modelOutput = parts[0];
        predictedVariance = parts[1];
    }

    const at::Tensor& ac = schedule_.alphasCumprod();
    const at::Tensor alphaProdT = ac[t];
    const at::Tensor alphaProdTPrev = prev >= 0 ? ac[prev] : one_;
    const at::Tensor betaProdT = 1 - alphaProdT;
    const at::Tensor betaProdTPrev = 1 - alphaProdTPrev;
    const at::Tensor currentAlphaT = alphaProdT / alphaProdTPrev;
    const at::Tensor currentBetaT = 1 - currentAlphaT;

    at::Tensor predOriginal;
    if (config_.predictionType == "epsilon")
        predOriginal = (sample - betaProdT.pow(0.5) * modelOutput) / alphaProdT.pow(0.5);
    else if (config_.predictionType == "sample")
        predOriginal = modelOutput;
    else
        predOriginal = alphaProdT.pow(0.5) * sample - betaProdT.pow(0.5) * modelOutput;

    if (config_.thresholding)
        predOriginal = thresholdSample(predOriginal, config_.dynamicThresholdingRatio, config_.sampleMaxValue);
    else if (config_.clipSample)
        predOriginal = predOriginal.clamp(-config_.clipSampleRange, config_.clipSampleRange);

    const at::Tensor predOriginalCoeff = (alphaProdTPrev.pow(0.5) * currentBetaT) / betaProdT;
    const at::Tensor currentSampleCoeff = currentAlphaT.pow(0.5) * betaProdTPrev / betaProdT;
    at::Tensor prevSample = predOriginalCoeff * predOriginal + currentSampleCoeff * sample;

    if (t > 0) {  // no noise on the last step
        const at::Tensor noise = normalNoise(modelOutput.sizes(), generator, modelOutput.options());
        at::Tensor v;
        if (config_.varianceType == "fixed_small_log")
            v = variance(t, predictedVariance) * noise;
        else if (config_.varianceType == "learned_range")
            v = at::exp(0.5 * variance(t, predictedVariance)) * noise;
        else
            v = variance(t, predictedVariance).pow(0.5) * noise;
        prevSample = prevSample + v;
    }
    return {prevSample, predOriginal};
}

} // namespace i2v
