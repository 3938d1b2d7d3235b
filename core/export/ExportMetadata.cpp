// ExportMetadata: ordered parameters <-> one JSON text and a readable summary.
#include "export/ExportMetadata.h"

#include "util/Errors.h"

namespace i2v {

ExportMetadata::ExportMetadata(std::initializer_list<std::pair<std::string, std::string>> entries)
    : ExportMetadata() {
    for (const auto& [k, v] : entries)
        set(k, v);
}

ExportMetadata::ExportMetadata(nlohmann::ordered_json object) : json_(std::move(object)) {
    if (!json_.is_object())
        throw InputError("generation parameters must be a JSON object, got: " + json_.dump().substr(0, 80));
}

void ExportMetadata::set(const std::string& key, nlohmann::ordered_json value) { json_[key] = std::move(value); }

std::string ExportMetadata::text(const std::string& key) const {
    auto it = json_.find(key);
    if (it == json_.end())
        return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string ExportMetadata::toJsonText(bool asciiOnly) const {
    // `replace` keeps a broken UTF-8 byte in a prompt from making the whole export throw.
    return json_.dump(-1, ' ', asciiOnly, nlohmann::ordered_json::error_handler_t::replace);
}

std::string ExportMetadata::summary() const {
    std::string out;
    for (auto it = json_.begin(); it != json_.end(); ++it) {
        out += it.key() + ": " +
               (it->is_string() ? it->get<std::string>()
                                : it->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
        out += "\n";
    }
    if (!out.empty())
        out.pop_back();
    return out;
}

ExportMetadata ExportMetadata::fromJsonText(const std::string& text) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw InputError("embedded parameters are not a JSON object: " + text.substr(0, 80));
    return ExportMetadata(std::move(j));
}

} // namespace i2v
