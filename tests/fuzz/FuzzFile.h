// Fuzz input as a file for readers that take a path: an anonymous in-memory file (memfd) reached
// through /proc/self/fd, so no fuzz iteration touches the disk.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace i2v::fuzz {

class MemoryFile {
public:
    MemoryFile(const uint8_t* data, size_t size) : fd_(::memfd_create("i2v-fuzz", MFD_CLOEXEC)) {
        if (fd_ < 0)
            __builtin_trap();
        size_t done = 0;
        while (done < size) {
            const ssize_t n = ::write(fd_, data + done, size - done);
            if (n <= 0)
                __builtin_trap();
            done += size_t(n);
        }
    }
    ~MemoryFile() { ::close(fd_); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

private:
    int fd_;
};

} // namespace i2v::fuzz
