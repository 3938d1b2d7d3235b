#include "schedulers/UniPcMultistepScheduler.h"

#include "schedulers/NumpyCompat.h"
#include "schedulers/SchedulerConfigCheck.h"
#include "schedulers/SchedulerStateEntries.h"
#include "util/Errors.h"

#include <algorithm>

namespace i2v {

UniPcMultistepScheduler::Config UniPcMultistepScheduler::Config::fromJson(const JsonConfig& cfg) {
    Config c;
    c.betas = BetaScheduleConfig::fromJson(cfg, /*readsZeroSnr=*/false);
    c.solverOrder = cfg.get<int>("solver_order", c.solverOrder);
    if (c.solverOrder < 1)
        cfg.fail("solver_order", "is " + std::to_string(c.solverOrder) + " but must be at least 1");
    c.predictionType = configChoice(cfg, "prediction_type", c.predictionType, {"epsilon", "sample", "v_prediction"});
    c.thresholding = cfg.get<bool>("thresholding", c.thresholding);
    c.dynamicThresholdingRatio = cfg.get<double>("dynamic_thresholding_ratio", c.dynamicThresholdingRatio);
    c.sampleMaxValue = cfg.get<double>("sample_max_value", c.sampleMaxValue);
    c.predictX0 = cfg.get<bool>("predict_x0", c.predictX0);
    c.solverType = configChoice(cfg, "solver_type", c.solverType, {"bh1", "bh2", "midpoint", "heun", "logrho"});
    if (c.solverType != "bh1")
        c.solverType = "bh2";
    c.lowerOrderFinal = cfg.get<bool>("lower_order_final", c.lowerOrderFinal);
    if (cfg.has("disable_corrector")) {
        const auto& v = cfg.json().at("disable_corrector");
        if (!v.is_array())
            cfg.fail("disable_corrector", "should be a list of step indices");
        for (const auto& i : v) {
            if (!i.is_number_integer())
                cfg.fail("disable_corrector", "should hold integer step indices only");
            c.disableCorrector.push_back(i.get<int64_t>());
        }
    }
    if (cfg.has("solver_p"))
        cfg.fail("solver_p", "names an external predictor scheduler, which this engine does not support; remove it");
    if (cfg.get<bool>("use_karras_sigmas", false))
        cfg.fail("use_karras_sigmas", "is true, which this engine does not support yet; set it to false");
    c.timestepSpacing = configChoice(cfg, "timestep_spacing", c.timestepSpacing, {"linspace", "leading", "trailing"});
    c.stepsOffset = cfg.get<int64_t>("steps_offset", c.stepsOffset);
    return c;
}

UniPcMultistepScheduler::UniPcMultistepScheduler(Config config) : config_(std::move(config)), schedule_(config_.betas) {
    const at::Tensor& ac = schedule_.alphasCumprod();
    sigmas_ = ((1 - ac) / ac).pow(0.5);
    timesteps_ = at::arange(config_.betas.numTrainTimesteps - 1, -1, -1, at::kLong);
}

void UniPcMultistepScheduler::setTimesteps(int64_t n) {
    const int64_t T = config_.betas.numTrainTimesteps;
    checkInferenceSteps(n, T, diffusersClassName());
    std::vector<double> ts;
    if (config_.timestepSpacing == "linspace") {
        auto v = numpy::linspace(0, static_cast<double>(T - 1), n + 1);
        for (int64_t i = n; i >= 1; --i)
            ts.push_back(numpy::round(v[static_cast<size_t>(i)]));
    } else if (config_.timestepSpacing == "leading") {
        const int64_t ratio = T / (n + 1);
        for (int64_t i = n; i >= 1; --i)
            ts.push_back(static_cast<double>(i * ratio + config_.stepsOffset));
    } else {
        const double ratio = static_cast<double>(T) / static_cast<double>(n);
        for (double v : numpy::arange(static_cast<double>(T), 0, -ratio))
            ts.push_back(numpy::round(v) - 1);
    }
    const at::Tensor& ac = schedule_.alphasCumprod();
    const at::Tensor all = ((1 - ac) / ac).pow(0.5).to(at::kDouble).contiguous();
    std::vector<double> fp(all.data_ptr<double>(), all.data_ptr<double>() + all.numel()), xp(fp.size());
    for (size_t i = 0; i < xp.size(); ++i)
        xp[i] = static_cast<double>(i);
    std::vector<double> sig = numpy::interp(ts, xp, fp);
    sig.push_back(((1 - ac[0]) / ac[0]).pow(0.5).item<double>());  // final sigma = sigma_min, not zero
    std::vector<float> sigF(sig.begin(), sig.end());
    sigmas_ = at::tensor(sigF, at::kFloat);
    std::vector<int64_t> tsInt(ts.begin(), ts.end());
    timesteps_ = at::tensor(tsInt, at::kLong);
    numInferenceSteps_ = static_cast<int64_t>(tsInt.size());
    modelOutputs_.assign(static_cast<size_t>(config_.solverOrder), at::Tensor());
    lowerOrderNums_ = 0;
    lastSample_ = at::Tensor();
    stepIndex_ = -1;
}

UniPcMultistepScheduler::AlphaSigma UniPcMultistepScheduler::alphaSigma(const at::Tensor& sigma) {
    const at::Tensor alpha = (sigma.pow(2) + 1).pow(0.5).reciprocal();
    return {alpha, sigma * alpha};
}

at::Tensor UniPcMultistepScheduler::lambdaOf(int64_t index) const {
    const auto [a, s] = alphaSigma(sigmas_[index]);
    return at::log(a) - at::log(s);
}

at::Tensor UniPcMultistepScheduler::convertModelOutput(const at::Tensor& modelOutput, const at::Tensor& sample) const {
    const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_]);
    if (config_.predictX0) {
        at::Tensor x0;
        if (config_.predictionType == "epsilon")
            x0 = (sample - sigmaT * modelOutput) / alphaT;
        else if (config_.predictionType == "sample")
            x0 = modelOutput;
        else
            x0 = alphaT * sample - sigmaT * modelOutput;
        if (config_.thresholding)
            x0 = thresholdSample(x0, config_.dynamicThresholdingRatio, config_.sampleMaxValue);
        return x0;
    }
    if (config_.predictionType == "epsilon")
        return modelOutput;
    if (config_.predictionType == "sample")
        return (sample - alphaT * modelOutput) / sigmaT;
    return alphaT * modelOutput + sigmaT * sample;
}

