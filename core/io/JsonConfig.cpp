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
    // Real configs are a few kilobytes (a scheduler's trained_betas list some hundred): a bound keeps a
    // hostile file from sizing the parse.
    constexpr std::uintmax_t kMaxConfigBytes = 16u << 20;
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxConfigBytes)
        throw ModelError(path.string() + " is " + std::to_string(size >> 20) +
                         " MiB, far larger than any model config (at most 16 MiB): download this file again");
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
