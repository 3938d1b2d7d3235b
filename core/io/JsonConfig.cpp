#include "io/JsonConfig.h"

#include "io/ModelFile.h"
#include "util/Errors.h"

namespace i2v {

JsonConfig JsonConfig::load(const std::filesystem::path& path) {
    const std::string text =
        readModelFile(path, kMaxConfigFileBytes, "the model folder is incomplete or damaged; download this file again");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw ModelError(path.string() + " is not valid JSON (" + e.what() + "): download this file again");
    }
    if (!json.is_object())
        throw ModelError(path.string() + " is not a JSON object: download this file again");
    return JsonConfig(std::move(json), path.string());
}

void JsonConfig::fail(const std::string& key, const std::string& problem) const {
    throw ModelError(source_ + ": '" + key + "' " + problem +
                     ". The config does not fit this model: download it again or fix the value");
}

} // namespace i2v
