// Where the Hub is and who we are to it, as huggingface_hub reads it from the environment: HF_ENDPOINT (a
// mirror), HF_TOKEN / HUGGING_FACE_HUB_TOKEN / $HF_HOME/token, HF_HUB_OFFLINE, and the cache root
// (HF_HUB_CACHE, HUGGINGFACE_HUB_CACHE, $HF_HOME/hub, $XDG_CACHE_HOME/huggingface/hub, ~/.cache/huggingface/hub).
// A value object: read once at the boundary (CLI, app), then passed in; explicit settings override the environment.
#pragma once
#include <filesystem>
#include <string>

namespace i2v::hub {

struct HubSettings {
    std::string endpoint = "https://huggingface.co";   // no trailing slash
    std::string token;                                  // empty = anonymous; never printed or logged
    bool offline = false;
    std::filesystem::path cacheDir;                     // the hub cache root (holds models--ORG--NAME/)

    // The settings huggingface_hub would use in this environment.
    static HubSettings fromEnvironment();
    // huggingface_hub's HF_HOME ($HF_HOME, else $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface).
    static std::filesystem::path hfHome();
    static std::filesystem::path defaultCacheDir();

    // "https://huggingface.co/ali-vilab/i2vgen-xl": where a user requests access to a gated model.
    std::string repoPageUrl(const std::string& repoId) const { return endpoint + "/" + repoId; }
};

// An environment variable is "true" as huggingface_hub reads it ("1", "ON", "YES", "TRUE", any case).
bool envFlag(const char* name);

} // namespace i2v::hub
