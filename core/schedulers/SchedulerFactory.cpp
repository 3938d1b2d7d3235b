#include "schedulers/SchedulerFactory.h"

#include "schedulers/DdimScheduler.h"
#include "schedulers/DdpmScheduler.h"
#include "schedulers/DpmSolverMultistepScheduler.h"
#include "schedulers/EulerAncestralDiscreteScheduler.h"
#include "schedulers/EulerDiscreteScheduler.h"
#include "schedulers/UniPcMultistepScheduler.h"
#include "util/Errors.h"

#include <utility>

namespace i2v {

namespace {

const std::vector<std::pair<std::string, std::string>>& table() {
    static const std::vector<std::pair<std::string, std::string>> t = {
        {"ddim", "DDIMScheduler"},
        {"dpmpp-2m", "DPMSolverMultistepScheduler"},
        {"euler", "EulerDiscreteScheduler"},
        {"euler-a", "EulerAncestralDiscreteScheduler"},
        {"unipc", "UniPCMultistepScheduler"},
        {"ddpm", "DDPMScheduler"},
    };
    return t;
}

std::string joinedNames() {
    std::string s;
    for (const auto& [name, cls] : table())
        s += (s.empty() ? "" : ", ") + name;
    return s;
}

} // namespace

std::vector<std::string> SchedulerFactory::names() {
    std::vector<std::string> out;
    for (const auto& [name, cls] : table())
        out.push_back(name);
    return out;
}

std::string SchedulerFactory::diffusersClassFor(const std::string& name) {
    for (const auto& [n, cls] : table())
        if (n == name)
            return cls;
    throw InputError("unknown scheduler '" + name + "': choose one of " + joinedNames());
}

std::string SchedulerFactory::nameForDiffusersClass(const std::string& className, const JsonConfig& config) {
    for (const auto& [n, cls] : table())
        if (cls == className)
            return n;
    config.fail("_class_name", "is '" + className + "', a scheduler this engine does not implement (it has " +
                                   joinedNames() + "); pick one of those as an override");
}

std::unique_ptr<Scheduler> SchedulerFactory::create(const JsonConfig& config, const std::string& overrideName) {
    const std::string name = overrideName.empty()
                                 ? nameForDiffusersClass(config.get<std::string>("_class_name", "DDIMScheduler"), config)
                                 : (diffusersClassFor(overrideName), overrideName);
    if (name == "ddim")
        return std::make_unique<DdimScheduler>(DdimScheduler::Config::fromJson(config));
    if (name == "dpmpp-2m")
        return std::make_unique<DpmSolverMultistepScheduler>(DpmSolverMultistepScheduler::Config::fromJson(config));
    if (name == "euler")
        return std::make_unique<EulerDiscreteScheduler>(EulerDiscreteScheduler::Config::fromJson(config));
    if (name == "euler-a")
        return std::make_unique<EulerAncestralDiscreteScheduler>(EulerAncestralDiscreteScheduler::Config::fromJson(config));
    if (name == "unipc")
        return std::make_unique<UniPcMultistepScheduler>(UniPcMultistepScheduler::Config::fromJson(config));
    return std::make_unique<DdpmScheduler>(DdpmScheduler::Config::fromJson(config));
}

std::unique_ptr<Scheduler> SchedulerFactory::load(const std::filesystem::path& modelDirOrFile,
                                                  const std::string& overrideName) {
    std::error_code ec;
    const auto file = std::filesystem::is_directory(modelDirOrFile, ec)
                          ? modelDirOrFile / "scheduler" / "scheduler_config.json"
                          : modelDirOrFile;
    return create(JsonConfig::load(file), overrideName);
}

} // namespace i2v
