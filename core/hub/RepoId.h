// A Hugging Face Hub model repository named as users type it: "ORG/NAME", optionally "ORG/NAME@REVISION"
// (a branch, tag or 40-hex commit). huggingface_hub's validation rules: letters, digits, '-', '_', '.'; no
// "--" or ".." (they would collide with the cache folder names `models--ORG--NAME`); at most 96 characters.
#pragma once
#include <optional>
#include <string>

namespace i2v::hub {

struct RepoId {
    std::string org;
    std::string name;
    std::string revision = "main";

    std::string id() const { return org + "/" + name; }             // "ali-vilab/i2vgen-xl"
    std::string cacheFolderName() const { return "models--" + org + "--" + name; }
    bool revisionIsCommit() const;                                  // 40 lowercase hex digits

    // Throws InputError saying which rule a malformed id breaks.
    static RepoId parse(const std::string& text);
    // nullopt where `text` is not shaped like a repo id (so that a caller may treat it as a path).
    static std::optional<RepoId> tryParse(const std::string& text);
    // The id of a cache folder name "models--ORG--NAME" (nullopt for anything else).
    static std::optional<RepoId> fromCacheFolderName(const std::string& folder);
};

// The model the app offers to download: the I2VGen-XL weights diffusers' pipeline card names.
inline constexpr const char* kDefaultModelRepo = "ali-vilab/i2vgen-xl";

bool isHexDigest(const std::string& s, size_t length);   // e.g. 64 for SHA-256, 40 for SHA-1

} // namespace i2v::hub
