// Small file probes the hub code needs in several places: a size that may be missing, the first line of a
// ref file, a name's suffix. Never throw: the cache is shared and any file may vanish under us.
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace i2v::hub {

inline uint64_t fileSizeOr0(const std::filesystem::path& p) {
    std::error_code ec;
    const auto s = std::filesystem::file_size(p, ec);
    return ec ? 0 : s;
}

// The first line without trailing whitespace (huggingface_hub writes refs without a newline, others may not).
inline std::string readFirstLine(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::string s;
    if (in)
        std::getline(in, s);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
        s.pop_back();
    return s;
}

inline bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace i2v::hub
