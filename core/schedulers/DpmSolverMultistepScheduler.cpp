#include "schedulers/DpmSolverMultistepScheduler.h"

#include "schedulers/NumpyCompat.h"
#include "schedulers/SchedulerConfigCheck.h"
#include "schedulers/SchedulerStateEntries.h"
#include "util/Errors.h"
#include "util/RandomDraw.h"

#include <cmath>

namespace i2v {

DpmSolverMultistepScheduler::Config DpmSolverMultistepScheduler::Config::fromJson(const JsonConfig& cfg) {
    Config c;
    c.betas = BetaScheduleConfig::fromJson(cfg, /*readsZeroSnr=*/true);
    c.solverOrder = cfg.get<int>("solver_order", c.solverOrder);
    if (c.solverOrder < 1 || c.solverOrder > 3)
        cfg.fail("solver_order", "is " + std::to_string(c.solverOrder) + " but must be 1, 2 or 3");
    c.predictionType = configChoice(cfg, "prediction_type", c.predictionType, {"epsilon", "sample", "v_prediction"});
    c.thresholding = cfg.get<bool>("thresholding", c.thresholding);
    c.dynamicThresholdingRatio = cfg.get<double>("dynamic_thresholding_ratio", c.dynamicThresholdingRatio);
    c.sampleMaxValue = cfg.get<double>("sample_max_value", c.sampleMaxValue);
    c.algorithmType = configChoice(cfg, "algorithm_type", c.algorithmType, {"dpmsolver++", "sde-dpmsolver++", "deis"});
    if (c.algorithmType == "deis")
        c.algorithmType = "dpmsolver++";  // as diffusers' register_to_config fallback
    c.solverType = configChoice(cfg, "solver_type", c.solverType, {"midpoint", "heun", "logrho", "bh1", "bh2"});
    if (c.solverType != "midpoint" && c.solverType != "heun")
        c.solverType = "midpoint";
    c.lowerOrderFinal = cfg.get<bool>("lower_order_final", c.lowerOrderFinal);
    c.eulerAtFinal = cfg.get<bool>("euler_at_final", c.eulerAtFinal);
    if (cfg.get<bool>("use_karras_sigmas", false))
        cfg.fail("use_karras_sigmas", "is true, which this engine does not support yet; set it to false");
    if (cfg.get<bool>("use_lu_lambdas", false))
        cfg.fail("use_lu_lambdas", "is true, which this engine does not support yet; set it to false");
    c.finalSigmasType = configChoice(cfg, "final_sigmas_type", c.finalSigmasType, {"zero", "sigma_min"});
    if (cfg.has("lambda_min_clipped")) {
        const auto& v = cfg.json().at("lambda_min_clipped");
        // diffusers writes -inf as the non-JSON token -Infinity; strict writers store it as a string
        if (v.is_string() && (v.get<std::string>() == "-inf" || v.get<std::string>() == "-Infinity"))
            c.lambdaMinClipped = -INFINITY;
        else
            c.lambdaMinClipped = cfg.get<double>("lambda_min_clipped", c.lambdaMinClipped);
    }
    if (cfg.has("variance_type"))
        c.varianceType = configChoice(cfg, "variance_type", "", {"learned", "learned_range"});
    c.timestepSpacing = configChoice(cfg, "timestep_spacing", c.timestepSpacing, {"linspace", "leading", "trailing"});
    c.stepsOffset = cfg.get<int64_t>("steps_offset", c.stepsOffset);
    return c;
}

DpmSolverMultistepScheduler::DpmSolverMultistepScheduler(Config config)
    : config_(std::move(config)), schedule_(config_.betas) {
    if (config_.betas.rescaleBetasZeroSnr)
        schedule_.clampTerminalAlphaCumprod();
    const at::Tensor& ac = schedule_.alphasCumprod();
    const at::Tensor alphaT = at::sqrt(ac);
    const at::Tensor sigmaT = at::sqrt(1 - ac);
    lambdaT_ = at::log(alphaT) - at::log(sigmaT);
    timesteps_ = at::arange(config_.betas.numTrainTimesteps - 1, -1, -1, at::kLong);
}

void DpmSolverMultistepScheduler::setTimesteps(int64_t n) {
    const int64_t T = config_.betas.numTrainTimesteps;
    checkInferenceSteps(n, T, diffusersClassName());
    // Clipping the smallest lambda matters for the cosine schedule; -inf (default) clips nothing.
    const int64_t clippedIdx =
        at::searchsorted(at::flip(lambdaT_, {0}), at::Scalar(config_.lambdaMinClipped)).item<int64_t>();
    const int64_t lastTimestep = T - clippedIdx;

    std::vector<double> ts;
    if (config_.timestepSpacing == "linspace") {
        // N+1 points, rounded, reversed, the last (0) dropped
        auto v = numpy::linspace(0, static_cast<double>(lastTimestep - 1), n + 1);
        for (int64_t i = n; i >= 1; --i)
            ts.push_back(numpy::round(v[static_cast<size_t>(i)]));
    } else if (config_.timestepSpacing == "leading") {
        // the ratio divides by N+1, then the 0 entry is dropped: 4 steps of 1000 -> 801 601 401 201
        const int64_t ratio = lastTimestep / (n + 1);
        for (int64_t i = n; i >= 1; --i)
            ts.push_back(static_cast<double>(i * ratio + config_.stepsOffset));
    } else {  // trailing
        const double ratio = static_cast<double>(T) / static_cast<double>(n);
        for (double v : numpy::arange(static_cast<double>(lastTimestep), 0, -ratio))
            ts.push_back(numpy::round(v) - 1);
    }
    std::vector<int64_t> tsInt(ts.begin(), ts.end());

    // sigmas table in float32 as torch computes it, interpolated in double as numpy does
    const at::Tensor& ac = schedule_.alphasCumprod();
    const at::Tensor allSigmas = ((1 - ac) / ac).pow(0.5).to(at::kDouble).contiguous();
    std::vector<double> fp(allSigmas.data_ptr<double>(), allSigmas.data_ptr<double>() + allSigmas.numel());
    std::vector<double> xp(fp.size());
    for (size_t i = 0; i < xp.size(); ++i)
        xp[i] = static_cast<double>(i);
    std::vector<double> sig = numpy::interp(ts, xp, fp);
    if (config_.finalSigmasType == "sigma_min")
        sig.push_back(((1 - ac[0]) / ac[0]).pow(0.5).item<double>());
    else
        sig.push_back(0.0);
    std::vector<float> sigF(sig.begin(), sig.end());
    sigmas_ = at::tensor(sigF, at::kFloat);
    timesteps_ = at::tensor(tsInt, at::kLong);
    numInferenceSteps_ = static_cast<int64_t>(tsInt.size());
    modelOutputs_.assign(static_cast<size_t>(config_.solverOrder), at::Tensor());
    lowerOrderNums_ = 0;
    stepIndex_ = -1;
}

DpmSolverMultistepScheduler::AlphaSigma DpmSolverMultistepScheduler::alphaSigma(const at::Tensor& sigma) {
    const at::Tensor alpha = (sigma.pow(2) + 1).pow(0.5).reciprocal();
    return {alpha, sigma * alpha};
}

at::Tensor DpmSolverMultistepScheduler::convertModelOutput(const at::Tensor& modelOutputIn, const at::Tensor& sample) const {
    at::Tensor x0;
    if (config_.predictionType == "epsilon") {
        at::Tensor modelOutput = modelOutputIn;
        if (!config_.varianceType.empty())
            modelOutput = modelOutput.slice(1, 0, 3);
        const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_]);
        x0 = (sample - sigmaT * modelOutput) / alphaT;
    } else if (config_.predictionType == "sample") {
        x0 = modelOutputIn;
    } else {  // v_prediction
        const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_]);
        x0 = alphaT * sample - sigmaT * modelOutputIn;
    }
    if (config_.thresholding)
        x0 = thresholdSample(x0, config_.dynamicThresholdingRatio, config_.sampleMaxValue);
    return x0;
}

