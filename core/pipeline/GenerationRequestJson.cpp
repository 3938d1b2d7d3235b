#include "pipeline/GenerationRequestJson.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <limits>

namespace i2v {
namespace {

void read(const nlohmann::json& j, const char* key, std::string& value) {
    if (const auto it = j.find(key); it != j.end() && it->is_string())
        value = it->get<std::string>();
}

void read(const nlohmann::json& j, const char* key, double& value) {
    if (const auto it = j.find(key); it != j.end() && it->is_number())
        value = it->get<double>();
}

// Only integers that fit: a hand-edited or damaged file must not turn into undefined conversions.
void read(const nlohmann::json& j, const char* key, int& value) {
    const auto it = j.find(key);
    if (it == j.end())
        return;
    if (it->is_number_unsigned()) {
        if (const auto v = it->get<uint64_t>(); v <= uint64_t(std::numeric_limits<int>::max()))
            value = int(v);
    } else if (it->is_number_integer()) {
        const auto v = it->get<int64_t>();
        if (v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max())
            value = int(v);
    }
}

// Seeds as decimal strings; a number is accepted too (entries written by hand).
bool readSeed(const nlohmann::json& j, const char* key, uint64_t& seed) {
    const auto it = j.find(key);
    if (it == j.end())
        return false;
    if (it->is_number_unsigned()) {
        seed = it->get<uint64_t>();
        return true;
    }
    if (!it->is_string())
        return false;
    const std::string text = it->get<std::string>();
    uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return false;
    seed = value;
    return true;
}

} // namespace

PreviewMode parsePreviewMode(const std::string& name) {
    if (name == "none")
        return PreviewMode::None;
    if (name == "full")
        return PreviewMode::FullDecode;
    return PreviewMode::LatentProjection;
}

nlohmann::json settingsToJson(const GenerationRequest& r) {
    nlohmann::json j = {
        {"prompt", r.prompt},
        {"negativePrompt", r.negativePrompt},
        {"width", r.width},
        {"height", r.height},
        {"frames", r.numFrames},
        {"steps", r.numInferenceSteps},
        {"guidance", r.guidanceScale},
        {"fps", r.targetFps},
        {"scheduler", r.scheduler},
        {"eta", r.eta},
        {"seed", std::to_string(r.seed)},
        {"decodeChunk", r.decodeChunkSize},
        {"preview", previewModeName(r.preview)},
    };
    if (r.vaeSeed)
        j["vaeSeed"] = std::to_string(*r.vaeSeed);
    if (!r.cropPosition.isCentred())
        j["cropPosition"] = {r.cropPosition.x, r.cropPosition.y};
    return j;
}

void settingsFromJson(const nlohmann::json& j, GenerationRequest& r) {
    if (!j.is_object())
        return;
    read(j, "prompt", r.prompt);
    read(j, "negativePrompt", r.negativePrompt);
    read(j, "width", r.width);
    read(j, "height", r.height);
    read(j, "frames", r.numFrames);
    read(j, "steps", r.numInferenceSteps);
    read(j, "guidance", r.guidanceScale);
    read(j, "fps", r.targetFps);
    read(j, "scheduler", r.scheduler);
    read(j, "eta", r.eta);
    readSeed(j, "seed", r.seed);
    if (uint64_t vae = 0; readSeed(j, "vaeSeed", vae))
        r.vaeSeed = vae;
    read(j, "decodeChunk", r.decodeChunkSize);
    if (const auto it = j.find("preview"); it != j.end() && it->is_string())
        r.preview = parsePreviewMode(it->get<std::string>());
    // A damaged position (not two numbers in [0, 1]) keeps the centre.
    if (const auto it = j.find("cropPosition"); it != j.end() && it->is_array() && it->size() == 2 &&
                                                 (*it)[0].is_number() && (*it)[1].is_number()) {
        const CropPosition position{(*it)[0].get<double>(), (*it)[1].get<double>()};
        if (position.isValid())
            r.cropPosition = position;
    }
}

} // namespace i2v
