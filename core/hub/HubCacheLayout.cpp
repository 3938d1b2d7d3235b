#include "hub/HubCacheLayout.h"

#include "hub/CacheFiles.h"

#include "util/Errors.h"

#include <fstream>
#include <random>
#include <string>
#include <unistd.h>
#include <system_error>

namespace i2v::hub {
namespace fs = std::filesystem;

namespace {

void checkEtag(const std::string& etag) {
    // Blob names come from a server's ETag: never a path.
    if (etag.empty() || etag.find('/') != std::string::npos || etag.find('\\') != std::string::npos || etag == "." ||
        etag == ".." || etag.size() > 128)
        throw HubError("the server sent an unusable ETag '" + etag.substr(0, 80) + "' for a file");
}

} // namespace

fs::path HubCacheLayout::blobPath(const RepoId& repo, const std::string& etag) const {
    checkEtag(etag);
    return repoDir(repo) / "blobs" / etag;
}

fs::path HubCacheLayout::incompletePath(const RepoId& repo, const std::string& etag) const {
    checkEtag(etag);
    return repoDir(repo) / "blobs" / (etag + ".incomplete");
}

fs::path HubCacheLayout::lockPath(const RepoId& repo, const std::string& etag) const {
    checkEtag(etag);
    return root_ / ".locks" / repo.cacheFolderName() / (etag + ".lock");
}

fs::path HubCacheLayout::snapshotDir(const RepoId& repo, const std::string& commit) const {
    if (!isHexDigest(commit, 40))
        throw HubError("the server named commit '" + commit.substr(0, 80) + "', which is not a 40-digit commit hash");
    return repoDir(repo) / "snapshots" / commit;
}

fs::path HubCacheLayout::refPath(const RepoId& repo, const std::string& revision) const {
    return repoDir(repo) / "refs" / revision;   // branch names may hold '/', as in refs/pr/1
}

std::optional<std::string> HubCacheLayout::resolveRevision(const RepoId& repo) const {
    std::error_code ec;
    if (repo.revisionIsCommit() && fs::is_directory(snapshotDir(repo, repo.revision), ec))
        return repo.revision;
    const fs::path ref = refPath(repo, repo.revision);
    if (!fs::is_regular_file(ref, ec))
        return std::nullopt;
    const std::string commit = readFirstLine(ref);
    if (!isHexDigest(commit, 40))
        return std::nullopt;
    return commit;
}

void HubCacheLayout::writeRef(const RepoId& repo, const std::string& revision, const std::string& commit) const {
    if (revision == commit)
        return;
    const fs::path ref = refPath(repo, revision);
    std::error_code ec;
    fs::create_directories(ref.parent_path(), ec);
    // The temporary lives outside refs/: a crash must not leave a "main.tmp" ref for huggingface_hub's
    // scan_cache_dir (or ours) to read as a revision.
    const fs::path tmp = repoDir(repo) / (".ref-" + std::to_string(::getpid()) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << commit;   // no newline, as huggingface_hub writes it
        if (!out.flush())
            throw IoError("cannot write " + ref.string() + ": check the permissions and free space of " +
                          root_.string());
    }
    fs::rename(tmp, ref, ec);
    if (ec)
        throw IoError("cannot write " + ref.string() + ": " + ec.message());
}

std::string HubCacheLayout::relativeBlobLink(const std::string& path, const std::string& etag) {
    std::string link = "../../";
    for (char c : path)
        if (c == '/')
            link += "../";
    return link + "blobs/" + etag;
}

void HubCacheLayout::checkRepoPath(const std::string& path) {
    bool bad = path.empty() || path.front() == '/' || path.back() == '/' || path.find('\\') != std::string::npos ||
               path.find('\0') != std::string::npos;
    size_t start = 0;
    while (!bad && start <= path.size()) {
        const size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        bad = part.empty() || part == "." || part == "..";
        start = end + 1;
    }
    if (bad)
        throw HubError("the server listed the file '" + path.substr(0, 200) +
                       "', whose path would leave the model folder; it is not downloaded");
}

void HubCacheLayout::linkSnapshotFile(const RepoId& repo, const std::string& commit, const std::string& path,
                                      const std::string& etag) const {
    checkRepoPath(path);
    const fs::path link = snapshotDir(repo, commit) / path;
    std::error_code ec;
    fs::create_directories(link.parent_path(), ec);
    if (ec)
        throw IoError("cannot create " + link.parent_path().string() + ": " + ec.message());
    // Made under a name of its own, then renamed over `link`: two downloaders of the same model (two
    // processes share the cache) may link the same file at once, and rename() replaces atomically where
    // remove-then-create lets the other one's link slip in between ("File exists").
    const fs::path temporary = link.parent_path() / ("." + link.filename().string() + ".link-" +
                                                     std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()));
    fs::create_symlink(relativeBlobLink(path, etag), temporary, ec);
    if (!ec)
        fs::rename(temporary, link, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw IoError("cannot create the link " + link.string() + ": " + ec.message() +
                      " (the model cache needs a file system with symbolic links)");
    }
}

} // namespace i2v::hub
