// A component's JSON config (config.json, scheduler_config.json, ...) with typed access: every wrong
// type or missing key becomes a ModelError naming the file and the key.
#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace i2v {

class JsonConfig {
public:
    JsonConfig() = default;
    JsonConfig(nlohmann::json json, std::string source) : json_(std::move(json)), source_(std::move(source)) {}
    // Reads and parses `path`; throws ModelError naming it when missing or not a JSON object.
    static JsonConfig load(const std::filesystem::path& path);

    const nlohmann::json& json() const { return json_; }
    const std::string& source() const { return source_; }
    bool has(const std::string& key) const { return json_.contains(key) && !json_.at(key).is_null(); }

    // The value of `key` converted to T; `fallback` when absent or null; ModelError when of the wrong type.
    template <typename T>
    T get(const std::string& key, const T& fallback) const {
        if (!has(key))
            return fallback;
        return convert<T>(key);
    }
    // The value of `key`; ModelError when absent.
    template <typename T>
    T require(const std::string& key) const {
        if (!has(key))
            fail(key, "is missing");
        return convert<T>(key);
    }
    // Raises ModelError "<source>: '<key>' <problem>. ..." (for range checks done by callers).
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

private:
    template <typename T>
    T convert(const std::string& key) const {
        try {
            const auto& v = json_.at(key);
            if constexpr (std::is_same_v<T, bool>) {
                if (!v.is_boolean())
                    fail(key, "should be true or false");
            } else if constexpr (std::is_integral_v<T>) {
                if (!v.is_number_integer())
                    fail(key, "should be an integer");
            } else if constexpr (std::is_floating_point_v<T>) {
                if (!v.is_number())
                    fail(key, "should be a number");
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (!v.is_string())
                    fail(key, "should be a string");
            }
            return v.get<T>();
        } catch (const nlohmann::json::exception& e) {
            fail(key, std::string("has the wrong type (") + e.what() + ")");
        }
    }

    nlohmann::json json_ = nlohmann::json::object();
    std::string source_;
};

} // namespace i2v
