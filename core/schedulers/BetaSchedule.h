// The training noise schedule every diffusers scheduler starts from: betas (linear, scaled_linear,
// squaredcos_cap_v2 or trained), optionally rescaled to zero terminal SNR, and alphas_cumprod.
// Mirrors betas_for_alpha_bar / rescale_zero_terminal_snr and the `__init__` beta code that each
// diffusers scheduling_*.py file repeats ("Copied from ...scheduling_ddpm").
#pragma once
#include "io/JsonConfig.h"

#include <ATen/ATen.h>
#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

struct BetaScheduleConfig {
    int64_t numTrainTimesteps = 1000;
    static constexpr int64_t kMaxTrainTimesteps = 100000;
    double betaStart = 0.0001;
    double betaEnd = 0.02;
    std::string betaSchedule = "linear";  // linear | scaled_linear | squaredcos_cap_v2 (| sigmoid for DDPM)
    std::vector<double> trainedBetas;      // overrides the schedule when not empty
    bool rescaleBetasZeroSnr = false;

    // Reads the keys above from a scheduler_config.json; `readsZeroSnr` is false for the classes whose
    // diffusers 0.27.2 __init__ has no rescale_betas_zero_snr argument (from_config drops the key).
    static BetaScheduleConfig fromJson(const JsonConfig& cfg, bool readsZeroSnr, bool allowSigmoid = false);
};

class BetaSchedule {
public:
    explicit BetaSchedule(const BetaScheduleConfig& config);

    const at::Tensor& betas() const { return betas_; }                  // [T] float32
    const at::Tensor& alphas() const { return alphas_; }                // 1 - betas
    const at::Tensor& alphasCumprod() const { return alphasCumprod_; }  // [T] float32

    // The Euler / DPM-Solver / Euler-ancestral classes clamp the zero-SNR terminal value to 2**-24
    // (fp16's smallest subnormal) so that their first sigma is finite; DDIM and DDPM keep 0.
    void clampTerminalAlphaCumprod();

    // diffusers' betas_for_alpha_bar(n) with the cosine alpha_bar (computed in double, stored float32).
    static at::Tensor betasForAlphaBar(int64_t numDiffusionTimesteps, double maxBeta = 0.999);
    // diffusers' rescale_zero_terminal_snr (arXiv 2305.08891, Algorithm 1), in float32 as there.
    static at::Tensor rescaleZeroTerminalSnr(const at::Tensor& betas);

private:
    at::Tensor betas_, alphas_, alphasCumprod_;
};

} // namespace i2v