at::Tensor DpmSolverMultistepScheduler::firstOrderUpdate(const at::Tensor& m, const at::Tensor& sample,
                                                         const at::Tensor& noise) const {
    const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_ + 1]);
    const auto [alphaS, sigmaS] = alphaSigma(sigmas_[stepIndex_]);
    const at::Tensor lambdaT = at::log(alphaT) - at::log(sigmaT);  // +inf at the final zero sigma
    const at::Tensor lambdaS = at::log(alphaS) - at::log(sigmaS);
    const at::Tensor h = lambdaT - lambdaS;
    if (config_.algorithmType == "dpmsolver++")
        return (sigmaT / sigmaS) * sample - (alphaT * (at::exp(-h) - 1.0)) * m;
    // sde-dpmsolver++
    return (sigmaT / sigmaS * at::exp(-h)) * sample + (alphaT * (1 - at::exp(-2.0 * h))) * m +
           sigmaT * at::sqrt(1.0 - at::exp(-2 * h)) * noise;
}

at::Tensor DpmSolverMultistepScheduler::secondOrderUpdate(const at::Tensor& sample, const at::Tensor& noise) const {
    const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_ + 1]);
    const auto [alphaS0, sigmaS0] = alphaSigma(sigmas_[stepIndex_]);
    const auto [alphaS1, sigmaS1] = alphaSigma(sigmas_[stepIndex_ - 1]);
    const at::Tensor lambdaT = at::log(alphaT) - at::log(sigmaT);
    const at::Tensor lambdaS0 = at::log(alphaS0) - at::log(sigmaS0);
    const at::Tensor lambdaS1 = at::log(alphaS1) - at::log(sigmaS1);
    const at::Tensor& m0 = modelOutputs_[modelOutputs_.size() - 1];
    const at::Tensor& m1 = modelOutputs_[modelOutputs_.size() - 2];
    const at::Tensor h = lambdaT - lambdaS0;
    const at::Tensor h0 = lambdaS0 - lambdaS1;
    const at::Tensor r0 = h0 / h;
    const at::Tensor& D0 = m0;
    const at::Tensor D1 = r0.reciprocal() * (m0 - m1);
    const bool midpoint = config_.solverType == "midpoint";
    if (config_.algorithmType == "dpmsolver++") {
        if (midpoint)
            return (sigmaT / sigmaS0) * sample - (alphaT * (at::exp(-h) - 1.0)) * D0 -
                   0.5 * (alphaT * (at::exp(-h) - 1.0)) * D1;
        return (sigmaT / sigmaS0) * sample - (alphaT * (at::exp(-h) - 1.0)) * D0 +
               (alphaT * ((at::exp(-h) - 1.0) / h + 1.0)) * D1;
    }
    // sde-dpmsolver++
    if (midpoint)
        return (sigmaT / sigmaS0 * at::exp(-h)) * sample + (alphaT * (1 - at::exp(-2.0 * h))) * D0 +
               0.5 * (alphaT * (1 - at::exp(-2.0 * h))) * D1 + sigmaT * at::sqrt(1.0 - at::exp(-2 * h)) * noise;
    return (sigmaT / sigmaS0 * at::exp(-h)) * sample + (alphaT * (1 - at::exp(-2.0 * h))) * D0 +
           (alphaT * ((1.0 - at::exp(-2.0 * h)) / (-2.0 * h) + 1.0)) * D1 +
           sigmaT * at::sqrt(1.0 - at::exp(-2 * h)) * noise;
}

