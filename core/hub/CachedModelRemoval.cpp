#include "hub/CachedModelRemoval.h"

#include "hub/CacheFiles.h"
#include "hub/HubCacheLayout.h"
#include "util/Errors.h"

#include <fcntl.h>
#include <fstream>
#include <set>
#include <sys/file.h>
#include <unistd.h>

namespace i2v::hub {
namespace fs = std::filesystem;

namespace {

// Blob names the snapshots other than `except` link to.
std::set<std::string> blobsInUse(const fs::path& repoDir, const std::string& except) {
    std::set<std::string> used;
    std::error_code ec;
    for (fs::directory_iterator s(repoDir / "snapshots", ec), end; s != end && !ec; s.increment(ec)) {
        if (s->path().filename() == except)
            continue;
        std::error_code e2;
        for (fs::recursive_directory_iterator f(s->path(), e2), fend; f != fend && !e2; f.increment(e2))
            if (f->is_symlink())
                used.insert(fs::read_symlink(f->path(), e2).filename().string());
    }
    return used;
}

// True while some downloader (ours or huggingface_hub) holds one of the repository's blob locks.
bool downloadRunning(const fs::path& locksDir) {
    std::error_code ec;
    for (fs::directory_iterator it(locksDir, ec), end; it != end && !ec; it.increment(ec)) {
        const int fd = ::open(it->path().c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0)
            continue;
        const bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
        if (!busy)
            ::flock(fd, LOCK_UN);
        ::close(fd);
        if (busy)
            return true;
    }
    return false;
}

uint64_t removeAll(const fs::path& p) {
    uint64_t bytes = 0;
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(p, ec)))
        bytes = fs::file_size(p, ec);
    else
        for (fs::recursive_directory_iterator it(p, ec), end; it != end && !ec; it.increment(ec))
            if (fs::is_regular_file(it->symlink_status()))
                bytes += fs::file_size(it->path(), ec);
    fs::remove_all(p, ec);
    if (ec)
        throw IoError("cannot remove " + p.string() + ": " + ec.message());
    return bytes;
}

} // namespace

RemovalResult removeCachedModel(const RepoId& repo, bool wholeRepo, const fs::path& hubCacheDir) {
    const HubCacheLayout cache(hubCacheDir);
    const fs::path repoDir = cache.repoDir(repo);
    const fs::path locksDir = hubCacheDir / ".locks" / repo.cacheFolderName();
    std::error_code ec;
    if (!fs::is_directory(repoDir, ec))
        throw ModelError(repo.id() + " is not in the model cache " + hubCacheDir.string());
    if (downloadRunning(locksDir))
        throw IoError(repo.id() + " is being downloaded right now: stop that download first");
    RemovalResult result;
    if (wholeRepo) {
        for (fs::directory_iterator s(repoDir / "snapshots", ec), end; s != end && !ec; s.increment(ec))
            ++result.snapshotsRemoved;
        result.bytesFreed = removeAll(repoDir);
        removeAll(locksDir);
        result.repoRemoved = true;
        return result;
    }
    const auto commit = cache.resolveRevision(repo);
    if (!commit)
        throw ModelError("the revision '" + repo.revision + "' of " + repo.id() + " is not in the model cache");
    const fs::path snapshot = cache.snapshotDir(repo, *commit);
    const std::set<std::string> keep = blobsInUse(repoDir, *commit);
    std::set<std::string> mine;
    for (fs::recursive_directory_iterator f(snapshot, ec), end; f != end && !ec; f.increment(ec))
        if (f->is_symlink())
            mine.insert(fs::read_symlink(f->path()).filename().string());
    for (const std::string& blob : mine)
        if (!keep.count(blob) && fs::exists(repoDir / "blobs" / blob))
            result.bytesFreed += removeAll(repoDir / "blobs" / blob);
    removeAll(snapshot);
    result.snapshotsRemoved = 1;
    // Refs naming the removed commit would resolve to nothing.
    for (fs::recursive_directory_iterator r(repoDir / "refs", ec), end; r != end && !ec; r.increment(ec)) {
        if (!r->is_regular_file())
            continue;
        if (readFirstLine(r->path()) == *commit) {
            std::error_code removeError;   // a ref that stays behind is harmless: it resolves to nothing
            fs::remove(r->path(), removeError);
        }
    }
    std::error_code e2;
    if (fs::is_empty(repoDir / "snapshots", e2) || !fs::exists(repoDir / "snapshots")) {
        result.bytesFreed += removeAll(repoDir);
        removeAll(locksDir);
        result.repoRemoved = true;
    }
    return result;
}

} // namespace i2v::hub