namespace {

// The bh-update coefficients both halves share: h_phi_1, B(h), and the R matrix / b vector.
struct BhCoefficients {
    at::Tensor hPhi1, bH, R, b;
};

BhCoefficients bhCoefficients(const at::Tensor& h, std::vector<at::Tensor> rksIn, bool predictX0, bool bh2, int order) {
    std::vector<float> rksF;
    for (const auto& r : rksIn)
        rksF.push_back(r.item<float>());
    rksF.push_back(1.0f);
    const at::Tensor rks = at::tensor(rksF, at::kFloat);
    const at::Tensor hh = predictX0 ? -h : h;
    const at::Tensor hPhi1 = at::expm1(hh);  // h * phi_1(h) = e^h - 1
    at::Tensor hPhiK = hPhi1 / hh - 1;
    int64_t factorial = 1;
    const at::Tensor bH = bh2 ? at::expm1(hh) : hh;
    std::vector<at::Tensor> R;
    std::vector<float> b;
    for (int i = 1; i <= order; ++i) {
        R.push_back(at::pow(rks, i - 1));
        b.push_back((hPhiK * factorial / bH).item<float>());
        factorial *= i + 1;
        hPhiK = hPhiK / hh - 1.0 / static_cast<double>(factorial);
    }
    return {hPhi1, bH, at::stack(R), at::tensor(b, at::kFloat)};
}

} // namespace

