#include "ModelArgument.h"

#include "hub/HubSettings.h"
#include "hub/ModelCatalog.h"
#include "util/Errors.h"

#include <filesystem>

namespace i2v::cli {

std::string modelArgumentOrInstalled(const std::string& given) {
    if (!given.empty())
        return given;
    const std::filesystem::path appModels = hub::defaultAppModelsDir(), cache = hub::HubSettings::defaultCacheDir();
    if (const auto m = hub::installedModel(appModels, cache))
        return m->repo ? m->repo->id() : m->path.string();
    throw ModelError("no --model given and no I2VGen-XL installed (neither " +
                     (appModels / hub::kAppModelFolderName).string() + " nor " + hub::kDefaultModelRepo +
                     " in the model cache " + cache.string() +
                     "): get it with `i2v download` (about 5 GB), or name a diffusers folder with --model");
}

} // namespace i2v::cli
