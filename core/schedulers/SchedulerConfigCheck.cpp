#include "schedulers/SchedulerConfigCheck.h"

#include "util/Errors.h"

#include <ATen/ATen.h>

namespace i2v {

std::string configChoice(const JsonConfig& cfg, const std::string& key, const std::string& fallback,
                         std::initializer_list<const char*> allowed) {
    const std::string value = cfg.get<std::string>(key, fallback);
    std::string list;
    for (const char* a : allowed) {
        if (value == a)
            return value;
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    cfg.fail(key, "is '" + value + "', expected one of: " + list);
}

void checkInferenceSteps(int64_t steps, int64_t numTrainTimesteps, const std::string& schedulerName) {
    if (steps < 1)
        throw InputError(schedulerName + ": " + std::to_string(steps) +
                         " inference steps is impossible; choose at least 1 step");
    if (steps > numTrainTimesteps)
        throw InputError(schedulerName + ": " + std::to_string(steps) + " inference steps is more than the " +
                         std::to_string(numTrainTimesteps) +
                         " timesteps the model was trained with (num_train_timesteps); choose at most " +
                         std::to_string(numTrainTimesteps) + " steps");
}

at::Tensor thresholdSample(const at::Tensor& sampleIn, double ratio, double maxValue) {
    const auto dtype = sampleIn.scalar_type();
    at::Tensor sample = sampleIn;
    if (dtype != at::kFloat && dtype != at::kDouble)
        sample = sample.to(at::kFloat);  // quantile and clamp need float on CPU
    const auto shape = sample.sizes().vec();
    sample = sample.reshape({shape[0], -1});
    at::Tensor s = at::quantile(sample.abs(), ratio, /*dim=*/1);
    s = at::clamp(s, 1, maxValue).unsqueeze(1);  // min 1: plain [-1, 1] clipping when little saturates
    sample = at::clamp(sample, -s, s) / s;
    return sample.reshape(shape).to(dtype);
}

} // namespace i2v
