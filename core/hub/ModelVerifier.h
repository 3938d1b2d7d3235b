// `i2v models verify` and the Models window's Verify: a model folder checked the quick way (configs,
// every weight file's safetensors header against its size) and, deep, every file of a Hub cache snapshot
// hashed against its blob name (the blob of an LFS file is named by its SHA-256, a small file's by its git
// blob SHA-1), so bit rot or a file changed by hand is found.
#pragma once
#include "util/CancelToken.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace i2v::hub {

struct VerifyReport {
    std::vector<std::string> problems;   // empty = all good
    int filesChecked = 0;
    int filesHashed = 0;
    uint64_t bytesHashed = 0;
    bool ok() const { return problems.empty(); }
};

// `onFile(path, index, count)` reports progress of a deep check; may be empty.
VerifyReport verifyModelFolder(const std::filesystem::path& dir, bool deep, const CancelToken* cancel = nullptr,
                               const std::function<void(const std::string&, int, int)>& onFile = {});

} // namespace i2v::hub
