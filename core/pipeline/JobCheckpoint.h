// A job's progress saved between denoising steps, so that a job of hours goes on after the app, the command or
// the computer stopped: the latents after the steps done, the job's random generator and the scheduler's state,
// beside what the job is (its settings, the picture, the model), so that only that job continues from it. One
// .safetensors file written atomically: a crash while writing leaves the previous one as it was.
#pragma once
#include "pipeline/GenerationRequest.h"
#include "schedulers/Scheduler.h"

#include <ATen/Tensor.h>

#include <filesystem>
#include <string>

namespace i2v {

struct JobCheckpoint {
    std::string job;           // jobIdentity() of the job it belongs to
    int stepsDone = 0;         // 1..totalSteps
    int totalSteps = 0;
    at::Tensor latents;        // [1, C, F, h, w] after stepsDone steps, on the CPU, in the compute dtype
    at::Tensor generatorState; // the job's CPU generator (scheduler noise still to come)
    SchedulerState scheduler;  // on the CPU
};

// How generate() keeps a job's progress.
struct CheckpointOptions {
    std::filesystem::path file;        // continued from when it exists; removed by the caller once the video is kept
    double secondsBetweenWrites = 60;  // after a step at most this often; always after the last step, and when the
                                       // job stops between two writes (cancelled, failed)
};

// Everything the denoised latents depend on, as JSON text: the settings without the preview and the decode chunk,
// the picture's size and a hash of its pixels, the model's fingerprint. Not the device or dtype: a job may go on
// with other memory or speed settings.
std::string jobIdentity(const GenerationRequest& request, const std::string& modelFingerprint);
// When `saved` and `current` (jobIdentity texts) differ: what differs, as a user would read it ("the seed is 42 in
// the saved progress and 43 in this job"); empty when they are the same job.
std::string jobDifference(const std::string& saved, const std::string& current);
// The saved job's settings (its picture not included): a command line can take the seed from them.
GenerationRequest savedSettings(const JobCheckpoint& checkpoint);

// IoError naming the file when it cannot be written (the previous file stays).
void writeJobCheckpoint(const std::filesystem::path& file, const JobCheckpoint& checkpoint);
// InputError naming the file when it is not a readable checkpoint of this format.
JobCheckpoint readJobCheckpoint(const std::filesystem::path& file);

} // namespace i2v
