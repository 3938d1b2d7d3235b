#include "hub/ContentHash.h"

#include "hub/RepoId.h"
#include "util/Errors.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace i2v::hub {

std::optional<HashKind> hashKindOfEtag(const std::string& etag) {
    if (isHexDigest(etag, 64))
        return HashKind::Sha256;
    if (isHexDigest(etag, 40))
        return HashKind::GitBlobSha1;
    return std::nullopt;
}

struct ContentHasher::Impl {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Impl() { EVP_MD_CTX_free(ctx); }
};

ContentHasher::ContentHasher(HashKind kind, uint64_t size) : impl_(std::make_unique<Impl>()), kind_(kind) {
    if (!impl_->ctx ||
        EVP_DigestInit_ex(impl_->ctx, kind == HashKind::Sha256 ? EVP_sha256() : EVP_sha1(), nullptr) != 1)
        throw Error("OpenSSL could not start a " + std::string(kind == HashKind::Sha256 ? "SHA-256" : "SHA-1") +
                    " digest");
    if (kind == HashKind::GitBlobSha1) {
        const std::string header = "blob " + std::to_string(size);
        update(header.c_str(), header.size() + 1);   // with its NUL
    }
}

ContentHasher::~ContentHasher() = default;

void ContentHasher::update(const void* data, size_t size) { EVP_DigestUpdate(impl_->ctx, data, size); }

std::string ContentHasher::hexDigest() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(impl_->ctx, md, &len);
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < len; ++i) {
        hex += digits[md[i] >> 4];
        hex += digits[md[i] & 15];
    }
    return hex;
}

void hashFilePrefix(const std::filesystem::path& file, uint64_t length, ContentHasher& hasher,
                    const std::function<void(uint64_t)>& onBytes) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw IoError("cannot read " + file.string() + ": " + std::strerror(errno));
    std::vector<char> buf(1 << 20);
    uint64_t done = 0;
    uint64_t lastReport = 0;
    try {
        while (done < length) {
            const size_t want = static_cast<size_t>(std::min<uint64_t>(buf.size(), length - done));
            const ssize_t n = ::read(fd, buf.data(), want);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                throw IoError("cannot read " + file.string() + ": " +
                              (n < 0 ? std::string(std::strerror(errno)) : std::string("it is shorter than expected")));
            hasher.update(buf.data(), static_cast<size_t>(n));
            done += static_cast<uint64_t>(n);
            if (onBytes && (done - lastReport >= (8u << 20) || done == length)) {
                lastReport = done;
                onBytes(done);
            }
        }
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

std::string hashFile(const std::filesystem::path& file, HashKind kind, const std::function<void(uint64_t)>& onBytes) {
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(file, ec);
    if (ec)
        throw IoError("cannot read " + file.string() + ": " + ec.message());
    ContentHasher h(kind, size);
    hashFilePrefix(file, size, h, onBytes);
    return h.hexDigest();
}

} // namespace i2v::hub
