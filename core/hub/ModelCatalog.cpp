#include "hub/ModelCatalog.h"

#include "hub/CacheFiles.h"
#include "hub/HubCacheLayout.h"
#include "io/DiffusersFolder.h"
#include "io/SafetensorsFile.h"
#include "util/Errors.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>

namespace i2v::hub {
namespace fs = std::filesystem;

namespace {

// Adds every file under `dir` to `size` once per real file (snapshot links share blobs).
void addSizes(const fs::path& dir, std::set<fs::path>& seen, uint64_t& size) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         it != end && !ec; it.increment(ec)) {
        std::error_code e2;
        if (!fs::is_regular_file(it->path(), e2))
            continue;
        const fs::path real = fs::canonical(it->path(), e2);
        if (e2 || !seen.insert(real).second)
            continue;
        size += fs::file_size(real, e2);
    }
}

// The weight files of a component folder, split by variant.
struct ComponentWeights {
    std::vector<fs::path> fp16, fp32;
};

ComponentWeights weightsIn(const fs::path& dir) {
    ComponentWeights w;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!endsWith(name, ".safetensors"))
            continue;
        (name.find(".fp16.") != std::string::npos ? w.fp16 : w.fp32).push_back(it->path());
    }
    return w;
}

// Why a weight file cannot be used (dangling link, truncated, bad header), or empty.
std::string weightFileProblem(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec))
        return file.filename().string() + " is missing (a link into the cache points nowhere)";
    try {
        SafetensorsFile f(file);   // validates the header and that every tensor lies inside the file
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

} // namespace

const char* modelSourceName(ModelSource s) {
    switch (s) {
    case ModelSource::AppFolder: return "app";
    case ModelSource::HubCache: return "hub-cache";
    case ModelSource::UserFolder: return "user";
    }
    return "user";
}

fs::path defaultAppModelsDir() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x)
        return fs::path(x) / "I2V Studio" / "models";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / ".local" / "share" / "I2V Studio" / "models";
}

std::optional<ModelEntry> inspectModelFolder(const fs::path& dir, ModelSource source) {
    std::error_code ec;
    if (!fs::is_regular_file(dir / "model_index.json", ec))
        return std::nullopt;
    ModelEntry m;
    m.name = dir.filename().string();
    m.path = dir;
    m.source = source;
    std::optional<DiffusersFolder> folder;
    try {
        folder.emplace(dir);
        if (folder->pipelineClass() != "I2VGenXLPipeline")
            return std::nullopt;
    } catch (const Error& e) {
        m.problems.push_back(e.what());
        return m;
    }
    bool fp16Everywhere = true, fp32Everywhere = true;
    for (const std::string& component : folder->componentNames()) {
        const fs::path cdir = dir / component;
        if (!fs::is_directory(cdir, ec)) {
            m.problems.push_back(component + "/ is missing");
            continue;
        }
        // Model components have a config.json; schedulers and feature extractors their own configs (read
        // and checked here), tokenizers their vocabulary files (which must be there and readable).
        if (!fs::exists(cdir / "config.json", ec)) {
            if (fs::exists(cdir / "scheduler_config.json", ec) || fs::exists(cdir / "preprocessor_config.json", ec)) {
                try {
                    folder->componentConfig(component);
                } catch (const Error& e) {
                    m.problems.push_back(e.what());
                }
            } else {
                bool anyFile = false;
                for (fs::directory_iterator f(cdir, ec), end; f != end && !ec; f.increment(ec)) {
                    std::error_code e2;
                    if (!fs::exists(f->path(), e2))
                        m.problems.push_back(component + "/" + f->path().filename().string() +
                                             " is missing (a link into the cache points nowhere)");
                    anyFile = true;
                }
                if (!anyFile)
                    m.problems.push_back(component + "/ is empty");
            }
            continue;
        }
        const ComponentWeights w = weightsIn(cdir);
        if (w.fp16.empty() && w.fp32.empty()) {
            m.problems.push_back(component + "/ has no .safetensors weights");
            continue;
        }
        fp16Everywhere = fp16Everywhere && !w.fp16.empty();
        fp32Everywhere = fp32Everywhere && !w.fp32.empty();
        for (const auto* list : {&w.fp16, &w.fp32})
            for (const fs::path& f : *list)
                if (const std::string p = weightFileProblem(f); !p.empty())
                    m.problems.push_back(component + "/" + p);
    }
    if (m.problems.empty()) {
        if (fp16Everywhere)
            m.variants.push_back("fp16");
        if (fp32Everywhere)
            m.variants.push_back("fp32");
        if (m.variants.empty())
            m.variants.push_back("mixed");
    }
    m.complete = m.problems.empty();
    std::set<fs::path> seen;
    addSizes(dir, seen, m.sizeOnDisk);
    return m;
}

