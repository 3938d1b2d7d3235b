// Reader and writer of the .safetensors format (https://github.com/huggingface/safetensors):
// 8-byte little-endian header length, a JSON header, then raw little-endian tensor bytes.
// The file is memory-mapped; tensors whose bytes are aligned for their dtype are returned without a copy.
// Every structural property is validated on open, and every error names the file and the tensor.
#pragma once
#include <ATen/Tensor.h>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace i2v {

class MappedFile;

class SafetensorsFile {
public:
    struct TensorInfo {
        std::string dtypeName;       // as written in the header, e.g. "F16"
        c10::ScalarType dtype;       // the matching torch dtype
        std::vector<int64_t> shape;
        uint64_t begin = 0;          // byte range inside the data section
        uint64_t end = 0;
    };

    // Opens, maps and validates; throws ModelError naming the file (and tensor) on any defect.
    explicit SafetensorsFile(const std::filesystem::path& path);
    ~SafetensorsFile();
    SafetensorsFile(SafetensorsFile&&) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&&) noexcept;

    const std::filesystem::path& path() const { return path_; }
    std::vector<std::string> keys() const;   // sorted
    bool contains(const std::string& name) const { return infos_.count(name) != 0; }
    const TensorInfo& info(const std::string& name) const;
    const std::map<std::string, std::string>& metadata() const { return metadata_; }

    // A CPU tensor over the mapped bytes (zero-copy when aligned; the mapping lives as long as the tensor).
    at::Tensor tensor(const std::string& name) const;

    // Gives back the resident pages of `name`'s bytes (those wholly inside it) once a converted copy of the
    // tensor is all that is needed: they stay in the page cache, and are read again from the file if touched.
    // Without it, loading fp32 files into bf16 holds the file and its copy at once (8.5 GB for the UNet).
    // Only for a tensor no one holds a view of (tensor(name) without a copy): a page written through such a
    // view would go back to the file's bytes.
    void releasePages(const std::string& name) const;

    // Writes tensors (any device/dtype among the supported ones, made contiguous on CPU) atomically:
    // a temporary file next to `path` renamed on success. Throws IoError naming the path.
    static void write(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

    // The largest header accepted; real checkpoints have headers well under 1 MiB.
    static constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

private:
    std::filesystem::path path_;
    std::shared_ptr<MappedFile> map_;
    uint64_t dataOffset_ = 0;
    std::map<std::string, TensorInfo> infos_;
    std::map<std::string, std::string> metadata_;
};

} // namespace i2v
