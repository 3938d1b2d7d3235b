#include "schedulers/NumpyCompat.h"

#include <cmath>
#include <stdexcept>

namespace i2v::numpy {

std::vector<double> arange(double start, double stop, double step) {
    const double len = std::ceil((stop - start) / step);
    if (!(len > 0))
        return {};
    const auto n = static_cast<int64_t>(len);
    std::vector<double> out(static_cast<size_t>(n));
    out[0] = start;
    if (n > 1) {
        out[1] = start + step;
        const double delta = out[1] - out[0];
        for (int64_t i = 2; i < n; ++i)
            out[static_cast<size_t>(i)] = start + static_cast<double>(i) * delta;
    }
    return out;
}

std::vector<double> linspace(double start, double stop, int64_t num) {
    if (num <= 0)
        return {};
    std::vector<double> out(static_cast<size_t>(num));
    if (num == 1) {
        out[0] = start;
        return out;
    }
    const double div = static_cast<double>(num - 1);
    const double delta = stop - start;
    const double step = delta / div;
    for (int64_t i = 0; i < num; ++i) {
        // numpy divides instead of multiplying by the step when the step underflows to zero
        const double y = step == 0.0 ? (static_cast<double>(i) / div) * delta : static_cast<double>(i) * step;
        out[static_cast<size_t>(i)] = y + start;
    }
    out.back() = stop;
    return out;
}

double round(double x) { return std::nearbyint(x); }  // default FE_TONEAREST = half to even, as np.round

std::vector<double> interp(const std::vector<double>& x, const std::vector<double>& xp, const std::vector<double>& fp) {
    if (xp.empty() || xp.size() != fp.size())
        throw std::invalid_argument("numpy::interp: xp and fp must be non-empty and of equal length");
    std::vector<double> out(x.size());
    const size_t n = xp.size();
    for (size_t i = 0; i < x.size(); ++i) {
        const double v = x[i];
        if (std::isnan(v)) {
            out[i] = v;
            continue;
        }
        if (v < xp[0]) {
            out[i] = fp[0];
            continue;
        }
        if (v >= xp[n - 1]) {
            out[i] = fp[n - 1];  // numpy's right fill value defaults to fp[-1]
            continue;
        }
        // last j with xp[j] <= v
        size_t lo = 0, hi = n - 1;
        while (hi - lo > 1) {
            const size_t mid = (lo + hi) / 2;
            if (xp[mid] <= v)
                lo = mid;
            else
                hi = mid;
        }
        const size_t j = lo;
        if (xp[j] == v) {
            out[i] = fp[j];
            continue;
        }
        const double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        double r = slope * (v - xp[j]) + fp[j];
        if (std::isnan(r)) {
            r = slope * (v - xp[j + 1]) + fp[j + 1];
            if (std::isnan(r) && fp[j] == fp[j + 1])
                r = fp[j];
        }
        out[i] = r;
    }
    return out;
}

} // namespace i2v::numpy
