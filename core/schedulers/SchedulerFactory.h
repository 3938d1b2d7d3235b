// Builds a Scheduler from a checkpoint's scheduler/scheduler_config.json the way diffusers'
// `<Class>.from_config(config)` does: keys the class does not take are ignored, missing keys take that
// class's __init__ default, and `_class_name` picks the class unless the user overrides it by our
// short name (as the golden does with DPMSolverMultistepScheduler.from_config(ddim_config)).
// Mirrors diffusers v0.27.2 configuration_utils.ConfigMixin.from_config for the scheduler classes.
#pragma once
#include "io/JsonConfig.h"
#include "schedulers/Scheduler.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace i2v {

class SchedulerFactory {
public:
    // Our short names, in menu order: ddim, dpmpp-2m, euler, euler-a, unipc, ddpm.
    static std::vector<std::string> names();
    // The diffusers class a short name stands for ("ddim" -> "DDIMScheduler"); InputError when unknown.
    static std::string diffusersClassFor(const std::string& name);
    // The short name of a diffusers class name; ModelError naming `_class_name` when unsupported.
    static std::string nameForDiffusersClass(const std::string& className, const JsonConfig& config);

    // `overrideName` empty: the class named by `_class_name` (DDIMScheduler when the key is absent).
    static std::unique_ptr<Scheduler> create(const JsonConfig& config, const std::string& overrideName = {});
    // Reads `<modelDir>/scheduler/scheduler_config.json` (or the file itself when given a file).
    static std::unique_ptr<Scheduler> load(const std::filesystem::path& modelDirOrFile,
                                           const std::string& overrideName = {});
};

} // namespace i2v
