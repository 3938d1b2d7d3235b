// A read-only view of a whole file through mmap (copy-on-write private mapping), released by RAII.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace i2v {

class MappedFile {
public:
    // Throws IoError naming the path when the file cannot be opened or mapped.
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    // Private, writable (copy-on-write) pages: torch may hand out mutable tensors over them without
    // ever changing the file.
    uint8_t* data() const { return data_; }
    uint64_t size() const { return size_; }

private:
    uint8_t* data_ = nullptr;
    uint64_t size_ = 0;
};

} // namespace i2v
