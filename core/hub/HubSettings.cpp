#include "hub/HubSettings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace i2v::hub {
namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string trimmed(std::string s) {
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

std::filesystem::path homeDir() {
    const std::string home = env("HOME");
    return home.empty() ? std::filesystem::path("/tmp") : std::filesystem::path(home);
}

} // namespace

bool envFlag(const char* name) {
    std::string v = env(name);
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::toupper(c); });
    return v == "1" || v == "ON" || v == "YES" || v == "TRUE";
}

std::filesystem::path HubSettings::hfHome() {
    if (const std::string h = env("HF_HOME"); !h.empty())
        return h;
    if (const std::string x = env("XDG_CACHE_HOME"); !x.empty())
        return std::filesystem::path(x) / "huggingface";
    return homeDir() / ".cache" / "huggingface";
}

std::filesystem::path HubSettings::defaultCacheDir() {
    if (const std::string c = env("HF_HUB_CACHE"); !c.empty())
        return c;
    if (const std::string c = env("HUGGINGFACE_HUB_CACHE"); !c.empty())
        return c;
    return hfHome() / "hub";
}

HubSettings HubSettings::fromEnvironment() {
    HubSettings s;
    if (std::string ep = env("HF_ENDPOINT"); !ep.empty()) {
        while (!ep.empty() && ep.back() == '/')
            ep.pop_back();
        s.endpoint = ep;
    }
    s.token = trimmed(env("HF_TOKEN"));
    if (s.token.empty())
        s.token = trimmed(env("HUGGING_FACE_HUB_TOKEN"));
    if (s.token.empty()) {
        std::ifstream in(hfHome() / "token");
        std::string line;
        if (in && std::getline(in, line))
            s.token = trimmed(line);
    }
    s.offline = envFlag("HF_HUB_OFFLINE");
    s.cacheDir = defaultCacheDir();
    return s;
}

} // namespace i2v::hub
