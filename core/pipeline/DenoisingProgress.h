// The denoising loop's side of a JobCheckpoint (pipeline/JobCheckpoint.h): putting a saved job's state back
// before its next step, and saving the state as the steps finish.
#pragma once
#include "pipeline/JobCheckpoint.h"

#include <ATen/core/Generator.h>

#include <chrono>
#include <optional>
#include <string>

namespace i2v {

class GenerationObserver;
class Scheduler;

// Restores `scheduler` and `generator` (after setTimesteps and a fresh generator) and returns the latents on
// `device` in `dtype`. InputError naming `file` when the saved state does not fit this job: another step count,
// latents of another shape, a damaged generator or scheduler state, values that are not finite.
at::Tensor restoreProgress(const JobCheckpoint& checkpoint, const std::filesystem::path& file,
                           at::IntArrayRef latentShape, int totalSteps, c10::Device device, c10::ScalarType dtype,
                           Scheduler& scheduler, at::Generator& generator);

class ProgressSaver {
public:
    // A write that fails (a full disk, a folder gone) does not stop the job, whose video matters more: `observer`
    // (may be null) is told once, and the next write is tried when due.
    ProgressSaver(CheckpointOptions options, std::string jobIdentity, int totalSteps, GenerationObserver* observer);

    // After step `stepsDone` (1..total): keeps the state in mind (references, and a copy of the generator's
    // few kB), and writes it when secondsBetweenWrites have passed since the last write, or at the last step.
    void stepDone(int stepsDone, const at::Tensor& latents, const Scheduler& scheduler, const at::Generator& generator);
    // The job stops between two writes (cancelled, failed): writes the last step kept in mind. Never throws: the
    // job's own error is the one to report.
    void saveUnwritten() noexcept;

private:
    void write() noexcept;

    CheckpointOptions options_;
    std::string identity_;
    int totalSteps_;
    GenerationObserver* observer_;
    bool warned_ = false;
    std::chrono::steady_clock::time_point lastWrite_;
    std::optional<JobCheckpoint> unwritten_;  // device tensors until written
};

} // namespace i2v
