// The two content hashes the Hub names files by: SHA-256 of the bytes for LFS files (their ETag and
// lfs.sha256) and the git blob SHA-1, sha1("blob <size>\0" + bytes), for small files. Streaming, so a
// download is hashed as it arrives and a kept partial file is re-hashed on resume. OpenSSL's EVP digests.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace i2v::hub {

enum class HashKind { Sha256, GitBlobSha1 };

// The kind an ETag names: 64 hex digits = SHA-256, 40 = git blob SHA-1, else nullopt.
std::optional<HashKind> hashKindOfEtag(const std::string& etag);

class ContentHasher {
public:
    // `size` is the whole content's size: the git blob header needs it before the first byte.
    ContentHasher(HashKind kind, uint64_t size);
    ~ContentHasher();
    ContentHasher(const ContentHasher&) = delete;
    ContentHasher& operator=(const ContentHasher&) = delete;

    void update(const void* data, size_t size);
    std::string hexDigest();   // lowercase hex; ends the hasher
    HashKind kind() const { return kind_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    HashKind kind_;
};

// Feeds the first `length` bytes of `file` to `hasher` (IoError when it cannot be read or is shorter);
// `onBytes(done)` is called every few MB and may throw (Cancelled).
void hashFilePrefix(const std::filesystem::path& file, uint64_t length, ContentHasher& hasher,
                    const std::function<void(uint64_t)>& onBytes = {});

// The hash of a whole file in the given kind.
std::string hashFile(const std::filesystem::path& file, HashKind kind,
                     const std::function<void(uint64_t)>& onBytes = {});

} // namespace i2v::hub
