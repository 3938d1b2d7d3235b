// This process's threads as /proc/self/task lists them (Linux): for tests that check which threads an operation
// starts.
#pragma once
#include <filesystem>
#include <set>
#include <string>

namespace i2v::test {

inline bool canListThreads() { return std::filesystem::exists("/proc/self/task"); }

// The ids of this process's threads now.
inline std::set<std::string> threadIds() {
    std::set<std::string> ids;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task"))
        ids.insert(entry.path().filename().string());
    return ids;
}

// The threads running now that were not in `before`, as "id, id, ..." (empty when none).
inline std::string threadsStartedSince(const std::set<std::string>& before) {
    std::string started;
    for (const std::string& id : threadIds())
        if (!before.count(id))
            started += (started.empty() ? "" : ", ") + id;
    return started;
}

} // namespace i2v::test
