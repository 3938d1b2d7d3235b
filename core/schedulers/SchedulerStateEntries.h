// Reading and writing the entries of a SchedulerState (schedulers/Scheduler.h): counters as 0-dim int64
// tensors, a multistep solver's history as numbered tensors. Every refusal names the scheduler and the entry,
// since the state comes from a file (a saved job) that may be damaged or belong to another schedule.
#pragma once
#include "schedulers/Scheduler.h"

#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

at::Tensor counterEntry(int64_t value);
// The counter `name`, which must lie in [min, max].
int64_t readCounter(const SchedulerState& state, const std::string& name, int64_t min, int64_t max,
                    const std::string& schedulerClass);

// history[i] as "<name>.<i>"; undefined (not yet filled) slots are left out.
void writeHistory(SchedulerState& state, const std::string& name, const std::vector<at::Tensor>& history);
// `size` slots, each the saved tensor or undefined where none was saved.
std::vector<at::Tensor> readHistory(const SchedulerState& state, const std::string& name, size_t size);

} // namespace i2v
