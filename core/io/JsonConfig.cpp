#include "io/JsonConfig.h"

#include "util/Errors.h"

#include <fstream>
#include <sstream>

namespace i2v {

JsonConfig JsonConfig::load(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw ModelError(path.string() + " is missing" + (ec ? " (" + ec.message() + ")" : std::string()) +
                         ": the model folder is incomplete; download this file again");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelError("cannot read " + path.string());
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text.str());
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
