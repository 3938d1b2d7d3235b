// Downloads a diffusers pipeline from the Hub into the shared Hugging Face cache, better than
// huggingface_hub does it: every file verified (SHA-256 for LFS files, git blob SHA-1 for small ones, hashed
// while streaming, a kept prefix re-hashed on resume), resumed with Range after a cut connection and across
// runs, retried with backoff on stalls, 5xx and 429, free disk space checked before the first byte, and
// cancellable at any moment leaving a resumable state.
#pragma once
#include "hub/DownloadProgress.h"
#include "hub/HubCacheLayout.h"
#include "hub/HubSettings.h"
#include "util/CancelToken.h"

#include <functional>

namespace i2v::hub {

struct DownloadOptions {
    DownloadVariant variant = DownloadVariant::Fp16;
    bool dryRun = false;                 // plan only: what would be fetched, nothing written
    int maxAttempts = 6;                 // per file, for transient failures
    double retryBaseSeconds = 1.0;       // backoff 1, 2, 4, ... s (capped), or the server's Retry-After
    double retryMaxSeconds = 30.0;
    long stallSeconds = 30;              // a connection that delivers nothing for this long is retried
    // Free bytes on the file system holding a folder (statvfs when empty); a seam for tests.
    std::function<uint64_t(const std::filesystem::path&)> freeSpace;
};

struct DownloadResult {
    DownloadPlan plan;
    std::filesystem::path snapshotDir;   // the model folder to load
};

class ModelDownloader {
public:
    explicit ModelDownloader(HubSettings settings);

    // Throws HubError (repo/revision not found, gated, offline), NetworkError (after retries), IoError (disk
    // full, not enough space, permissions), Cancelled. Every error leaves what was downloaded for a resume.
    DownloadResult download(const RepoId& repo, const DownloadOptions& options, DownloadObserver* observer = nullptr,
                            const CancelToken* cancel = nullptr);

private:
    HubSettings settings_;
};

// Free bytes available to this user on the file system holding `dir` (or its nearest existing parent).
uint64_t freeDiskSpace(const std::filesystem::path& dir);

} // namespace i2v::hub
