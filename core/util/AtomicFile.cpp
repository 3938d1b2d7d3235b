#include "util/AtomicFile.h"

#include "util/Errors.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

namespace i2v {

AtomicFile::AtomicFile(std::filesystem::path target, bool overwrite)
    : target_(std::move(target)), overwrite_(overwrite) {
    if (!overwrite_ && std::filesystem::exists(target_))
        throw IoError(target_.string() + " already exists (choose another name or allow overwriting)");
    std::filesystem::path dir = target_.parent_path();
    if (dir.empty())
        dir = ".";
    std::string pattern = (dir / ("." + target_.filename().string() + ".partXXXXXX")).string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0)
        throw IoError("cannot write in " + dir.string() + ": " + std::strerror(errno));
    ::fchmod(fd_, 0644);
    tmp_ = pattern;
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0)
        ::close(fd_);
    if (!committed_ && !tmp_.empty())
        ::unlink(tmp_.c_str());
}

void AtomicFile::write(const void* data, size_t size) {
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd_, p, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw IoError("cannot write " + target_.string() + ": " + std::strerror(errno));
        }
        p += n;
        size -= static_cast<size_t>(n);
    }
}

void AtomicFile::commit() {
    if (::fsync(fd_) != 0 && errno != EINVAL)
        throw IoError("cannot write " + target_.string() + ": " + std::strerror(errno));
    if (::close(fd_) != 0) {
        fd_ = -1;
        throw IoError("cannot write " + target_.string() + ": " + std::strerror(errno));
    }
    fd_ = -1;
    if (!overwrite_ && std::filesystem::exists(target_))
        throw IoError(target_.string() + " already exists (choose another name or allow overwriting)");
    if (::rename(tmp_.c_str(), target_.c_str()) != 0)
        throw IoError("cannot create " + target_.string() + ": " + std::strerror(errno));
    committed_ = true;
}

} // namespace i2v
