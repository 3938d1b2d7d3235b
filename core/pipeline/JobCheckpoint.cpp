#include "pipeline/JobCheckpoint.h"

#include "io/SafetensorsFile.h"
#include "pipeline/GenerationRequestJson.h"
#include "util/Errors.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <map>
#include <set>
#include <sstream>

namespace i2v {
namespace {

constexpr const char* kFormat = "i2v-job-checkpoint";
constexpr const char* kVersion = "1";
constexpr const char* kSchedulerPrefix = "scheduler/";

// FNV-1a over 8-byte words: tells one picture from another (it is not a defence against a forged file, which
// could only make a job continue from wrong latents, as editing the file could anyway).
std::string pixelHash(const RgbImage& image) {
    uint64_t hash = 1469598103934665603ull;
    const uint8_t* p = image.pixels.data();
    const size_t n = image.pixels.size();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        hash = (hash ^ word) * 1099511628211ull;
    }
    for (; i < n; ++i)
        hash = (hash ^ p[i]) * 1099511628211ull;
    std::ostringstream s;
    s << std::hex << hash;
    return s.str();
}

nlohmann::json parseIdentity(const std::string& text) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    return j.is_object() ? j : nlohmann::json::object();
}

// A setting as the user knows it: its name in words, and its value (prompts quoted and shortened).
std::string settingName(const std::string& key) {
    static const std::map<std::string, std::string> names{
        {"negativePrompt", "negative prompt"}, {"frames", "frame count"}, {"steps", "step count"},
        {"guidance", "guidance scale"},         {"fps", "fps conditioning"}, {"vaeSeed", "VAE seed"},
        {"cropPosition", "crop position"}};
    const auto it = names.find(key);
    return it == names.end() ? key : it->second;
}

std::string shown(const std::string& key, const nlohmann::json* value) {
    if (!value)
        return key == "cropPosition" ? "the centre" : "not set";
    if (key == "cropPosition" && value->is_array() && value->size() == 2)
        return (*value)[0].dump() + ", " + (*value)[1].dump();
    if (!value->is_string())
        return value->dump();
    std::string text = value->get<std::string>();
    if (key == "seed" || key == "vaeSeed" || key == "scheduler")
        return text.empty() ? "the model's own" : text;
    if (text.size() > 60)
        text = text.substr(0, 57) + "...";
    return "\"" + text + "\"";
}

[[noreturn]] void damaged(const std::filesystem::path& file, const std::string& why) {
    throw InputError("the saved progress " + file.string() + " cannot be used (" + why +
                     "); delete it to start the job from its first step");
}

} // namespace

std::string jobIdentity(const GenerationRequest& request, const std::string& modelFingerprint) {
    nlohmann::json settings = settingsToJson(request);
    settings.erase("preview");      // what is shown while it runs
    settings.erase("decodeChunk");  // frames per decoder call: the same frames
    settings["vaeSeed"] = std::to_string(request.effectiveVaeSeed());
    const nlohmann::json identity = {
        {"settings", settings},
        {"picture", {{"width", request.image.width}, {"height", request.image.height}, {"pixels", pixelHash(request.image)}}},
        {"model", modelFingerprint},
    };
    return identity.dump();  // keys sorted: the same job gives the same text
}

std::string jobDifference(const std::string& saved, const std::string& current) {
    if (saved == current)
        return {};
    const nlohmann::json a = parseIdentity(saved), b = parseIdentity(current);
    if (a.value("model", nlohmann::json()) != b.value("model", nlohmann::json()))
        return "the saved progress was made with another model";
    const nlohmann::json sa = a.value("settings", nlohmann::json::object());
    const nlohmann::json sb = b.value("settings", nlohmann::json::object());
    auto find = [](const nlohmann::json& settings, const std::string& key) {
        const auto it = settings.find(key);
        return it == settings.end() ? nullptr : &*it;
    };
    std::set<std::string> keys;
    for (const auto& [key, value] : sa.items())
        keys.insert(key);
    for (const auto& [key, value] : sb.items())
        keys.insert(key);
    for (const std::string& key : keys) {
        const nlohmann::json *was = find(sa, key), *is = find(sb, key);
        if (!was || !is || *was != *is)
            return "the " + settingName(key) + " is " + shown(key, was) + " in the saved progress and " +
                   shown(key, is) + " in this job";
    }
    if (a.value("picture", nlohmann::json()) != b.value("picture", nlohmann::json()))
        return "the saved progress was made from another picture";
    return "the saved progress belongs to another job";
}

GenerationRequest savedSettings(const JobCheckpoint& checkpoint) {
    GenerationRequest request;
    settingsFromJson(parseIdentity(checkpoint.job).value("settings", nlohmann::json::object()), request);
    return request;
}

void writeJobCheckpoint(const std::filesystem::path& file, const JobCheckpoint& c) {
    std::vector<std::pair<std::string, at::Tensor>> tensors{{"latents", c.latents}, {"generator_state", c.generatorState}};
    for (const auto& [name, tensor] : c.scheduler)
        tensors.emplace_back(kSchedulerPrefix + name, tensor);
    SafetensorsFile::write(file, tensors,
                           {{"format", kFormat},
                            {"version", kVersion},
                            {"job", c.job},
                            {"steps_done", std::to_string(c.stepsDone)},
                            {"total_steps", std::to_string(c.totalSteps)},
                            {"written_by", "I2V Studio " I2V_VERSION}});
}

JobCheckpoint readJobCheckpoint(const std::filesystem::path& file) {
    std::unique_ptr<SafetensorsFile> st;
    try {
        st = std::make_unique<SafetensorsFile>(file);
    } catch (const Error& e) {
        damaged(file, e.what());
    }
    const auto& meta = st->metadata();
    auto field = [&](const char* key) {
        const auto it = meta.find(key);
        if (it == meta.end())
            damaged(file, std::string("no \"") + key + "\" in its header: not a saved job of this app");
        return it->second;
    };
    if (field("format") != kFormat)
        damaged(file, "not a saved job of this app");
    if (field("version") != kVersion)
        damaged(file, "written by another version of the app (format " + field("version") + ")");
    JobCheckpoint c;
    c.job = field("job");
    auto count = [&](const char* key) {
        const std::string text = field(key);
        try {
            size_t used = 0;
            const int value = std::stoi(text, &used);
            if (used == text.size() && value >= 0)
                return value;
        } catch (const std::exception&) {
        }
        damaged(file, std::string("its ") + key + " is \"" + text + "\"");
    };
    c.stepsDone = count("steps_done");
    c.totalSteps = count("total_steps");
    if (c.stepsDone < 1 || c.stepsDone > c.totalSteps)
        damaged(file, std::to_string(c.stepsDone) + " of " + std::to_string(c.totalSteps) + " steps done");
    for (const char* name : {"latents", "generator_state"})
        if (!st->contains(name))
            damaged(file, std::string("no ") + name);
    // Copies: the mapping must not outlive the file, which the job's next write replaces.
    c.latents = st->tensor("latents").clone();
    c.generatorState = st->tensor("generator_state").clone();
    for (const std::string& key : st->keys())
        if (key.rfind(kSchedulerPrefix, 0) == 0)
            c.scheduler[key.substr(std::strlen(kSchedulerPrefix))] = st->tensor(key).clone();
    return c;
}

} // namespace i2v