namespace {

void addCacheEntries(const fs::path& cacheDir, std::vector<ModelEntry>& out) {
    std::error_code ec;
    for (fs::directory_iterator it(cacheDir, ec), end; it != end && !ec; it.increment(ec)) {
        const auto repo = RepoId::fromCacheFolderName(it->path().filename().string());
        if (!repo)
            continue;
        // refs/<name> -> commit, to label snapshots with the revisions pointing at them.
        std::vector<std::pair<std::string, std::string>> refs;
        const fs::path refsDir = it->path() / "refs";
        std::error_code e2;
        for (fs::recursive_directory_iterator r(refsDir, e2), rend; r != rend && !e2; r.increment(e2))
            if (r->is_regular_file())
                refs.emplace_back(fs::relative(r->path(), refsDir).string(), readFirstLine(r->path()));
        // blobs/<etag>.incomplete is a download to resume unless blobs/<etag> is there: huggingface_hub, by default,
        // finishes a file in a temporary file of its own and leaves the .incomplete behind.
        bool partial = false;
        for (fs::directory_iterator b(it->path() / "blobs", e2), bend; b != bend && !e2; b.increment(e2)) {
            const std::string name = b->path().filename().string();
            std::error_code e3;
            partial = partial || (endsWith(name, ".incomplete") &&
                                  !fs::is_regular_file(b->path().parent_path() /
                                                           name.substr(0, name.size() - std::string(".incomplete").size()),
                                                       e3));
        }
        for (fs::directory_iterator s(it->path() / "snapshots", e2), send; s != send && !e2; s.increment(e2)) {
            auto entry = inspectModelFolder(s->path(), ModelSource::HubCache);
            if (!entry)
                continue;
            entry->repo = *repo;
            entry->commit = s->path().filename().string();
            for (const auto& [name, commit] : refs)
                if (commit == entry->commit)
                    entry->revisions.push_back(name);
            entry->name = repo->id();
            if (std::find(entry->revisions.begin(), entry->revisions.end(), "main") == entry->revisions.end())
                entry->name += "@" + entry->commit.substr(0, 10);
            entry->partialDownload = partial;
            out.push_back(std::move(*entry));
        }
    }
}

} // namespace

std::vector<ModelEntry> listModels(const CatalogSources& sources) {
    std::vector<ModelEntry> out;
    std::error_code ec;
    if (!sources.appModelsDir.empty())
        for (fs::directory_iterator it(sources.appModelsDir, ec), end; it != end && !ec; it.increment(ec))
            if (auto m = inspectModelFolder(it->path(), ModelSource::AppFolder))
                out.push_back(std::move(*m));
    if (!sources.hubCacheDir.empty())
        addCacheEntries(sources.hubCacheDir, out);
    for (const fs::path& dir : sources.userFolders)
        if (auto m = inspectModelFolder(dir, ModelSource::UserFolder))
            out.push_back(std::move(*m));
    // One folder reached twice (a user folder inside the models folder) is listed once.
    std::vector<ModelEntry> unique;
    std::set<fs::path> seen;
    for (ModelEntry& m : out) {
        std::error_code e2;
        const fs::path key = fs::weakly_canonical(m.path, e2);
        if (seen.insert(e2 ? m.path : key).second)
            unique.push_back(std::move(m));
    }
    return unique;
}

std::optional<ModelEntry> findCachedModel(const RepoId& repo, const fs::path& hubCacheDir) {
    const HubCacheLayout cache(hubCacheDir);
    const auto commit = cache.resolveRevision(repo);
    if (!commit)
        return std::nullopt;
    auto entry = inspectModelFolder(cache.snapshotDir(repo, *commit), ModelSource::HubCache);
    if (entry) {
        entry->repo = repo;
        entry->commit = *commit;
        entry->name = repo.id();
    }
    return entry;
}

std::optional<ModelEntry> installedModel(const fs::path& appModelsDir, const fs::path& hubCacheDir) {
    if (auto own = inspectModelFolder(appModelsDir / kAppModelFolderName, ModelSource::AppFolder); own && own->complete)
        return own;
    if (auto cached = findCachedModel(RepoId::parse(kDefaultModelRepo), hubCacheDir); cached && cached->complete)
        return cached;
    return std::nullopt;
}

fs::path resolveModelArgument(const std::string& arg, const fs::path& hubCacheDir) {
    std::error_code ec;
    if (fs::exists(arg, ec))
        return arg;
    const auto repo = RepoId::tryParse(arg);
    if (!repo)
        return arg;   // not a repo id: DiffusersFolder names the missing folder
    const HubCacheLayout cache(hubCacheDir);
    const auto commit = cache.resolveRevision(*repo);
    const std::string get = "download it with `i2v download " + arg + "` (or in the app: Models > Download)";
    if (!commit)
        throw ModelError("'" + arg + "' is neither a folder nor a model in the model cache " + hubCacheDir.string() +
                         ": " + get);
    const fs::path snapshot = cache.snapshotDir(*repo, *commit);
    const auto entry = inspectModelFolder(snapshot, ModelSource::HubCache);
    if (!entry)
        throw ModelError(arg + " in the model cache (" + snapshot.string() + ") is not an I2VGen-XL pipeline: " + get);
    if (!entry->complete)
        throw ModelError(arg + " is only partly in the model cache (" + entry->problems.front() +
                         "): finish the download with `i2v download " + arg + "`");
    return snapshot;
}

} // namespace i2v::hub
