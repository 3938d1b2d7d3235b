// The few numpy routines diffusers' schedulers build their timestep and sigma tables with
// (np.arange, np.linspace, np.round, np.interp), reproduced to the last bit: the tables decide which
// alphas_cumprod entries a step reads, so an off-by-one rounding would change every latent.
// Mirrors numpy 1.24 (numpy/core/function_base.py, multiarray arange fill, compiled_base.c arr_interp).
#pragma once
#include <cstdint>
#include <vector>

namespace i2v::numpy {

// np.arange(start, stop, step) for floats: numpy fills element i as start + i * (x1 - x0), where x1 is
// the second element, so the increment carries the rounding of start + step.
std::vector<double> arange(double start, double stop, double step);

// np.linspace(start, stop, num) (endpoint=True): i * ((stop - start) / (num - 1)) + start, last = stop.
std::vector<double> linspace(double start, double stop, int64_t num);

// np.round: round half to even.
double round(double x);

// np.interp(x, xp, fp) with xp increasing; exact fp[j] where x hits a knot (numpy's rule, which also
// keeps an infinite neighbour from turning the result into NaN).
std::vector<double> interp(const std::vector<double>& x, const std::vector<double>& xp, const std::vector<double>& fp);

} // namespace i2v::numpy
