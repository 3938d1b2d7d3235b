// `i2v models remove` and the Models window's Remove: a repository's snapshot(s) and the blobs that no
// remaining snapshot uses, leaving the rest of the shared cache (other repos, other revisions) alone.
#pragma once
#include "hub/RepoId.h"

#include <cstdint>
#include <filesystem>

namespace i2v::hub {

struct RemovalResult {
    int snapshotsRemoved = 0;
    uint64_t bytesFreed = 0;
    bool repoRemoved = false;   // nothing of the repository is left
};

// `wholeRepo`: every snapshot, ref, blob, partial download and lock of the repository; else only the snapshot
// `repo.revision` resolves to, the refs naming it, and the blobs only it used. Throws ModelError when the cache
// does not have it, IoError when a file cannot be removed. Refuses (IoError) while a download holds a lock.
RemovalResult removeCachedModel(const RepoId& repo, bool wholeRepo, const std::filesystem::path& hubCacheDir);

} // namespace i2v::hub
