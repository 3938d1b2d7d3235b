// `i2v models list [--json]`, `i2v models verify [REPO|DIR] [--deep]`, `i2v models remove REPO[@REV]`: the
// I2VGen-XL models on this machine (the app's models folder, the shared Hugging Face cache, folders named with
// --folder), checked quickly or by hash, and removed from the cache without touching what other models share.
#include "Commands.h"

#include "hub/CachedModelRemoval.h"
#include "hub/DownloadProgress.h"
#include "hub/HubCacheLayout.h"
#include "hub/HubSettings.h"
#include "hub/ModelCatalog.h"
#include "util/Errors.h"
#ifdef I2V_HAVE_HUB_CLIENT
#include "hub/ModelVerifier.h"
#endif

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace i2v::cli {
namespace fs = std::filesystem;
namespace {

struct ModelsArgs {
    std::string cacheDir;
    std::vector<std::string> folders;
    bool json = false;
    std::string target = hub::kDefaultModelRepo;
    bool deep = false;
};

fs::path cacheDirOf(const ModelsArgs& a) {
    return a.cacheDir.empty() ? hub::HubSettings::defaultCacheDir() : fs::path(a.cacheDir);
}

nlohmann::json toJson(const hub::ModelEntry& m) {
    nlohmann::json j = {{"name", m.name},
                        {"path", m.path.string()},
                        {"source", hub::modelSourceName(m.source)},
                        {"variants", m.variants},
                        {"size_bytes", m.sizeOnDisk},
                        {"complete", m.complete},
                        {"partial_download", m.partialDownload},
                        {"problems", m.problems}};
    if (m.repo) {
        j["repo"] = m.repo->id();
        j["commit"] = m.commit;
        j["revisions"] = m.revisions;
    }
    return j;
}

int runList(const ModelsArgs& a) {
    hub::CatalogSources sources;
    sources.appModelsDir = hub::defaultAppModelsDir();
    sources.hubCacheDir = cacheDirOf(a);
    for (const std::string& f : a.folders)
        sources.userFolders.emplace_back(f);
    const std::vector<hub::ModelEntry> models = hub::listModels(sources);
    if (a.json) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& m : models)
            j.push_back(toJson(m));
        std::cout << j.dump() << "\n";
        return 0;
    }
    if (models.empty()) {
        std::cout << "no I2VGen-XL model found in " << sources.appModelsDir.string() << " or "
                  << sources.hubCacheDir.string() << "; get one with `i2v download`\n";
        return 0;
    }
    for (const auto& m : models) {
        std::string variants;
        for (const auto& v : m.variants)
            variants += (variants.empty() ? "" : "+") + v;
        std::cout << m.name << "  " << (m.complete ? "complete" : "INCOMPLETE") << "  "
                  << (variants.empty() ? "-" : variants) << "  " << hub::formatBytes(m.sizeOnDisk) << "  "
                  << hub::modelSourceName(m.source) << "  " << m.path.string() << "\n";
        for (const auto& p : m.problems)
            std::cout << "    " << p << "\n";
        if (m.partialDownload && m.repo)
            std::cout << "    an interrupted download can be resumed: i2v download " << m.repo->id() << "\n";
    }
    return 0;
}

// A folder as is; a repo id as its snapshot in the cache (complete or not: verify says what is wrong).
fs::path folderToCheck(const ModelsArgs& a) {
    std::error_code ec;
    if (fs::exists(a.target, ec))
        return a.target;
    const hub::RepoId repo = hub::RepoId::parse(a.target);
    const hub::HubCacheLayout cache(cacheDirOf(a));
    const auto commit = cache.resolveRevision(repo);
    if (!commit)
        throw ModelError(a.target + " is not in the model cache " + cacheDirOf(a).string() +
                         ": download it with `i2v download " + a.target + "`");
    return cache.snapshotDir(repo, *commit);
}

