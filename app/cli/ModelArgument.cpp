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
    // Neither is complete: say what is wrong with one that is there, else where both were looked for.
    const std::filesystem::path own = appModels / hub::kAppModelFolderName;
    const std::string get = "get it with `i2v download` (about 5 GB), or name a diffusers folder with --model";
    if (const auto partial = hub::findCachedModel(hub::RepoId::parse(hub::kDefaultModelRepo), cache); partial)
        throw ModelError("no --model given, and " + std::string(hub::kDefaultModelRepo) +
                         " is only partly in the model cache (" + partial->problems.front() +
                         "): finish the download with `i2v download`, or name a diffusers folder with --model");
    if (const auto incomplete = hub::inspectModelFolder(own, hub::ModelSource::AppFolder); incomplete)
        throw ModelError("no --model given, and " + own.string() + " is incomplete (" + incomplete->problems.front() +
                         "): " + get);
    throw ModelError("no --model given and no I2VGen-XL installed (neither " + own.string() + " nor " +
                     hub::kDefaultModelRepo + " in the model cache " + cache.string() + "): " + get);
}

} // namespace i2v::cli
