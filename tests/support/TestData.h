// Where the test data lives (tests/data, overridable with $I2V_TEST_DATA) and the diffusers goldens.
#pragma once
#include "io/SafetensorsFile.h"

#include <nlohmann/json.hpp>
#include <filesystem>
#include <string>

namespace i2v::test {

std::filesystem::path dataDir();
std::filesystem::path tinyModelDir();           // tests/data/models/tiny-a (= the demo model)
std::filesystem::path goldenInputImage();       // tests/data/golden/tiny-a.input.png
const SafetensorsFile& golden();                 // tests/data/golden/tiny-a.safetensors, opened once
const nlohmann::json& goldenManifest();          // tests/data/golden/tiny-a.manifest.json
at::Tensor goldenTensor(const std::string& name);  // golden().tensor(name)
std::filesystem::path cliPath();                 // the built `i2v` executable
std::filesystem::path studioPath();              // the built `i2v-studio` (empty in a build without the GUI)

// Sets `key` of the JSON config file `config` to the JSON text `value` (a hostile or broken config).
void setConfigValue(const std::filesystem::path& config, const std::string& key, const std::string& value);

} // namespace i2v::test
