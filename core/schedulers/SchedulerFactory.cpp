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

// The one registry: short name (CLI, app, metadata), diffusers' class name (scheduler_config.json) and how
// to build it from that config. A new scheduler is one row here.
struct Entry {
    std::string name;
    std::string diffusersClass;
    std::unique_ptr<Scheduler> (*make)(const JsonConfig& config);
};

template <class S> std::unique_ptr<Scheduler> make(const JsonConfig& config) {
    return std::make_unique<S>(S::Config::fromJson(config));
}

const std::vector<Entry>& table() {
    static const std::vector<Entry> t = {
        {"ddim", "DDIMScheduler", &make<DdimScheduler>},
        {"dpmpp-2m", "DPMSolverMultistepScheduler", &make<DpmSolverMultistepScheduler>},
        {"euler", "EulerDiscreteScheduler", &make<EulerDiscreteScheduler>},
        {"euler-a", "EulerAncestralDiscreteScheduler", &make<EulerAncestralDiscreteScheduler>},
        {"unipc", "UniPCMultistepScheduler", &make<UniPcMultistepScheduler>},
        {"ddpm", "DDPMScheduler", &make<DdpmScheduler>},
    };
    return t;
}

std::string joinedNames() {
    std::string s;
    for (const Entry& e : table())
        s += (s.empty() ? "" : ", ") + e.name;
    return s;
}

const Entry& entryFor(const std::string& name) {
    for (const Entry& e : table())
        if (e.name == name)
            return e;
    throw InputError("unknown scheduler '" + name + "': choose one of " + joinedNames());
}

} // namespace

std::vector<std::string> SchedulerFactory::names() {
    std::vector<std::string> out;
    for (const Entry& e : table())
        out.push_back(e.name);
    return out;
}

std::string SchedulerFactory::diffusersClassFor(const std::string& name) { return entryFor(name).diffusersClass; }

std::string SchedulerFactory::nameForDiffusersClass(const std::string& className, const JsonConfig& config) {
    for (const Entry& e : table())
        if (e.diffusersClass == className)
            return e.name;
    config.fail("_class_name", "is '" + className + "', a scheduler this engine does not implement (it has " +
                                   joinedNames() + "); pick one of those as an override");
}

std::unique_ptr<Scheduler> SchedulerFactory::create(const JsonConfig& config, const std::string& overrideName) {
    const std::string name = overrideName.empty()
                                 ? nameForDiffusersClass(config.get<std::string>("_class_name", "DDIMScheduler"), config)
                                 : (diffusersClassFor(overrideName), overrideName);
    return entryFor(name).make(config);
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
