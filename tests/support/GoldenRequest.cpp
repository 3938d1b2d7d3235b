#include "support/GoldenRequest.h"

#include "image/ImageLoader.h"
#include "io/JsonConfig.h"
#include "schedulers/SchedulerFactory.h"

namespace i2v::test {

GenerationRequest goldenRequest(const nlohmann::json& c, const std::filesystem::path& inputImage) {
    const auto& call = c["call"];
    GenerationRequest r;
    r.image = loadImage(inputImage);
    r.prompt = call["prompt"].get<std::string>();
    r.negativePrompt = call["negative_prompt"].is_null() ? "" : call["negative_prompt"].get<std::string>();
    r.width = call["width"].get<int>();
    r.height = call["height"].get<int>();
    r.numFrames = call["num_frames"].get<int>();
    r.numInferenceSteps = call["num_inference_steps"].get<int>();
    r.guidanceScale = call["guidance_scale"].get<double>();
    r.targetFps = call["target_fps"].get<int>();
    r.eta = call.value("eta", 0.0);
    r.seed = c["generator_seed"].get<uint64_t>();
    r.vaeSeed = c["global_seed"].get<uint64_t>();
    r.scheduler = SchedulerFactory::nameForDiffusersClass(c["scheduler"].get<std::string>(),
                                                          JsonConfig(c["scheduler_config"], "manifest"));
    return r;
}

} // namespace i2v::test
