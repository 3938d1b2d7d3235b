// Writes a file safely: bytes go to a hidden temporary file in the target directory, which is renamed
// over the target only by commit(). Destroying an uncommitted AtomicFile removes the temporary, so a
// failure (disk full, cancel, exception) never leaves a partial file behind.
#pragma once
#include <cstddef>
#include <filesystem>

namespace i2v {

class AtomicFile {
public:
    // Throws IoError naming the directory when the temporary cannot be created. When `overwrite` is
    // false and `target` exists, throws IoError before writing anything.
    explicit AtomicFile(std::filesystem::path target, bool overwrite = true);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& target() const { return target_; }
    const std::filesystem::path& temporaryPath() const { return tmp_; }

    void write(const void* data, size_t size);   // throws IoError (e.g. "No space left on device")
    void commit();                                // flush, fsync, rename; throws IoError

private:
    std::filesystem::path target_;
    std::filesystem::path tmp_;
    int fd_ = -1;
    bool overwrite_;
    bool committed_ = false;
};

} // namespace i2v