at::Tensor DpmSolverMultistepScheduler::thirdOrderUpdate(const at::Tensor& sample) const {
    const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_ + 1]);
    const auto [alphaS0, sigmaS0] = alphaSigma(sigmas_[stepIndex_]);
    const auto [alphaS1, sigmaS1] = alphaSigma(sigmas_[stepIndex_ - 1]);
    const auto [alphaS2, sigmaS2] = alphaSigma(sigmas_[stepIndex_ - 2]);
    const at::Tensor lambdaT = at::log(alphaT) - at::log(sigmaT);
    const at::Tensor lambdaS0 = at::log(alphaS0) - at::log(sigmaS0);
    const at::Tensor lambdaS1 = at::log(alphaS1) - at::log(sigmaS1);
    const at::Tensor lambdaS2 = at::log(alphaS2) - at::log(sigmaS2);
    const size_t n = modelOutputs_.size();
    const at::Tensor &m0 = modelOutputs_[n - 1], &m1 = modelOutputs_[n - 2], &m2 = modelOutputs_[n - 3];
    const at::Tensor h = lambdaT - lambdaS0, h0 = lambdaS0 - lambdaS1, h1 = lambdaS1 - lambdaS2;
    const at::Tensor r0 = h0 / h, r1 = h1 / h;
    const at::Tensor& D0 = m0;
    const at::Tensor D1_0 = r0.reciprocal() * (m0 - m1);
    const at::Tensor D1_1 = r1.reciprocal() * (m1 - m2);
    const at::Tensor D1 = D1_0 + (r0 / (r0 + r1)) * (D1_0 - D1_1);
    const at::Tensor D2 = (r0 + r1).reciprocal() * (D1_0 - D1_1);
    return (sigmaT / sigmaS0) * sample - (alphaT * (at::exp(-h) - 1.0)) * D0 +
           (alphaT * ((at::exp(-h) - 1.0) / h + 1.0)) * D1 -
           (alphaT * ((at::exp(-h) - 1.0 + h) / h.pow(2) - 0.5)) * D2;
}

