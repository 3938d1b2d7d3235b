// Every usable I2VGen-XL model on this machine: folders in the app's models folder, snapshots in the shared
// Hugging Face cache (what huggingface_hub, diffusers or `i2v download` fetched), and folders the user added;
// each with its weight variants, size on disk and whether it is complete. Also turns what a user passes as
// --model (a folder, or a repo id such as ali-vilab/i2vgen-xl[@revision]) into the folder to load, offline.
#pragma once
#include "hub/RepoId.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace i2v::hub {

enum class ModelSource { AppFolder, HubCache, UserFolder };
const char* modelSourceName(ModelSource s);   // "app", "hub-cache", "user"

struct ModelEntry {
    std::string name;                    // repo id (hub cache) or folder name
    std::filesystem::path path;          // the diffusers folder to load
    ModelSource source = ModelSource::UserFolder;
    std::optional<RepoId> repo;          // hub cache only
    std::string commit;                  // hub cache only
    std::vector<std::string> revisions;  // refs pointing at this snapshot ("main")
    std::vector<std::string> variants;   // weight variants every model component has: "fp16", "fp32"
    uint64_t sizeOnDisk = 0;             // bytes of the files (blobs counted once)
    bool complete = false;
    bool partialDownload = false;        // an interrupted download left .incomplete files
    std::vector<std::string> problems;   // why it is not complete, one line each
};

struct CatalogSources {
    std::filesystem::path appModelsDir;               // each sub-folder may be a model
    std::filesystem::path hubCacheDir;                // models--ORG--NAME/snapshots/<commit>/
    std::vector<std::filesystem::path> userFolders;   // each a model folder
};

// The app's own models folder, as the desktop app's QStandardPaths::AppDataLocation names it:
// $XDG_DATA_HOME/I2V Studio/models, else ~/.local/share/I2V Studio/models.
std::filesystem::path defaultAppModelsDir();

// Only I2VGen-XL pipelines are listed (the cache may hold other models). Never throws for a broken
// model: it is listed with its problems.
std::vector<ModelEntry> listModels(const CatalogSources& sources);

// A quick check of one folder: model_index.json, each component's config and .safetensors weights (headers
// read and sizes compared, no hashing). nullopt when the folder is no I2VGen-XL pipeline at all.
std::optional<ModelEntry> inspectModelFolder(const std::filesystem::path& dir, ModelSource source);

// A folder as is; else a repo id resolved in the cache (refs/<revision> -> snapshots/<commit>). Throws
// ModelError saying how to get a model that is not there or only partly downloaded.
std::filesystem::path resolveModelArgument(const std::string& arg, const std::filesystem::path& hubCacheDir);

// The model in the cache's snapshot of `repo` (its revision resolved offline), or nullopt.
std::optional<ModelEntry> findCachedModel(const RepoId& repo, const std::filesystem::path& hubCacheDir);

// The folder of the app's models folder where the README tells people to put the real weights by hand.
inline constexpr char kAppModelFolderName[] = "i2vgen-xl";

// The real model used when none is named (the desktop app with no folder chosen, `i2v generate` without
// --model): <appModelsDir>/i2vgen-xl when complete, else the cache's ali-vilab/i2vgen-xl when complete.
std::optional<ModelEntry> installedModel(const std::filesystem::path& appModelsDir,
                                         const std::filesystem::path& hubCacheDir);

} // namespace i2v::hub
