// The scheduler interface as I2VGenXLPipeline uses it (diffusers SchedulerMixin + each class's
// set_timesteps / scale_model_input / step / init_noise_sigma / order). One implementation per
// diffusers scheduling_*.py file; SchedulerFactory builds them from scheduler_config.json.
#pragma once
#include <ATen/ATen.h>
#include <cstdint>
#include <map>
#include <string>

namespace i2v {

// What a scheduler carries from one step to the next beyond what setTimesteps() computes (the step index, a
// multistep solver's history), as named tensors; counters are 0-dim int64 tensors. A saved job
// (pipeline/JobCheckpoint.h) restores it after setTimesteps() with the same count and goes on bit for bit.
using SchedulerState = std::map<std::string, at::Tensor>;

struct SchedulerStepOutput {
    at::Tensor prevSample;           // x_{t-1}, what the denoising loop continues with
    at::Tensor predOriginalSample;   // the x0 estimate of this step (the live preview shows it)
};

class Scheduler {
public:
    virtual ~Scheduler() = default;

    // Our short name: ddim | dpmpp-2m | euler | euler-a | unipc | ddpm.
    virtual std::string name() const = 0;
    // The diffusers class this one mirrors ("DDIMScheduler", ...), for metadata and messages.
    virtual std::string diffusersClassName() const = 0;

    // Chooses the timesteps for `numInferenceSteps` denoising steps and resets any multistep state.
    // InputError when the count is below 1 or above num_train_timesteps.
    virtual void setTimesteps(int64_t numInferenceSteps) = 0;
    // The timesteps of the current schedule in diffusers' dtype: int64, except float32 for the Euler
    // classes (which interpolate sigmas and may produce fractional timesteps).
    virtual at::Tensor timesteps() const = 0;
    // Scale of the initial noise (latents = randn * initNoiseSigma), valid after setTimesteps.
    virtual double initNoiseSigma() const = 0;
    // The model input for timestep `t` (Euler divides by sqrt(sigma^2 + 1); the others return `sample`).
    virtual at::Tensor scaleModelInput(const at::Tensor& sample, double timestep) = 0;
    // One denoising step from `timestep`. `generator` feeds the noise of the stochastic schedulers
    // (nullptr = libtorch's default generator, like generator=None in diffusers).
    virtual SchedulerStepOutput step(const at::Tensor& modelOutput, double timestep, const at::Tensor& sample,
                                     at::Generator* generator = nullptr) = 0;
    // Model evaluations per step (1 for every scheduler here, as their `order` attribute).
    virtual int order() const { return 1; }

    // The state after the steps taken so far; empty for the schedulers whose step depends on the timestep alone.
    virtual SchedulerState state() const { return {}; }
    // Continues from a state() taken with the same config and step count, after setTimesteps(). Throws
    // InputError naming the entry when one is missing or does not fit this schedule.
    virtual void restoreState(const SchedulerState& /*state*/) {}

    // DDIM's eta (the pipeline passes it only to schedulers whose step accepts it; others ignore it).
    virtual bool acceptsEta() const { return false; }
    virtual void setEta(double /*eta*/) {}

    // Convenience for loops over timesteps(): the 0-dim timestep tensor read as a number.
    at::Tensor scaleModelInput(const at::Tensor& sample, const at::Tensor& timestep) {
        return scaleModelInput(sample, timestep.item<double>());
    }
    SchedulerStepOutput step(const at::Tensor& modelOutput, const at::Tensor& timestep, const at::Tensor& sample,
                             at::Generator* generator = nullptr) {
        return step(modelOutput, timestep.item<double>(), sample, generator);
    }
};

} // namespace i2v