int64_t DpmSolverMultistepScheduler::indexForTimestep(double timestep) const {
    const at::Tensor hits = (timesteps_ == timestep).nonzero();
    if (hits.size(0) == 0)
        return timesteps_.size(0) - 1;
    // a duplicated first timestep (image-to-image starts) takes the second match, as diffusers
    return hits[hits.size(0) > 1 ? 1 : 0].item<int64_t>();
}

SchedulerStepOutput DpmSolverMultistepScheduler::step(const at::Tensor& modelOutput, double timestep,
                                                      const at::Tensor& sampleIn, at::Generator* generator) {
    if (numInferenceSteps_ == 0)
        throw InputError("DPMSolverMultistepScheduler: step() called before setTimesteps(); set the number of steps first");
    if (stepIndex_ < 0)
        stepIndex_ = indexForTimestep(timestep);
    if (stepIndex_ >= timesteps_.size(0))
        throw InputError("DPMSolverMultistepScheduler: more steps than the " + std::to_string(timesteps_.size(0)) +
                         " timesteps set; call setTimesteps() before a new run");

    const int64_t len = timesteps_.size(0);
    // lower orders near the end keep few-step runs stable; a zero final sigma always ends with order 1
    const bool lowerOrderFinal = stepIndex_ == len - 1 &&
                                 (config_.eulerAtFinal || (config_.lowerOrderFinal && len < 15) ||
                                  config_.finalSigmasType == "zero");
    const bool lowerOrderSecond = stepIndex_ == len - 2 && config_.lowerOrderFinal && len < 15;

    const at::Tensor x0 = convertModelOutput(modelOutput, sampleIn);
    for (int i = 0; i + 1 < config_.solverOrder; ++i)
        modelOutputs_[static_cast<size_t>(i)] = modelOutputs_[static_cast<size_t>(i + 1)];
    modelOutputs_.back() = x0;

    const at::Tensor sample = sampleIn.to(at::kFloat);  // diffusers upcasts for the update
    at::Tensor noise;
    if (config_.algorithmType == "sde-dpmsolver++")
        noise = normalNoise(x0.sizes(), generator, x0.options().dtype(at::kFloat));

    at::Tensor prev;
    if (config_.solverOrder == 1 || lowerOrderNums_ < 1 || lowerOrderFinal)
        prev = firstOrderUpdate(x0, sample, noise);
    else if (config_.solverOrder == 2 || lowerOrderNums_ < 2 || lowerOrderSecond)
        prev = secondOrderUpdate(sample, noise);
    else
        prev = thirdOrderUpdate(sample);
    if (lowerOrderNums_ < config_.solverOrder)
        ++lowerOrderNums_;
    ++stepIndex_;
    return {prev.to(x0.scalar_type()), x0};
}

SchedulerState DpmSolverMultistepScheduler::state() const {
    SchedulerState s{{"step_index", counterEntry(stepIndex_)}, {"lower_order_nums", counterEntry(lowerOrderNums_)}};
    writeHistory(s, "model_outputs", modelOutputs_);
    return s;
}

void DpmSolverMultistepScheduler::restoreState(const SchedulerState& s) {
    const std::string name = diffusersClassName();
    stepIndex_ = readCounter(s, "step_index", -1, timesteps_.size(0), name);
    lowerOrderNums_ = int(readCounter(s, "lower_order_nums", 0, config_.solverOrder, name));
    modelOutputs_ = readHistory(s, "model_outputs", modelOutputs_.size());
}

} // namespace i2v
