#include "schedulers/SchedulerStateEntries.h"

#include "util/Errors.h"

#include <ATen/ATen.h>

namespace i2v {

at::Tensor counterEntry(int64_t value) { return at::scalar_tensor(value, at::kLong); }

int64_t readCounter(const SchedulerState& state, const std::string& name, int64_t min, int64_t max,
                    const std::string& schedulerClass) {
    const auto it = state.find(name);
    if (it == state.end() || !it->second.defined() || it->second.numel() != 1 ||
        at::isFloatingType(it->second.scalar_type()))
        throw InputError("the saved " + schedulerClass + " state has no counter \"" + name + "\"");
    const int64_t value = it->second.item<int64_t>();
    if (value < min || value > max)
        throw InputError("the saved " + schedulerClass + " state's \"" + name + "\" is " + std::to_string(value) +
                         ", outside " + std::to_string(min) + ".." + std::to_string(max) + " for this schedule");
    return value;
}

void writeHistory(SchedulerState& state, const std::string& name, const std::vector<at::Tensor>& history) {
    for (size_t i = 0; i < history.size(); ++i)
        if (history[i].defined())
            state[name + "." + std::to_string(i)] = history[i];
}

std::vector<at::Tensor> readHistory(const SchedulerState& state, const std::string& name, size_t size) {
    std::vector<at::Tensor> history(size);
    for (size_t i = 0; i < size; ++i)
        if (const auto it = state.find(name + "." + std::to_string(i)); it != state.end())
            history[i] = it->second;
    return history;
}

} // namespace i2v
