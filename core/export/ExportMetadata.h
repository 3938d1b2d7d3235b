// The generation parameters embedded in every exported file (prompt, negative prompt, seed, vae seed,
// scheduler, steps, guidance, fps conditioning, size, model name and hash, app version, ...).
// An ordered JSON object so the engine decides the keys and their order; stored as one compact JSON
// text (container `comment`, PNG iTXt, GIF comment) plus a readable summary where the format has a
// natural place for it (`description`, `title`).
#pragma once
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <utility>

namespace i2v {

class ExportMetadata {
public:
    ExportMetadata() : json_(nlohmann::ordered_json::object()) {}
    ExportMetadata(std::initializer_list<std::pair<std::string, std::string>> entries);
    // Throws InputError if `object` is not a JSON object.
    explicit ExportMetadata(nlohmann::ordered_json object);

    // Adds or replaces a value; a replaced key keeps its position.
    void set(const std::string& key, nlohmann::ordered_json value);
    bool empty() const { return json_.empty(); }
    bool contains(const std::string& key) const { return json_.contains(key); }
    // The value as display text ("" when absent): strings as is, other JSON values dumped.
    std::string text(const std::string& key) const;
    const nlohmann::ordered_json& json() const { return json_; }

    // One line. UTF-8 kept as is, or with asciiOnly every non-ASCII character as a \uXXXX escape
    // (same JSON value; for PNG tEXt chunks, which are Latin-1).
    std::string toJsonText(bool asciiOnly = false) const;
    // "key: value" lines in order, what a person reads in a file's description.
    std::string summary() const;
    // Parses toJsonText(); throws InputError when `text` is not a JSON object.
    static ExportMetadata fromJsonText(const std::string& text);

    bool operator==(const ExportMetadata& o) const { return json_ == o.json_; }

private:
    nlohmann::ordered_json json_;
};

} // namespace i2v