at::Tensor UniPcMultistepScheduler::predictor(const at::Tensor& x, int order) const {
    const at::Tensor& m0 = modelOutputs_.back();
    const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_ + 1]);
    const auto [alphaS0, sigmaS0] = alphaSigma(sigmas_[stepIndex_]);
    const at::Tensor lambdaT = at::log(alphaT) - at::log(sigmaT);
    const at::Tensor lambdaS0 = at::log(alphaS0) - at::log(sigmaS0);
    const at::Tensor h = lambdaT - lambdaS0;

    std::vector<at::Tensor> rks, D1s;
    for (int i = 1; i < order; ++i) {
        const at::Tensor& mi = modelOutputs_[modelOutputs_.size() - 1 - static_cast<size_t>(i)];
        const at::Tensor rk = (lambdaOf(stepIndex_ - i) - lambdaS0) / h;
        rks.push_back(rk);
        D1s.push_back((mi - m0) / rk);
    }
    const BhCoefficients k = bhCoefficients(h, rks, config_.predictX0, config_.solverType == "bh2", order);

    at::Tensor predRes;
    if (!D1s.empty()) {
        const at::Tensor d = at::stack(D1s, 1);  // [B, K, C, ...]
        // The coefficients are solved on the CPU in float32; diffusers moves them to the sample's device and dtype.
        const at::Tensor rhosP = order == 2 ? at::full({1}, 0.5, d.options())
                                            : at::linalg_solve(k.R.slice(0, 0, -1).slice(1, 0, -1), k.b.slice(0, 0, -1))
                                                  .to(d.options());
        predRes = at::einsum("k,bkc...->bc...", {rhosP, d});
    }
    at::Tensor xt;
    if (config_.predictX0) {
        xt = sigmaT / sigmaS0 * x - alphaT * k.hPhi1 * m0;
        if (predRes.defined())
            xt = xt - alphaT * k.bH * predRes;
    } else {
        xt = alphaT / alphaS0 * x - sigmaT * k.hPhi1 * m0;
        if (predRes.defined())
            xt = xt - sigmaT * k.bH * predRes;
    }
    return xt.to(x.scalar_type());
}

at::Tensor UniPcMultistepScheduler::corrector(const at::Tensor& modelT, const at::Tensor& x, int order) const {
    // called before the history shift: m0 is the previous step's output, modelT this step's
    const at::Tensor& m0 = modelOutputs_.back();
    const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_]);
    const auto [alphaS0, sigmaS0] = alphaSigma(sigmas_[stepIndex_ - 1]);
    const at::Tensor lambdaT = at::log(alphaT) - at::log(sigmaT);
    const at::Tensor lambdaS0 = at::log(alphaS0) - at::log(sigmaS0);
    const at::Tensor h = lambdaT - lambdaS0;

    std::vector<at::Tensor> rks, D1s;
    for (int i = 1; i < order; ++i) {
        const at::Tensor& mi = modelOutputs_[modelOutputs_.size() - 1 - static_cast<size_t>(i)];
        const at::Tensor rk = (lambdaOf(stepIndex_ - (i + 1)) - lambdaS0) / h;
        rks.push_back(rk);
        D1s.push_back((mi - m0) / rk);
    }
    const BhCoefficients k = bhCoefficients(h, rks, config_.predictX0, config_.solverType == "bh2", order);
    // at::full, not at::tensor: at::tensor has no bf16/fp16 CPU kernel and builds on the CPU whatever the device.
    const at::Tensor rhosC = order == 1 ? at::full({1}, 0.5, x.options()) : at::linalg_solve(k.R, k.b).to(x.options());

    const at::Tensor D1t = modelT - m0;
    at::Tensor inner = rhosC[-1] * D1t;
    if (!D1s.empty())
        inner = at::einsum("k,bkc...->bc...", {rhosC.slice(0, 0, -1), at::stack(D1s, 1)}) + inner;
    at::Tensor xt;
    if (config_.predictX0)
        xt = sigmaT / sigmaS0 * x - alphaT * k.hPhi1 * m0 - alphaT * k.bH * inner;
    else
        xt = alphaT / alphaS0 * x - sigmaT * k.hPhi1 * m0 - sigmaT * k.bH * inner;
    return xt.to(x.scalar_type());
}

