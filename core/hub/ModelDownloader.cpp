#include "hub/ModelDownloader.h"

#include "hub/BlobFetcher.h"
#include "hub/CacheFiles.h"
#include "hub/ContentHash.h"
#include "hub/FileLock.h"
#include "io/ModelFile.h"

#include <optional>
#include <sys/statvfs.h>

namespace i2v::hub {
namespace fs = std::filesystem;

namespace {

bool blobComplete(const fs::path& blob, uint64_t size) {
    std::error_code ec;
    return fs::is_regular_file(blob, ec) && fs::file_size(blob, ec) == size && !ec;
}

} // namespace

uint64_t freeDiskSpace(const fs::path& dir) {
    fs::path p = dir;
    std::error_code ec;
    while (!p.empty() && !fs::exists(p, ec))
        p = p.parent_path();
    struct statvfs st {};
    if (::statvfs((p.empty() ? fs::path(".") : p).c_str(), &st) != 0)
        return UINT64_MAX;   // unknown: do not block the download on it
    return static_cast<uint64_t>(st.f_bavail) * st.f_frsize;
}

ModelDownloader::ModelDownloader(HubSettings settings) : settings_(std::move(settings)) {}

DownloadResult ModelDownloader::download(const RepoId& repo, const DownloadOptions& options, DownloadObserver* observer,
                                         const CancelToken* cancel) {
    if (settings_.offline)
        throw HubError("HF_HUB_OFFLINE is set, so nothing is downloaded: unset it to download " + repo.id() +
                       " (models already in the cache work offline)");
    DownloadObserver quiet;
    DownloadObserver& obs = observer ? *observer : quiet;
    HttpClient http(std::string("i2v-studio/") + I2V_VERSION);
    HubApi api(settings_, http);
    const HubCacheLayout cache(settings_.cacheDir);
    BlobFetcher fetcher(api, http, cache, repo, options, obs, cancel);

    RepoInfo info = fetcher.withRetries("the file list of " + repo.id(), [&] { return api.repoInfo(repo, cancel); });
    // A listing without sizes or hashes (some mirrors): the file's HEAD has them.
    const auto completeListing = [&](RepoFile& f) {
        if (f.sizeKnown && hashKindOfEtag(f.etag()))
            return;
        const FileMetadata m =
            fetcher.withRetries(f.path, [&] { return api.fileMetadata(repo, info.commit, f.path, cancel); });
        if (!f.sizeKnown)
            f.size = m.size;
        f.sizeKnown = true;
        if (!hashKindOfEtag(f.etag()))
            (f.isLfs() || hashKindOfEtag(m.etag) == HashKind::Sha256 ? f.lfsSha256 : f.blobId) = m.etag;
    };
    for (RepoFile& f : info.files)
        if (f.path == "model_index.json")
            completeListing(f);
    const RepoFile* indexFile = info.find("model_index.json");
    if (!indexFile)
        throw HubError(repo.id() + " has no model_index.json at revision " + repo.revision +
                       ": it is not a diffusers model, which is what this app loads");

    // model_index.json decides what else is needed; it is a few hundred bytes, fetched even for a dry run
    // (into the cache, where it belongs anyway) unless the cache has it.
    if (indexFile->size > kMaxConfigFileBytes)
        throw HubError(repo.id() + "'s model_index.json is " + std::to_string(indexFile->size >> 20) +
                       " MiB, far larger than a model index can be: it is not a model this app can load");
    const fs::path indexBlob = cache.blobPath(repo, indexFile->etag());
    if (!blobComplete(indexBlob, indexFile->size)) {
        FileLock lock(cache.lockPath(repo, indexFile->etag()), cancel);
        if (!blobComplete(indexBlob, indexFile->size))   // another downloader may have finished it meanwhile
            fetcher.fetch(info.commit, *indexFile, 0, 1, 0, indexFile->size);
    }
    const std::string index = readModelFile(indexBlob, kMaxConfigFileBytes, "download the model again");
    ModelFileSelection selection = selectPipelineFiles(index, info, options.variant);
    for (RepoFile& f : selection.files)
        completeListing(f);

    DownloadPlan plan;
    plan.repo = repo;
    plan.commit = info.commit;
    plan.variant = options.variant;
    plan.notes = selection.notes;
    plan.cacheDir = settings_.cacheDir;
    plan.snapshotDir = cache.snapshotDir(repo, info.commit);
    for (const RepoFile& f : selection.files) {
        PlannedFile p;
        p.file = f;
        p.present = blobComplete(cache.blobPath(repo, f.etag()), f.size);
        if (!p.present)
            p.partialBytes = std::min(fileSizeOr0(cache.incompletePath(repo, f.etag())), f.size);
        plan.totalBytes += f.size;
        if (!p.present)
            plan.bytesToFetch += f.size - p.partialBytes;
        plan.files.push_back(std::move(p));
    }
    const fs::path blobsDir = cache.repoDir(repo) / "blobs";
    plan.freeBytes = options.freeSpace ? options.freeSpace(blobsDir) : freeDiskSpace(blobsDir);
    obs.onPlan(plan);
    for (const std::string& note : plan.notes)
        obs.onNotice(note);
    // A margin for the file system's own blocks and the snapshot links.
    const uint64_t margin = 16u << 20;
    if (plan.bytesToFetch > 0 && plan.bytesToFetch + margin > plan.freeBytes)
        throw IoError("not enough disk space for " + repo.id() + " in " + settings_.cacheDir.string() + ": " +
                      formatBytes(plan.bytesToFetch) + " still to download, " + formatBytes(plan.freeBytes) +
                      " free. Free some space, or choose another cache folder (--cache-dir, HF_HUB_CACHE)");
    if (options.dryRun)
        return {plan, plan.snapshotDir};

    uint64_t done = plan.totalBytes - plan.bytesToFetch;
    for (const PlannedFile& p : plan.files)
        if (!p.present)
            done -= p.partialBytes;   // kept bytes count once their file resumes
    const int count = static_cast<int>(plan.files.size());
    for (int i = 0; i < count; ++i) {
        const PlannedFile& p = plan.files[i];
        if (cancel)
            cancel->throwIfCancelled();
        const std::string etag = p.file.etag();
        const fs::path blob = cache.blobPath(repo, etag);
        const fs::path partial = cache.incompletePath(repo, etag);
        std::error_code ec;
        std::optional<FileLock> lock;
        if (!blobComplete(blob, p.file.size) || fs::exists(partial, ec)) {
            lock.emplace(cache.lockPath(repo, etag), cancel,
                         [&] { obs.onNotice("waiting for another download of " + p.file.path + " to finish"); });
            // The other downloader may have finished it meanwhile.
            if (!blobComplete(blob, p.file.size))
                fetcher.fetch(info.commit, p.file, i, count, done, plan.totalBytes);
            else
                // The blob is whole but a .incomplete of it is left: huggingface_hub (resume_download=False, its
                // default) downloads into a temporary file and never removes the .incomplete that an interrupted
                // download of ours (or its own with resume_download=True) kept. Nobody resumes it any more.
                fs::remove(partial, ec);
        }
        // Linked while the lock is held, as huggingface_hub does: once it gets the lock it looks for the snapshot
        // link, not the blob, and would download the file again if the link were not there yet.
        cache.linkSnapshotFile(repo, info.commit, p.file.path, etag);
        done += p.file.size;
        obs.onFileDone(p.file.path, p.present);
    }
    cache.writeRef(repo, repo.revision, info.commit);
    return {plan, plan.snapshotDir};
}

} // namespace i2v::hub
