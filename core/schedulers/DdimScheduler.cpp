#include "schedulers/DdimScheduler.h"

#include "schedulers/NumpyCompat.h"
#include "schedulers/TimestepSpacing.h"
#include "schedulers/SchedulerConfigCheck.h"
#include "util/Errors.h"
#include "util/RandomDraw.h"

#include <cmath>

namespace i2v {

DdimScheduler::Config DdimScheduler::Config::fromJson(const JsonConfig& cfg) {
    Config c;
    c.betas = BetaScheduleConfig::fromJson(cfg, /*readsZeroSnr=*/true);
    c.clipSample = cfg.get<bool>("clip_sample", c.clipSample);
    c.setAlphaToOne = cfg.get<bool>("set_alpha_to_one", c.setAlphaToOne);
    c.stepsOffset = cfg.get<int64_t>("steps_offset", c.stepsOffset);
    c.predictionType = configChoice(cfg, "prediction_type", c.predictionType, {"epsilon", "sample", "v_prediction"});
    c.thresholding = cfg.get<bool>("thresholding", c.thresholding);
    c.dynamicThresholdingRatio = cfg.get<double>("dynamic_thresholding_ratio", c.dynamicThresholdingRatio);
    c.clipSampleRange = cfg.get<double>("clip_sample_range", c.clipSampleRange);
    c.sampleMaxValue = cfg.get<double>("sample_max_value", c.sampleMaxValue);
    c.timestepSpacing = configChoice(cfg, "timestep_spacing", c.timestepSpacing, {"leading", "trailing", "linspace"});
    return c;
}

DdimScheduler::DdimScheduler(Config config) : config_(std::move(config)), schedule_(config_.betas) {
    // With set_alpha_to_one the last step lands on a clean sample; otherwise it stops at alphas_cumprod[0].
    finalAlphaCumprod_ = config_.setAlphaToOne ? at::scalar_tensor(1.0, at::kFloat) : schedule_.alphasCumprod()[0];  // 0-dim, as torch.tensor(1.0): it must not promote a bf16/fp16 sample
    timesteps_ = at::arange(config_.betas.numTrainTimesteps - 1, -1, -1, at::kLong);
}

void DdimScheduler::setEta(double eta) {
    if (!(eta >= 0.0) || !std::isfinite(eta))
        throw InputError("DDIM eta " + std::to_string(eta) + " is impossible: choose a value >= 0 (0 = deterministic)");
    eta_ = eta;
}

void DdimScheduler::setTimesteps(int64_t n) {
    const int64_t T = config_.betas.numTrainTimesteps;
    checkInferenceSteps(n, T, diffusersClassName());
    numInferenceSteps_ = n;
    timesteps_ = at::tensor(discreteTimesteps(config_.timestepSpacing, T, n, config_.stepsOffset), at::kLong);
}

at::Tensor DdimScheduler::variance(int64_t t, int64_t prev) const {
    const at::Tensor& ac = schedule_.alphasCumprod();
    const at::Tensor alphaProdT = ac[t];
    const at::Tensor alphaProdTPrev = prev >= 0 ? ac[prev] : finalAlphaCumprod_;
    const at::Tensor betaProdT = 1 - alphaProdT;
    const at::Tensor betaProdTPrev = 1 - alphaProdTPrev;
    return (betaProdTPrev / betaProdT) * (1 - alphaProdT / alphaProdTPrev);
}

SchedulerStepOutput DdimScheduler::step(const at::Tensor& modelOutput, double timestep, const at::Tensor& sample,
                                        at::Generator* generator) {
    if (numInferenceSteps_ == 0)
        throw InputError("DDIMScheduler: step() called before setTimesteps(); set the number of steps first");
    const auto t = static_cast<int64_t>(timestep);
    const int64_t T = config_.betas.numTrainTimesteps;
    if (t < 0 || t >= T)
        throw InputError("DDIMScheduler: timestep " + std::to_string(t) + " is outside [0, " + std::to_string(T - 1) + "]");
    // diffusers steps back by the leading stride whatever the spacing; the stride is what the
    // alphas_cumprod lookup below reads, so it is kept even where trailing/linspace differ.
    const int64_t prev = t - T / numInferenceSteps_;

    const at::Tensor& ac = schedule_.alphasCumprod();
    const at::Tensor alphaProdT = ac[t];
    const at::Tensor alphaProdTPrev = prev >= 0 ? ac[prev] : finalAlphaCumprod_;
    const at::Tensor betaProdT = 1 - alphaProdT;

    at::Tensor predOriginal, predEpsilon;
    if (config_.predictionType == "epsilon") {
        predOriginal = (sample - betaProdT.pow(0.5) * modelOutput) / alphaProdT.pow(0.5);
        predEpsilon = modelOutput;
    } else if (config_.predictionType == "sample") {
        predOriginal = modelOutput;
        predEpsilon = (sample - alphaProdT.pow(0.5) * predOriginal) / betaProdT.pow(0.5);
    } else {  // v_prediction
        predOriginal = alphaProdT.pow(0.5) * sample - betaProdT.pow(0.5) * modelOutput;
        predEpsilon = alphaProdT.pow(0.5) * modelOutput + betaProdT.pow(0.5) * sample;
    }

    if (config_.thresholding)
        predOriginal = thresholdSample(predOriginal, config_.dynamicThresholdingRatio, config_.sampleMaxValue);
    else if (config_.clipSample)
        predOriginal = predOriginal.clamp(-config_.clipSampleRange, config_.clipSampleRange);

    const at::Tensor stdDevT = eta_ * variance(t, prev).pow(0.5);
    // (use_clipped_model_output is a step() argument the pipeline never passes; not mirrored)
    const at::Tensor direction = (1 - alphaProdTPrev - stdDevT.pow(2)).pow(0.5) * predEpsilon;
    at::Tensor prevSample = alphaProdTPrev.pow(0.5) * predOriginal + direction;

    if (eta_ > 0) {
        // randn_tensor(model_output.shape, generator=generator, dtype=model_output.dtype): drawn only when
        // eta > 0, so eta = 0 leaves the generator where the pipeline's next draw expects it.
        const at::Tensor noise = normalNoise(modelOutput.sizes(), generator, modelOutput.options());
        prevSample = prevSample + stdDevT * noise;
    }
    return {prevSample, predOriginal};
}

} // namespace i2v
