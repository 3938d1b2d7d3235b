#include "schedulers/TimestepSpacing.h"

#include "schedulers/NumpyCompat.h"

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

} // namespace i2v
