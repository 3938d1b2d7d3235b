// A GenerationRequest's settings (everything but the picture) as JSON: how the desktop app's job history
// and its last-used settings store a job, so that a setting added to the request is stored by adding it
// here once. Keys are camelCase; the seeds are strings (JSON numbers hold 53 bits exactly, seeds 64).
#pragma once
#include "pipeline/GenerationRequest.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace i2v {

nlohmann::json settingsToJson(const GenerationRequest& request);
// Missing or mistyped keys keep `into`'s values (a default request: diffusers' defaults); the picture is
// left as it is. Never throws on content: validate() judges the values.
void settingsFromJson(const nlohmann::json& json, GenerationRequest& into);

// "none", "latent", "full"; unknown names give LatentProjection.
PreviewMode parsePreviewMode(const std::string& name);

} // namespace i2v