int64_t UniPcMultistepScheduler::indexForTimestep(double timestep) const {
    const at::Tensor hits = (timesteps_ == timestep).nonzero();
    if (hits.size(0) == 0)
        return timesteps_.size(0) - 1;
    return hits[hits.size(0) > 1 ? 1 : 0].item<int64_t>();
}

SchedulerStepOutput UniPcMultistepScheduler::step(const at::Tensor& modelOutput, double timestep,
                                                  const at::Tensor& sampleIn, at::Generator*) {
    if (numInferenceSteps_ == 0)
        throw InputError("UniPCMultistepScheduler: step() called before setTimesteps(); set the number of steps first");
    if (stepIndex_ < 0)
        stepIndex_ = indexForTimestep(timestep);
    if (stepIndex_ >= timesteps_.size(0))
        throw InputError("UniPCMultistepScheduler: more steps than the schedule holds; call setTimesteps() first");

    const bool useCorrector = stepIndex_ > 0 && lastSample_.defined() &&
                              std::find(config_.disableCorrector.begin(), config_.disableCorrector.end(),
                                        stepIndex_ - 1) == config_.disableCorrector.end();
    const at::Tensor converted = convertModelOutput(modelOutput, sampleIn);
    at::Tensor sample = sampleIn;
    if (useCorrector)
        sample = corrector(converted, lastSample_, thisOrder_);

    for (int i = 0; i + 1 < config_.solverOrder; ++i)
        modelOutputs_[static_cast<size_t>(i)] = modelOutputs_[static_cast<size_t>(i + 1)];
    modelOutputs_.back() = converted;

    int order = config_.solverOrder;
    if (config_.lowerOrderFinal)
        order = static_cast<int>(std::min<int64_t>(config_.solverOrder, timesteps_.size(0) - stepIndex_));
    thisOrder_ = std::min(order, lowerOrderNums_ + 1);  // warm-up: the history is still short

    lastSample_ = sample;
    const at::Tensor prev = predictor(sample, thisOrder_);
    if (lowerOrderNums_ < config_.solverOrder)
        ++lowerOrderNums_;

    // the x0 estimate for previews: the converted output itself in data-prediction mode
    at::Tensor x0 = converted;
    if (!config_.predictX0) {
        const auto [alphaT, sigmaT] = alphaSigma(sigmas_[stepIndex_]);
        x0 = (sampleIn - sigmaT * converted) / alphaT;
    }
    ++stepIndex_;
    return {prev, x0};
}

SchedulerState UniPcMultistepScheduler::state() const {
    SchedulerState s{{"step_index", counterEntry(stepIndex_)},
                     {"lower_order_nums", counterEntry(lowerOrderNums_)},
                     {"this_order", counterEntry(thisOrder_)}};
    writeHistory(s, "model_outputs", modelOutputs_);
    if (lastSample_.defined())
        s["last_sample"] = lastSample_;
    return s;
}

void UniPcMultistepScheduler::restoreState(const SchedulerState& s) {
    const std::string name = diffusersClassName();
    stepIndex_ = readCounter(s, "step_index", -1, timesteps_.size(0), name);
    lowerOrderNums_ = int(readCounter(s, "lower_order_nums", 0, config_.solverOrder, name));
    thisOrder_ = int(readCounter(s, "this_order", 1, config_.solverOrder, name));
    modelOutputs_ = readHistory(s, "model_outputs", modelOutputs_.size());
    const auto it = s.find("last_sample");
    lastSample_ = it == s.end() ? at::Tensor() : it->second;
}

} // namespace i2v
