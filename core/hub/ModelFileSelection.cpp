#include "hub/ModelFileSelection.h"

#include "hub/CacheFiles.h"
#include "hub/HubCacheLayout.h"
#include "util/Errors.h"

#include <nlohmann/json.hpp>


namespace i2v::hub {
namespace {

std::string fileName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Weight formats the engine never reads: pickles can run code, the rest are other frameworks'.
bool isForeignWeights(const std::string& name) {
    for (const char* ext : {".bin", ".ckpt", ".pt", ".pth", ".pkl", ".pickle", ".msgpack", ".onnx", ".onnx_data",
                            ".pb", ".h5", ".tflite", ".ot", ".gguf"})
        if (endsWith(name, ext))
            return true;
    return false;
}

// "model.fp16.safetensors", "diffusion_pytorch_model.fp16-00001-of-00002.safetensors" and the shard index
// "diffusion_pytorch_model.safetensors.index.fp16.json" carry the fp16 variant.
bool isFp16VariantName(const std::string& name) {
    return name.find(".fp16.") != std::string::npos || name.find(".fp16-") != std::string::npos;
}

bool isWeightsFile(const std::string& name) {
    return endsWith(name, ".safetensors") || endsWith(name, ".safetensors.index.json") ||
           (name.find(".safetensors.index.") != std::string::npos && endsWith(name, ".json"));
}

} // namespace

const char* variantName(DownloadVariant v) { return v == DownloadVariant::Fp16 ? "fp16" : "fp32"; }

DownloadVariant parseDownloadVariant(const std::string& s) {
    if (s == "fp16")
        return DownloadVariant::Fp16;
    if (s == "fp32")
        return DownloadVariant::Fp32;
    throw InputError("unknown weights variant '" + s + "': use fp16 (half the download) or fp32");
}

uint64_t ModelFileSelection::totalBytes() const {
    uint64_t n = 0;
    for (const RepoFile& f : files)
        n += f.size;
    return n;
}

std::vector<std::string> pipelineComponents(const std::string& modelIndexJson) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(modelIndexJson);
    } catch (const nlohmann::json::exception& e) {
        throw HubError(std::string("the repository's model_index.json is not valid JSON (") + e.what() + ")");
    }
    if (!j.is_object() || !j.contains("_class_name"))
        throw HubError("the repository's model_index.json names no pipeline (_class_name): it is not a diffusers model");
    std::vector<std::string> components;
    for (const auto& [key, value] : j.items()) {
        if (key.empty() || key.front() == '_')
            continue;
        if (value.is_array() && value.size() == 2 && !value[0].is_null() && !value[1].is_null()) {
            if (key.find('/') != std::string::npos || key == "." || key == "..")
                throw HubError("the repository's model_index.json names the component '" + key +
                               "', which is not a folder name");
            components.push_back(key);
        }
    }
    if (components.empty())
        throw HubError("the repository's model_index.json lists no components");
    return components;
}

ModelFileSelection selectPipelineFiles(const std::string& modelIndexJson, const RepoInfo& repo, DownloadVariant variant) {
    const std::vector<std::string> components = pipelineComponents(modelIndexJson);
    ModelFileSelection sel;
    const RepoFile* index = repo.find("model_index.json");
    if (!index)
        throw HubError("the repository has no model_index.json: it is not a diffusers model");
    sel.files.push_back(*index);

    for (const std::string& component : components) {
        const std::string prefix = component + "/";
        std::vector<const RepoFile*> fp16, fp32, others;
        for (const RepoFile& f : repo.files) {
            if (f.path.rfind(prefix, 0) != 0)
                continue;
            const std::string name = fileName(f.path);
            if (isForeignWeights(name))
                continue;
            if (isWeightsFile(name))
                (isFp16VariantName(name) ? fp16 : fp32).push_back(&f);
            else
                others.push_back(&f);
        }
        const bool wantFp16 = variant == DownloadVariant::Fp16;
        const auto& preferred = wantFp16 ? fp16 : fp32;
        const auto& fallback = wantFp16 ? fp32 : fp16;
        const bool hasWeights = !fp16.empty() || !fp32.empty();
        // Components without weights (tokenizer, scheduler, feature_extractor) are only their files.
        const auto& weights = !preferred.empty() ? preferred : fallback;
        if (preferred.empty() && !fallback.empty())
            sel.notes.push_back(component + ": no " + variantName(variant) + " weights in the repository, the " +
                                (wantFp16 ? "fp32" : "fp16") + " file is used");
        // A model component has a config.json (tokenizers, schedulers and feature extractors have their own
        // *_config.json) and cannot work without weights.
        const bool needsWeights = repo.find(prefix + "config.json") != nullptr;
        if (!hasWeights && needsWeights)
            throw HubError("the repository has no .safetensors weights for '" + component +
                           "' (only pickle or other formats, which this app does not load)");
        for (const RepoFile* f : others)
            sel.files.push_back(*f);
        for (const RepoFile* f : weights)
            sel.files.push_back(*f);
    }
    for (const RepoFile& f : sel.files)
        HubCacheLayout::checkRepoPath(f.path);
    return sel;
}

} // namespace i2v::hub
