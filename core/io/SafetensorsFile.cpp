#include "io/SafetensorsFile.h"

#include "io/MappedFile.h"
#include "util/AtomicFile.h"
#include "util/Errors.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <limits>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace i2v {
namespace {

struct DtypeEntry {
    const char* name;
    c10::ScalarType type;
};

constexpr DtypeEntry kDtypes[] = {
    {"F64", c10::kDouble}, {"F32", c10::kFloat}, {"F16", c10::kHalf},  {"BF16", c10::kBFloat16},
    {"I64", c10::kLong},   {"I32", c10::kInt},   {"I16", c10::kShort}, {"I8", c10::kChar},
    {"U8", c10::kByte},    {"BOOL", c10::kBool},
};

bool dtypeFromName(const std::string& name, c10::ScalarType& out) {
    for (const auto& d : kDtypes)
        if (name == d.name) {
            out = d.type;
            return true;
        }
    return false;
}

const char* nameFromDtype(c10::ScalarType t) {
    for (const auto& d : kDtypes)
        if (d.type == t)
            return d.name;
    return nullptr;
}

uint64_t readLittleEndian64(const uint8_t* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

} // namespace

SafetensorsFile::SafetensorsFile(const std::filesystem::path& path) : path_(path) {
    const std::string where = path.string();
    const auto damaged = [&](const std::string& what) {
        return ModelError(where + ": " + what +
                          ". The file is damaged or incomplete (often a partial download): download it again.");
    };
    try {
        map_ = std::make_shared<MappedFile>(path);
    } catch (const IoError& e) {
        throw ModelError(e.what());
    }
    const uint64_t size = map_->size();
    if (size < 8)
        throw damaged("file is " + std::to_string(size) + " bytes, too short for a safetensors header");
    const uint64_t headerLen = readLittleEndian64(map_->data());
    if (headerLen > kMaxHeaderBytes)
        throw damaged("header length " + std::to_string(headerLen) + " is implausibly large");
    if (headerLen > size - 8)
        throw damaged("header length " + std::to_string(headerLen) + " runs past the end of the file (" +
                      std::to_string(size) + " bytes)");
    dataOffset_ = 8 + headerLen;
    const uint64_t dataSize = size - dataOffset_;

    nlohmann::json header;
    try {
        header = nlohmann::json::parse(map_->data() + 8, map_->data() + 8 + headerLen);
    } catch (const nlohmann::json::exception& e) {
        throw damaged(std::string("header is not valid JSON (") + e.what() + ")");
    }
    if (!header.is_object())
        throw damaged("header is not a JSON object");

    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string& name = it.key();
        const auto& entry = it.value();
        if (name == "__metadata__") {
            if (!entry.is_object())
                throw damaged("__metadata__ is not an object");
            for (auto m = entry.begin(); m != entry.end(); ++m) {
                if (!m.value().is_string())
                    throw damaged("__metadata__ value '" + m.key() + "' is not a string");
                metadata_[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string tensorWhere = "tensor '" + name + "': ";
        if (!entry.is_object() || !entry.contains("dtype") || !entry.contains("shape") ||
            !entry.contains("data_offsets"))
            throw damaged(tensorWhere + "entry needs dtype, shape and data_offsets");
        TensorInfo info;
        if (!entry["dtype"].is_string())
            throw damaged(tensorWhere + "dtype is not a string");
        info.dtypeName = entry["dtype"].get<std::string>();
        if (!dtypeFromName(info.dtypeName, info.dtype))
            throw ModelError(where + ": " + tensorWhere + "unsupported dtype '" + info.dtypeName +
                             "' (supported: F64 F32 F16 BF16 I64 I32 I16 I8 U8 BOOL)");
        const auto& shape = entry["shape"];
        if (!shape.is_array())
            throw damaged(tensorWhere + "shape is not an array");
        uint64_t numel = 1;
        for (const auto& d : shape) {
            if (!d.is_number_unsigned())
                throw damaged(tensorWhere + "shape has a non-integer or negative dimension");
            const uint64_t dim = d.get<uint64_t>();
            // torch sizes are int64: a larger dimension is only "valid" next to a zero one, and still unusable.
            if (dim > uint64_t(std::numeric_limits<int64_t>::max()))
                throw damaged(tensorWhere + "shape has a dimension of " + std::to_string(dim) + ", too large");
            if (dim > 0 && numel > std::numeric_limits<uint64_t>::max() / dim)
                throw damaged(tensorWhere + "shape overflows");
            numel *= dim;
            info.shape.push_back(static_cast<int64_t>(dim));
        }
        const auto& offsets = entry["data_offsets"];
        if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() ||
            !offsets[1].is_number_unsigned())
            throw damaged(tensorWhere + "data_offsets is not a pair of non-negative integers");
        info.begin = offsets[0].get<uint64_t>();
        info.end = offsets[1].get<uint64_t>();
        if (info.begin > info.end)
            throw damaged(tensorWhere + "data_offsets are reversed");
        if (info.end > dataSize)
            throw damaged(tensorWhere + "data_offsets [" + std::to_string(info.begin) + ", " +
                          std::to_string(info.end) + "] run past the end of the data (" +
                          std::to_string(dataSize) + " bytes)");
        const uint64_t elemSize = c10::elementSize(info.dtype);
        if (numel > std::numeric_limits<uint64_t>::max() / elemSize || numel * elemSize != info.end - info.begin)
            throw damaged(tensorWhere + "byte length " + std::to_string(info.end - info.begin) +
                          " does not match shape and dtype " + info.dtypeName);
        infos_.emplace(name, std::move(info));
    }

    // Tensors must not share bytes: sort by start and check neighbours.
    std::vector<const std::pair<const std::string, TensorInfo>*> ordered;
    for (const auto& kv : infos_)
        ordered.push_back(&kv);
    std::sort(ordered.begin(), ordered.end(),
              [](auto* a, auto* b) { return a->second.begin < b->second.begin; });
    for (size_t i = 1; i < ordered.size(); ++i)
        if (ordered[i]->second.begin < ordered[i - 1]->second.end && ordered[i]->second.begin != ordered[i]->second.end)
            throw damaged("tensors '" + ordered[i - 1]->first + "' and '" + ordered[i]->first + "' overlap");
}

SafetensorsFile::~SafetensorsFile() = default;
SafetensorsFile::SafetensorsFile(SafetensorsFile&&) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&&) noexcept = default;

std::vector<std::string> SafetensorsFile::keys() const {
    std::vector<std::string> out;
    out.reserve(infos_.size());
    for (const auto& kv : infos_)
        out.push_back(kv.first);
    return out;
}

const SafetensorsFile::TensorInfo& SafetensorsFile::info(const std::string& name) const {
    const auto it = infos_.find(name);
    if (it == infos_.end())
        throw ModelError(path_.string() + ": no tensor named '" + name + "'");
    return it->second;
}

at::Tensor SafetensorsFile::tensor(const std::string& name) const {
    const TensorInfo& ti = info(name);
    const auto options = at::TensorOptions().dtype(ti.dtype).device(at::kCPU);
    uint8_t* bytes = map_->data() + dataOffset_ + ti.begin;
    const size_t elemSize = c10::elementSize(ti.dtype);
    if (ti.end == ti.begin)
        return at::empty(ti.shape, options);
    if (reinterpret_cast<uintptr_t>(bytes) % elemSize == 0) {
        auto keepAlive = map_;
        return at::from_blob(bytes, ti.shape, [keepAlive](void*) {}, options);
    }
    // Misaligned for the dtype (legal in the format): copy into an aligned tensor.
    at::Tensor out = at::empty(ti.shape, options);
    std::memcpy(out.data_ptr(), bytes, ti.end - ti.begin);
    return out;
}

void SafetensorsFile::releasePages(const std::string& name) const {
#if defined(__linux__)
    const TensorInfo& ti = info(name);
    const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<uintptr_t>(map_->data() + dataOffset_ + ti.begin);
    const uintptr_t first = (begin + page - 1) / page * page;
    const uintptr_t last = (begin + (ti.end - ti.begin)) / page * page;
    if (last > first)
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);  // advice: a failure changes nothing
#else
    (void)name;
#endif
}

void SafetensorsFile::write(const std::filesystem::path& path,
                            const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                            const std::map<std::string, std::string>& metadata) {
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::vector<at::Tensor> data;
    uint64_t offset = 0;
    for (const auto& [name, t] : tensors) {
        at::Tensor c = t.detach().to(at::kCPU).contiguous();
        const char* dtypeName = nameFromDtype(c.scalar_type());
        if (!dtypeName)
            throw InputError("cannot save tensor '" + name + "' of dtype " + std::string(c10::toString(c.scalar_type())));
        const uint64_t bytes = c.numel() * c.element_size();
        header[name] = {{"dtype", dtypeName}, {"shape", c.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        data.push_back(c);
    }
    std::string headerText = header.dump();
    headerText.append((8 - headerText.size() % 8) % 8, ' ');
    AtomicFile file(path);
    uint8_t len[8];
    uint64_t n = headerText.size();
    for (int i = 0; i < 8; ++i, n >>= 8)
        len[i] = static_cast<uint8_t>(n & 0xff);
    file.write(len, 8);
    file.write(headerText.data(), headerText.size());
    for (const auto& c : data)
        file.write(c.data_ptr(), c.numel() * c.element_size());
    file.commit();
}

} // namespace i2v
