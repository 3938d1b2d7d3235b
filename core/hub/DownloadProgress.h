// What a model download reports while it runs: the plan before the first byte (files, sizes, what is
// already in the cache, free space), then progress per file and in total with rate and ETA, and notices
// (retries, fallbacks, waiting for another downloader). The CLI draws a bar from it, the app its Models window.
#pragma once
#include "hub/HubApi.h"
#include "hub/ModelFileSelection.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace i2v::hub {

struct PlannedFile {
    RepoFile file;
    bool present = false;         // complete in the cache already
    uint64_t partialBytes = 0;    // kept from an earlier, interrupted download
};

struct DownloadPlan {
    RepoId repo;
    std::string commit;
    DownloadVariant variant = DownloadVariant::Fp16;
    std::vector<PlannedFile> files;
    std::vector<std::string> notes;
    uint64_t totalBytes = 0;      // of every selected file
    uint64_t bytesToFetch = 0;    // what still has to come over the network
    uint64_t freeBytes = 0;       // on the cache's file system
    std::filesystem::path cacheDir;
    std::filesystem::path snapshotDir;
};

struct DownloadProgress {
    std::string file;             // repo path of the file in transfer
    int fileIndex = 0;            // 0-based, of fileCount
    int fileCount = 0;
    uint64_t fileDone = 0;
    uint64_t fileSize = 0;
    uint64_t done = 0;            // bytes of the whole plan that are in the cache (incl. files already there)
    uint64_t total = 0;
    double bytesPerSecond = 0;    // over the last seconds
    double etaSeconds = -1;       // -1 while unknown
    bool verifying = false;       // re-hashing a kept partial file
};

class DownloadObserver {
public:
    virtual ~DownloadObserver() = default;
    virtual void onPlan(const DownloadPlan&) {}
    virtual void onProgress(const DownloadProgress&) {}
    virtual void onFileDone(const std::string& /*path*/, bool /*wasPresent*/) {}
    virtual void onNotice(const std::string& /*message*/) {}
};

// "4.98 GB", "167 MB", "12 KB": decimal units, as the Hub and file managers show sizes.
std::string formatBytes(uint64_t bytes);

} // namespace i2v::hub
