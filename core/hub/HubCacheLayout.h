// The Hugging Face cache layout, shared with huggingface_hub and diffusers so that one copy of a model
// serves all three:  <root>/models--ORG--NAME/{blobs/<etag>, snapshots/<commit>/<path> -> ../../blobs/<etag>,
// refs/<revision>}, partial downloads as blobs/<etag>.incomplete, locks in <root>/.locks/models--ORG--NAME/.
#pragma once
#include "hub/RepoId.h"

#include <filesystem>
#include <optional>
#include <string>

namespace i2v::hub {

class HubCacheLayout {
public:
    explicit HubCacheLayout(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path repoDir(const RepoId& repo) const { return root_ / repo.cacheFolderName(); }
    std::filesystem::path blobPath(const RepoId& repo, const std::string& etag) const;
    std::filesystem::path incompletePath(const RepoId& repo, const std::string& etag) const;
    std::filesystem::path lockPath(const RepoId& repo, const std::string& etag) const;
    std::filesystem::path snapshotDir(const RepoId& repo, const std::string& commit) const;
    std::filesystem::path refPath(const RepoId& repo, const std::string& revision) const;

    // The commit a revision points to, offline: the revision itself when it is a commit with a snapshot,
    // else refs/<revision>. nullopt when the cache does not know it.
    std::optional<std::string> resolveRevision(const RepoId& repo) const;
    void writeRef(const RepoId& repo, const std::string& revision, const std::string& commit) const;

    // snapshots/<commit>/<path> -> the blob, as a relative symlink ("../../blobs/<etag>", one more "../" per
    // folder level of `path`); replaces whatever was there. Throws IoError.
    void linkSnapshotFile(const RepoId& repo, const std::string& commit, const std::string& path,
                          const std::string& etag) const;

    // The symlink target huggingface_hub writes for `path` (relative to the link's folder).
    static std::string relativeBlobLink(const std::string& path, const std::string& etag);
    // Repo file paths come from a server: refuse absolute paths, "..", empty parts and backslashes so that no
    // answer can write outside the snapshot. Throws HubError naming the path.
    static void checkRepoPath(const std::string& path);

private:
    std::filesystem::path root_;
};

} // namespace i2v::hub
