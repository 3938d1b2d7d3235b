#include "Benchmarks.h"

#include "io/SafetensorsFile.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

namespace i2v::bench {

// Two `i2v generate --save-tensors` files (or any two .safetensors with the same keys) tensor by tensor:
// max and mean absolute difference, the RMS of the difference relative to the right-hand tensor's, in
// float64, and whether both are finite. What scripts/gpu-smoke.sh uses to hold a GPU's video against the
// CPU's without Python, and bench/compare.py to state bf16's error against fp32.
nlohmann::json runCompare(const CompareArgs& a) {
    const SafetensorsFile left(a.left), right(a.right);
    nlohmann::json out;
    double worst = 0.0, worstMean = 0.0;
    bool finite = true;
    for (const std::string& key : left.keys()) {
        if (!a.only.empty() && key != a.only)
            continue;
        if (!right.contains(key))
            throw InputError(a.right + " has no tensor '" + key + "' (" + a.left + " has)");
        const at::Tensor x = left.tensor(key).to(at::kDouble), y = right.tensor(key).to(at::kDouble);
        if (x.sizes() != y.sizes())
            throw InputError("tensor '" + key + "' has shape " + c10::str(x.sizes()) + " in " + a.left + " and " +
                             c10::str(y.sizes()) + " in " + a.right);
        const bool bothFinite = at::isfinite(x).all().item<bool>() && at::isfinite(y).all().item<bool>();
        const at::Tensor diff = (x - y).abs();
        const double maxAbs = diff.numel() ? diff.max().item<double>() : 0.0;
        const double meanAbs = diff.numel() ? diff.mean().item<double>() : 0.0;
        // RMS of the difference over the RMS of the right-hand tensor (the reference): a precision's error
        // in one figure that does not depend on the tensor's scale.
        const double rmsDiff = diff.numel() ? diff.square().mean().sqrt().item<double>() : 0.0;
        const double rmsRight = y.numel() ? y.square().mean().sqrt().item<double>() : 0.0;
        out["tensors"][key] = {{"max_abs", maxAbs},
                               {"mean_abs", meanAbs},
                               {"rms_diff", rmsDiff},
                               {"rel_rms", rmsRight > 0 ? rmsDiff / rmsRight : (rmsDiff > 0 ? INFINITY : 0.0)},
                               {"finite", bothFinite},
                               {"shape", x.sizes().vec()}};
        worst = std::max(worst, bothFinite ? maxAbs : INFINITY);
        worstMean = std::max(worstMean, bothFinite ? meanAbs : INFINITY);
        finite = finite && bothFinite;
    }
    if (!out.contains("tensors"))
        throw InputError(a.left + " has no tensor " + (a.only.empty() ? std::string("at all") : "'" + a.only + "'"));
    out["max_abs"] = worst;
    out["mean_abs"] = worstMean;
    out["finite"] = finite;
    out["within_atol"] = finite && worst <= a.atol && worstMean <= a.meanAtol;
    return out;
}

} // namespace i2v::bench
