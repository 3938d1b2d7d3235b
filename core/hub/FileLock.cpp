#include "hub/FileLock.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace i2v::hub {

FileLock::FileLock(const std::filesystem::path& path, const CancelToken* cancel,
                   const std::function<void()>& onWaiting) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw IoError("cannot create the lock file " + path.string() + ": " + std::strerror(errno));
    bool announced = false;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const std::string why = std::strerror(errno);
            ::close(fd_);
            throw IoError("cannot lock " + path.string() + ": " + why);
        }
        if (!announced && onWaiting) {
            announced = true;
            onWaiting();
        }
        if (cancel && cancel->isCancelled()) {
            ::close(fd_);
            throw Cancelled();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

FileLock::~FileLock() {
    if (fd_ >= 0) {
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
}

} // namespace i2v::hub