int runVerify(const ModelsArgs& a) {
    const fs::path dir = folderToCheck(a);
#ifdef I2V_HAVE_HUB_CLIENT
    const hub::VerifyReport report = hub::verifyModelFolder(dir, a.deep, nullptr, [](const std::string& f, int i, int n) {
        std::cerr << "hashing [" << i + 1 << "/" << n << "] " << f << "\n";
    });
    for (const auto& p : report.problems)
        std::cout << "problem: " << p << "\n";
    std::cout << dir.string() << ": " << (report.ok() ? "OK" : "FAILED") << " (" << report.filesChecked << " files";
    if (a.deep)
        std::cout << ", " << report.filesHashed << " hashed, " << hub::formatBytes(report.bytesHashed);
    std::cout << ")\n";
    return report.ok() ? 0 : 1;
#else
    if (a.deep)
        throw Error("this build of i2v has no SHA-256 (built without OpenSSL): only the quick check is available");
    const auto entry = hub::inspectModelFolder(dir, hub::ModelSource::UserFolder);
    if (!entry)
        throw ModelError(dir.string() + " is not an I2VGen-XL model folder");
    for (const auto& p : entry->problems)
        std::cout << "problem: " << p << "\n";
    std::cout << dir.string() << ": " << (entry->complete ? "OK" : "FAILED") << "\n";
    return entry->complete ? 0 : 1;
#endif
}

int runRemove(const ModelsArgs& a) {
    const hub::RepoId repo = hub::RepoId::parse(a.target);
    const bool wholeRepo = a.target.find('@') == std::string::npos;
    const hub::RemovalResult r = hub::removeCachedModel(repo, wholeRepo, cacheDirOf(a));
    std::cout << "removed " << (r.repoRemoved ? repo.id() : a.target) << " from " << cacheDirOf(a).string() << " ("
              << r.snapshotsRemoved << (r.snapshotsRemoved == 1 ? " snapshot, " : " snapshots, ")
              << hub::formatBytes(r.bytesFreed) << " freed)\n";
    return 0;
}

} // namespace

void addModelsCommand(CLI::App& app, Action& action) {
    auto a = std::make_shared<ModelsArgs>();
    CLI::App* cmd = app.add_subcommand("models", "List, verify and remove the I2VGen-XL models on this machine");
    cmd->require_subcommand(1);
    const auto addCacheDir = [&](CLI::App* sub) {
        sub->add_option("--cache-dir", a->cacheDir, "Hugging Face cache folder (default: $HF_HUB_CACHE, else "
                                                    "$HF_HOME/hub, else ~/.cache/huggingface/hub)");
    };
    CLI::App* list = cmd->add_subcommand("list", "Every usable model: app models folder, Hugging Face cache, --folder");
    addCacheDir(list);
    list->add_option("--folder", a->folders, "Also look at this model folder (repeatable)");
    list->add_flag("--json", a->json, "One JSON array on stdout");
    list->callback([a, &action] { action = [a] { return runList(*a); }; });

    CLI::App* verify = cmd->add_subcommand("verify", "Check a model: configs and weight headers; --deep hashes every file");
    addCacheDir(verify);
    verify->add_option("model", a->target, "Model folder or repo id ORG/NAME[@REVISION]")->capture_default_str();
    verify->add_flag("--deep", a->deep, "Hash every file against its name in the cache (reads every byte)");
    verify->callback([a, &action] { action = [a] { return runVerify(*a); }; });

    CLI::App* remove = cmd->add_subcommand("remove", "Remove a model from the Hugging Face cache (ORG/NAME: every "
                                                     "revision; ORG/NAME@REV: that snapshot and the files only it uses)");
    addCacheDir(remove);
    remove->add_option("repo", a->target, "Repo id ORG/NAME[@REVISION]")->required();
    remove->callback([a, &action] { action = [a] { return runRemove(*a); }; });
}

} // namespace i2v::cli
