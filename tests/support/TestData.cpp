#include "support/TestData.h"

#include <cstdlib>
#include <fstream>

namespace i2v::test {

std::filesystem::path dataDir() {
    if (const char* env = std::getenv("I2V_TEST_DATA"); env && *env)
        return env;
    return I2V_TEST_DATA_DIR;
}

std::filesystem::path tinyModelDir() { return dataDir() / "models" / "tiny-a"; }
std::filesystem::path goldenInputImage() { return dataDir() / "golden" / "tiny-a.input.png"; }

const SafetensorsFile& golden() {
    static const SafetensorsFile file(dataDir() / "golden" / "tiny-a.safetensors");
    return file;
}

const nlohmann::json& goldenManifest() {
    static const nlohmann::json manifest = [] {
        std::ifstream in(dataDir() / "golden" / "tiny-a.manifest.json");
        return nlohmann::json::parse(in);
    }();
    return manifest;
}

at::Tensor goldenTensor(const std::string& name) { return golden().tensor(name); }

std::filesystem::path cliPath() { return I2V_CLI_PATH; }

std::filesystem::path studioPath() {
#ifdef I2V_STUDIO_PATH
    return I2V_STUDIO_PATH;
#else
    return {};
#endif
}

void setConfigValue(const std::filesystem::path& config, const std::string& key, const std::string& value) {
    nlohmann::json j = nlohmann::json::parse(std::ifstream(config));
    j[key] = nlohmann::json::parse(value);
    std::ofstream(config) << j.dump();
}

} // namespace i2v::test
