// libFuzzer target: the config/JSON layer. The input is parsed as a component config (JsonConfig::load)
// and handed to every config reader: CLIP text/vision, AutoencoderKL and each scheduler class, whose
// timesteps are then set for a few step counts. Only i2v::Error may come out.
#include "FuzzFile.h"

#include "io/JsonConfig.h"
#include "models/autoencoders/AutoencoderKLConfig.h"
#include "models/clip/ClipConfig.h"
#include "schedulers/SchedulerFactory.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const i2v::fuzz::MemoryFile file(data, size);
    i2v::JsonConfig config;
    try {
        config = i2v::JsonConfig::load(file.path());
    } catch (const i2v::Error&) {
        return 0;
    }
    try {
        (void)i2v::ClipConfig::fromJson(config);
    } catch (const i2v::Error&) {
    }
    try {
        (void)i2v::AutoencoderKLConfig::fromJson(config);
    } catch (const i2v::Error&) {
    }
    std::vector<std::string> schedulers{""};  // "": the class the config names
    for (const auto& name : i2v::SchedulerFactory::names())
        schedulers.push_back(name);
    for (const std::string& name : schedulers) {
        try {
            auto scheduler = i2v::SchedulerFactory::create(config, name);
            for (int64_t steps : {1, 3, 50}) {
                scheduler->setTimesteps(steps);
                (void)scheduler->timesteps().numel();
                (void)scheduler->initNoiseSigma();
            }
        } catch (const i2v::Error&) {
        }
    }
    return 0;
}
