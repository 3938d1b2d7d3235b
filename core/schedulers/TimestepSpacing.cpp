#include "schedulers/TimestepSpacing.h"

#include "schedulers/NumpyCompat.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace i2v {

std::vector<int64_t> discreteTimesteps(const std::string& spacing, int64_t T, int64_t n, int64_t stepsOffset) {
    std::vector<int64_t> ts;
    if (spacing == "linspace") {
        for (double v : numpy::linspace(0, static_cast<double>(T - 1), n))
            ts.push_back(static_cast<int64_t>(numpy::round(v)));
        std::reverse(ts.begin(), ts.end());
    } else if (spacing == "leading") {
        const int64_t ratio = T / n;
        for (int64_t i = n - 1; i >= 0; --i)
            ts.push_back(i * ratio + stepsOffset);
    } else {  // trailing
        const double ratio = static_cast<double>(T) / static_cast<double>(n);
        for (double v : numpy::arange(static_cast<double>(T), 0, -ratio))
            ts.push_back(static_cast<int64_t>(numpy::round(v)) - 1);
    }
    return ts;
}

int64_t stepIndexOf(const at::Tensor& timesteps, double timestep, const std::string& schedulerName) {
    const at::Tensor hits = (timesteps == timestep).nonzero();
    if (hits.size(0) == 0)
        throw InputError(schedulerName + ": timestep " + std::to_string(timestep) +
                         " is not in the schedule; pass one of timesteps()");
    return hits[hits.size(0) > 1 ? 1 : 0].item<int64_t>();
}

} // namespace i2v
