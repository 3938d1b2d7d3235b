#include "schedulers/BetaSchedule.h"

#include "util/Errors.h"

#include <algorithm>
#include <cmath>

namespace i2v {

BetaScheduleConfig BetaScheduleConfig::fromJson(const JsonConfig& cfg, bool readsZeroSnr, bool allowSigmoid) {
    BetaScheduleConfig c;
    c.numTrainTimesteps = cfg.get<int64_t>("num_train_timesteps", c.numTrainTimesteps);
    // Every table of the schedulers (betas, alphas, sigmas) has one entry per training timestep: a bound keeps
    // a hostile value from sizing them. Real checkpoints train with 1,000 (a few with 4,000).
    if (c.numTrainTimesteps <= 0 || c.numTrainTimesteps > BetaScheduleConfig::kMaxTrainTimesteps)
        cfg.fail("num_train_timesteps", "is " + std::to_string(c.numTrainTimesteps) + " but must be between 1 and " +
                                            std::to_string(BetaScheduleConfig::kMaxTrainTimesteps));
    c.betaStart = cfg.get<double>("beta_start", c.betaStart);
    c.betaEnd = cfg.get<double>("beta_end", c.betaEnd);
    c.betaSchedule = cfg.get<std::string>("beta_schedule", c.betaSchedule);
    const bool known = c.betaSchedule == "linear" || c.betaSchedule == "scaled_linear" ||
                       c.betaSchedule == "squaredcos_cap_v2" || (allowSigmoid && c.betaSchedule == "sigmoid");
    if (cfg.has("trained_betas")) {
        const auto& tb = cfg.json().at("trained_betas");
        if (!tb.is_array())
            cfg.fail("trained_betas", "should be a list of numbers or null");
        for (const auto& v : tb) {
            if (!v.is_number())
                cfg.fail("trained_betas", "should hold numbers only");
            c.trainedBetas.push_back(v.get<double>());
        }
        if (c.trainedBetas.empty() || c.trainedBetas.size() > size_t(BetaScheduleConfig::kMaxTrainTimesteps))
            cfg.fail("trained_betas", "must list 1 to " + std::to_string(BetaScheduleConfig::kMaxTrainTimesteps) + " betas");
        // diffusers takes the list's length as the truth for the tables built from the betas
        c.numTrainTimesteps = static_cast<int64_t>(c.trainedBetas.size());
    } else if (!known) {
        cfg.fail("beta_schedule", "is '" + c.betaSchedule + "', expected linear, scaled_linear or squaredcos_cap_v2" +
                                      std::string(allowSigmoid ? " or sigmoid" : ""));
    }
    if (readsZeroSnr)
        c.rescaleBetasZeroSnr = cfg.get<bool>("rescale_betas_zero_snr", c.rescaleBetasZeroSnr);
    return c;
}

at::Tensor BetaSchedule::betasForAlphaBar(int64_t n, double maxBeta) {
    // The same double expression as Python's math module: cos((t + 0.008) / 1.008 * pi / 2) ** 2.
    auto alphaBar = [](double t) { return std::pow(std::cos((t + 0.008) / 1.008 * M_PI / 2), 2.0); };
    std::vector<float> betas(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        const double t1 = static_cast<double>(i) / static_cast<double>(n);
        const double t2 = static_cast<double>(i + 1) / static_cast<double>(n);
        betas[static_cast<size_t>(i)] = static_cast<float>(std::min(1 - alphaBar(t2) / alphaBar(t1), maxBeta));
    }
    return at::tensor(betas, at::kFloat);
}

at::Tensor BetaSchedule::rescaleZeroTerminalSnr(const at::Tensor& betasIn) {
    at::Tensor alphas = 1.0 - betasIn;
    at::Tensor alphasCumprod = at::cumprod(alphas, 0);
    at::Tensor barSqrt = alphasCumprod.sqrt();
    const at::Tensor sqrt0 = barSqrt[0].clone();
    const at::Tensor sqrtT = barSqrt[-1].clone();
    barSqrt -= sqrtT;                            // last timestep becomes exactly zero SNR
    barSqrt *= sqrt0 / (sqrt0 - sqrtT);          // first timestep keeps its value
    const at::Tensor alphasBar = barSqrt.pow(2);
    const int64_t n = alphasBar.size(0);
    at::Tensor ratios = alphasBar.slice(0, 1, n) / alphasBar.slice(0, 0, n - 1);
    alphas = at::cat({alphasBar.slice(0, 0, 1), ratios});
    return 1 - alphas;
}

BetaSchedule::BetaSchedule(const BetaScheduleConfig& c) {
    if (!c.trainedBetas.empty()) {
        std::vector<float> tb(c.trainedBetas.begin(), c.trainedBetas.end());  // torch.tensor(list, float32)
        betas_ = at::tensor(tb, at::kFloat);
    } else if (c.betaSchedule == "linear") {
        betas_ = at::linspace(c.betaStart, c.betaEnd, c.numTrainTimesteps, at::kFloat);
    } else if (c.betaSchedule == "scaled_linear") {
        // latent-diffusion schedule: linear in sqrt(beta)
        betas_ = at::linspace(std::pow(c.betaStart, 0.5), std::pow(c.betaEnd, 0.5), c.numTrainTimesteps, at::kFloat).pow(2);
    } else if (c.betaSchedule == "squaredcos_cap_v2") {
        betas_ = betasForAlphaBar(c.numTrainTimesteps);
    } else if (c.betaSchedule == "sigmoid") {
        betas_ = at::sigmoid(at::linspace(-6, 6, c.numTrainTimesteps, at::kFloat)) * (c.betaEnd - c.betaStart) + c.betaStart;
    } else {
        throw ModelError("beta_schedule '" + c.betaSchedule +
                         "' is not supported: use linear, scaled_linear or squaredcos_cap_v2 in scheduler_config.json");
    }
    if (c.rescaleBetasZeroSnr)
        betas_ = rescaleZeroTerminalSnr(betas_);
    alphas_ = 1.0 - betas_;
    alphasCumprod_ = at::cumprod(alphas_, 0);
}

void BetaSchedule::clampTerminalAlphaCumprod() {
    alphasCumprod_ = alphasCumprod_.clone();
    alphasCumprod_[-1] = std::ldexp(1.0, -24);
}

} // namespace i2v
