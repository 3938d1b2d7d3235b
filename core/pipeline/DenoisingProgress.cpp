#include "pipeline/DenoisingProgress.h"

#include "pipeline/GenerationObserver.h"
#include "schedulers/Scheduler.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

namespace i2v {
namespace {

[[noreturn]] void doesNotFit(const std::filesystem::path& file, const std::string& why) {
    throw InputError("the saved progress " + file.string() + " does not fit this job (" + why +
                     "); delete it to start the job from its first step");
}

std::string shapeText(at::IntArrayRef shape) {
    std::string text;
    for (const int64_t d : shape)
        text += (text.empty() ? "" : "x") + std::to_string(d);
    return text.empty() ? "a number" : text;
}

} // namespace

at::Tensor restoreProgress(const JobCheckpoint& c, const std::filesystem::path& file, at::IntArrayRef latentShape,
                           int totalSteps, c10::Device device, c10::ScalarType dtype, Scheduler& scheduler,
                           at::Generator& generator) {
    if (c.totalSteps != totalSteps)
        doesNotFit(file, "it was saved for " + std::to_string(c.totalSteps) + " steps, this job has " +
                             std::to_string(totalSteps));
    if (!c.latents.defined() || !at::isFloatingType(c.latents.scalar_type()) || c.latents.sizes() != latentShape)
        doesNotFit(file, "its latents are " + shapeText(c.latents.sizes()) + ", this job's " + shapeText(latentShape));
    if (!at::isfinite(c.latents).all().item<bool>())
        doesNotFit(file, "its latents hold values that are not finite");
    // The scheduler's tensors are the frames' latents ([F, C, h, w], as the loop steps them) or counters.
    const std::vector<int64_t> frameShape{latentShape[2], latentShape[1], latentShape[3], latentShape[4]};
    SchedulerState state;
    for (const auto& [name, tensor] : c.scheduler) {
        if (tensor.dim() == 0) {
            state[name] = tensor;
            continue;
        }
        if (!at::isFloatingType(tensor.scalar_type()) || tensor.sizes() != at::IntArrayRef(frameShape))
            doesNotFit(file, "its scheduler's \"" + name + "\" is " + shapeText(tensor.sizes()) + ", this job's " +
                                 shapeText(frameShape));
        // Saved in the compute dtype of its job, or in float32 where the scheduler computes in it; a job that goes
        // on in another dtype gets the first in its own.
        state[name] = tensor.to(device, tensor.scalar_type() == c.latents.scalar_type() ? dtype : tensor.scalar_type());
    }
    try {
        scheduler.restoreState(state);
    } catch (const InputError& e) {
        doesNotFit(file, e.what());
    }
    try {
        generator.set_state(c.generatorState);
    } catch (const c10::Error&) {
        doesNotFit(file, "its random generator's state is damaged");
    }
    return c.latents.to(device, dtype);
}

ProgressSaver::ProgressSaver(CheckpointOptions options, std::string jobIdentity, int totalSteps,
                             GenerationObserver* observer)
    : options_(std::move(options)), identity_(std::move(jobIdentity)), totalSteps_(totalSteps), observer_(observer),
      lastWrite_(std::chrono::steady_clock::now()) {}

void ProgressSaver::stepDone(int stepsDone, const at::Tensor& latents, const Scheduler& scheduler,
                             const at::Generator& generator) {
    JobCheckpoint c;
    c.job = identity_;
    c.stepsDone = stepsDone;
    c.totalSteps = totalSteps_;
    c.latents = latents;
    c.generatorState = generator.get_state();
    c.scheduler = scheduler.state();
    unwritten_ = std::move(c);
    const std::chrono::duration<double> since = std::chrono::steady_clock::now() - lastWrite_;
    if (stepsDone == totalSteps_ || since.count() >= options_.secondsBetweenWrites)
        write();
}

void ProgressSaver::saveUnwritten() noexcept {
    if (unwritten_)
        write();
}

void ProgressSaver::write() noexcept {
    try {
        JobCheckpoint c = *unwritten_;
        c.latents = c.latents.to(at::kCPU);
        for (auto& [name, tensor] : c.scheduler)
            tensor = tensor.to(at::kCPU);
        writeJobCheckpoint(options_.file, c);
        unwritten_.reset();
    } catch (const std::exception& e) {
        try {
            if (observer_ && !warned_)
                observer_->onWarning(std::string("the job's progress cannot be saved (") + e.what() +
                                     "): the job goes on, but could not continue after a stop");
        } catch (...) {
        }
        warned_ = true;
    }
    // Also after a failure: the next try waits for the next interval.
    lastWrite_ = std::chrono::steady_clock::now();
}

} // namespace i2v
