// A model folder in diffusers' layout (what `save_pretrained` writes and the Hub serves):
// model_index.json plus one sub-folder per component (unet/, vae/, text_encoder/, image_encoder/,
// tokenizer/, feature_extractor/, scheduler/), each with its config and .safetensors weights, fp32 or
// `.fp16` variant. Pickle weights (.bin/.ckpt/.pt) are refused: loading them can run arbitrary code.
#pragma once
#include "io/JsonConfig.h"
#include "io/WeightsVariant.h"

#include <filesystem>
#include <string>
#include <vector>

namespace i2v {

class DiffusersFolder {
public:
    // Reads model_index.json; throws ModelError naming the folder when it is not a diffusers model.
    explicit DiffusersFolder(std::filesystem::path root);

    const std::filesystem::path& root() const { return root_; }
    const JsonConfig& modelIndex() const { return modelIndex_; }
    std::string pipelineClass() const;                  // model_index "_class_name"
    std::vector<std::string> componentNames() const;    // the components model_index.json lists
    std::string componentClass(const std::string& component) const;  // e.g. "I2VGenXLUNet"

    // The component's folder; ModelError when missing ("... download the 'unet' folder again").
    std::filesystem::path componentDir(const std::string& component) const;
    // config.json (or scheduler_config.json / preprocessor_config.json) of a component.
    JsonConfig componentConfig(const std::string& component) const;
    // The .safetensors weights of a component for the wanted variant; ModelError naming what is there
    // instead (missing, or only pickle files).
    std::filesystem::path weightsFile(const std::string& component, WeightsVariant variant = WeightsVariant::Auto) const;

    // A short identity of the model (16 hex digits): FNV-1a over model_index.json, every component's
    // config and every safetensors header (names, shapes, offsets), not the gigabytes of weights.
    // Two folders with the same files give the same value; it goes into exported metadata.
    std::string fingerprint() const;

private:
    std::filesystem::path root_;
    JsonConfig modelIndex_;
};

} // namespace i2v
