// An exclusive advisory lock on a file (flock), the kind huggingface_hub's `filelock` takes on
// <cache>/.locks/models--ORG--NAME/<etag>.lock: two downloaders, ours or Python's, never write one blob.
#pragma once
#include "util/CancelToken.h"

#include <filesystem>
#include <functional>

namespace i2v::hub {

class FileLock {
public:
    // Blocks until the lock is held, polling `cancel`; `onWaiting` is called once when another process holds
    // it. Throws IoError when the lock file cannot be created, Cancelled.
    FileLock(const std::filesystem::path& path, const CancelToken* cancel,
             const std::function<void()>& onWaiting = {});
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int fd_ = -1;
};

} // namespace i2v::hub
