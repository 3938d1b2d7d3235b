// A golden case of the manifests (tests/data/golden/*.manifest.json) as the engine's request: the same
// prompts, sizes, scheduler, generator seed and the global seed that drives diffusers' VAE sample.
#pragma once
#include "pipeline/GenerationRequest.h"

#include <nlohmann/json.hpp>
#include <filesystem>

namespace i2v::test {

GenerationRequest goldenRequest(const nlohmann::json& goldenCase, const std::filesystem::path& inputImage);

} // namespace i2v::test
