// The integer timestep schedules diffusers' DDIM and DDPM share (scheduling_ddim.py / scheduling_ddpm.py
// set_timesteps): "linspace", "leading" (+ steps_offset) and "trailing", in descending order, computed
// with numpy's rounding and arange so the values match exactly; and the step-index lookup of the
// sigma schedulers (Euler, Euler ancestral).
#pragma once
#include <ATen/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

std::vector<int64_t> discreteTimesteps(const std::string& spacing, int64_t numTrainTimesteps, int64_t numInferenceSteps,
                                       int64_t stepsOffset);

// The index of `timestep` in `timesteps` as diffusers' _init_step_index picks it: the second match when
// the value occurs twice (so a schedule that starts with a repeated timestep does not skip a sigma).
// InputError naming `schedulerName` when the timestep is not in the schedule.
int64_t stepIndexOf(const at::Tensor& timesteps, double timestep, const std::string& schedulerName);

} // namespace i2v
