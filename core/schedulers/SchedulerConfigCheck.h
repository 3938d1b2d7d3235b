// Validation shared by the scheduler configs: enumerated string keys and the step count, each failure
// naming the key or value and what the user can do (diffusers raises these lazily inside step();
// we raise them when the scheduler is built or the steps are set, before any model work).
#pragma once
#include "io/JsonConfig.h"

#include <ATen/Tensor.h>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace i2v {

// The string at `key` (or `fallback`), ModelError unless it is one of `allowed`.
std::string configChoice(const JsonConfig& cfg, const std::string& key, const std::string& fallback,
                         std::initializer_list<const char*> allowed);

// InputError unless 1 <= steps <= numTrainTimesteps.
void checkInferenceSteps(int64_t steps, int64_t numTrainTimesteps, const std::string& schedulerName);

// diffusers' _threshold_sample ("dynamic thresholding", Imagen): clamps each batch item of the x0
// prediction to its `ratio` quantile of |x0| (at least 1, at most maxValue) and divides by it.
at::Tensor thresholdSample(const at::Tensor& sample, double ratio, double maxValue);

} // namespace i2v
