// The write policy of exports (the AtomicFile idea for outputs that FFmpeg writes by name): the output
// is created as `.<name>.partXXXXXX` in the target directory, renamed over the target by commit(),
// and removed by the destructor when not committed, so a failure, disk full or cancel never leaves a
// partial file. Works for a file or for a folder (PNG sequence).
#pragma once
#include <filesystem>

namespace i2v {

class StagedOutput {
public:
    enum class Kind { File, Directory };

    // Throws IoError naming the path when the target exists and !overwrite, when the target directory
    // is missing or unwritable.
    StagedOutput(std::filesystem::path target, Kind kind, bool overwrite);
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    const std::filesystem::path& target() const { return target_; }
    const std::filesystem::path& stagingPath() const { return staging_; }

    // Syncs the data to disk and renames it into place; throws IoError naming the target.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    Kind kind_;
    bool overwrite_;
    bool committed_ = false;
};

} // namespace i2v
