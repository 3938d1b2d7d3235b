// The integer timestep schedules diffusers' DDIM and DDPM share (scheduling_ddim.py / scheduling_ddpm.py
// set_timesteps): "linspace", "leading" (+ steps_offset) and "trailing", in descending order, computed
// with numpy's rounding and arange so the values match exactly.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

std::vector<int64_t> discreteTimesteps(const std::string& spacing, int64_t numTrainTimesteps, int64_t numInferenceSteps,
                                       int64_t stepsOffset);

} // namespace i2v
