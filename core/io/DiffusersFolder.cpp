#include "io/DiffusersFolder.h"

#include "util/Errors.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace i2v {
namespace {

bool isFile(const std::filesystem::path& p) {
    std::error_code ec;  // symlink loops and permission problems count as "not there"
    return std::filesystem::is_regular_file(p, ec);
}

} // namespace

DiffusersFolder::DiffusersFolder(std::filesystem::path root) : root_(std::move(root)) {
    std::error_code ec;
    if (!std::filesystem::is_directory(root_, ec))
        throw ModelError("model folder " + root_.string() + " does not exist or is not a folder" +
                         (ec ? " (" + ec.message() + ")" : std::string()));
    if (!isFile(root_ / "model_index.json"))
        throw ModelError(root_.string() + " has no model_index.json: choose the folder of a diffusers-format "
                         "model (e.g. a download of ali-vilab/i2vgen-xl)");
    modelIndex_ = JsonConfig::load(root_ / "model_index.json");
}

std::string DiffusersFolder::pipelineClass() const { return modelIndex_.get<std::string>("_class_name", ""); }

std::vector<std::string> DiffusersFolder::componentNames() const {
    std::vector<std::string> names;
    for (auto it = modelIndex_.json().begin(); it != modelIndex_.json().end(); ++it)
        if (!it.key().empty() && it.key()[0] != '_' && it.value().is_array())
            names.push_back(it.key());
    return names;
}

std::string DiffusersFolder::componentClass(const std::string& component) const {
    const auto& j = modelIndex_.json();
    if (!j.contains(component) || !j[component].is_array() || j[component].size() != 2 || !j[component][1].is_string())
        throw ModelError(modelIndex_.source() + " does not list the component '" + component +
                         "': this is not an I2VGen-XL model folder");
    return j[component][1].get<std::string>();
}

std::filesystem::path DiffusersFolder::componentDir(const std::string& component) const {
    const auto dir = root_ / component;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw ModelError(dir.string() + " is missing: the model folder is incomplete; download the '" + component +
                         "' folder again");
    return dir;
}

JsonConfig DiffusersFolder::componentConfig(const std::string& component) const {
    const auto dir = componentDir(component);
    // Whatever stands under a config's name is loaded, so that a pipe or device there is named as such
    // rather than reported missing.
    for (const char* name : {"config.json", "scheduler_config.json", "preprocessor_config.json"})
        if (std::error_code ec; std::filesystem::exists(dir / name, ec))
            return JsonConfig::load(dir / name);
    throw ModelError(dir.string() + " has no config.json: download the '" + component + "' folder again");
}

std::filesystem::path DiffusersFolder::weightsFile(const std::string& component, WeightsVariant variant) const {
    const auto dir = componentDir(component);
    std::vector<std::filesystem::path> fp32, fp16;
    for (const char* stem : {"diffusion_pytorch_model", "model"}) {
        fp32.push_back(dir / (std::string(stem) + ".safetensors"));
        fp16.push_back(dir / (std::string(stem) + ".fp16.safetensors"));
    }
    std::vector<std::filesystem::path> order;
    if (variant == WeightsVariant::PreferFp16)
        order.insert(order.end(), fp16.begin(), fp16.end());
    if (variant != WeightsVariant::Fp16)
        order.insert(order.end(), fp32.begin(), fp32.end());
    if (variant == WeightsVariant::Auto || variant == WeightsVariant::Fp16)
        order.insert(order.end(), fp16.begin(), fp16.end());
    for (const auto& p : order)
        if (isFile(p))
            return p;

    for (const char* pickle : {"diffusion_pytorch_model.bin", "pytorch_model.bin", "model.ckpt", "model.pt",
                               "diffusion_pytorch_model.fp16.bin", "pytorch_model.fp16.bin"})
        if (isFile(dir / pickle))
            throw ModelError(dir.string() + " has only " + pickle +
                             ", a pickle file, which I2V Studio refuses to load because opening it can run "
                             "arbitrary code: download the .safetensors weights instead (e.g. the fp16 variant)");
    const char* wanted = variant == WeightsVariant::Fp16   ? ".fp16.safetensors"
                         : variant == WeightsVariant::Fp32 ? "fp32 .safetensors"
                                                           : ".safetensors";
    throw ModelError(dir.string() + " has no " + wanted + " weights file (expected " + order.front().filename().string() +
                     "): download the '" + component + "' weights again");
}

std::string DiffusersFolder::fingerprint() const {
    uint64_t hash = 1469598103934665603ull;
    auto mix = [&](const std::string& bytes) {
        for (unsigned char c : bytes)
            hash = (hash ^ c) * 1099511628211ull;
    };
    auto readPrefix = [](const std::filesystem::path& p, size_t limit) {
        std::ifstream in(p, std::ios::binary);
        std::string data(limit, '\0');
        in.read(data.data(), static_cast<std::streamsize>(limit));
        data.resize(static_cast<size_t>(in.gcount()));
        return data;
    };
    mix(modelIndex_.json().dump());
    for (const auto& component : componentNames()) {
        mix(component);
        std::error_code ec;
        const auto dir = root_ / component;
        if (!std::filesystem::is_directory(dir, ec))
            continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
            if (entry.is_regular_file(ec))
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            const std::string name = f.filename().string();
            mix(name);
            if (f.extension() == ".json")
                mix(readPrefix(f, 1 << 20));
            else if (f.extension() == ".safetensors") {
                const std::string head = readPrefix(f, 8);
                uint64_t len = 0;
                for (int i = 7; i >= 0 && head.size() == 8; --i)
                    len = (len << 8) | static_cast<unsigned char>(head[i]);
                mix(readPrefix(f, 8 + std::min<uint64_t>(len, 100u << 20)));
                mix(std::to_string(std::filesystem::file_size(f, ec)));
            }
        }
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

} // namespace i2v
