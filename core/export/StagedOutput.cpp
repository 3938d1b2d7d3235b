// StagedOutput: temporary in the target directory, rename on commit, removal otherwise.
#include "export/StagedOutput.h"

#include "util/Errors.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace i2v {

namespace {
std::string existsMessage(const fs::path& p) {
    return p.string() + " already exists (choose another name or allow overwriting)";
}

void syncPath(const fs::path& p) {
    const int fd = ::open(p.c_str(), O_RDONLY);
    if (fd < 0)
        return;
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && err != EINVAL)
        throw IoError("cannot write " + p.string() + ": " + std::strerror(err));
}
} // namespace

StagedOutput::StagedOutput(fs::path target, Kind kind, bool overwrite)
    : target_(std::move(target)), kind_(kind), overwrite_(overwrite) {
    std::error_code ec;
    const bool exists = fs::exists(fs::symlink_status(target_, ec));
    if (exists && !overwrite_)
        throw IoError(existsMessage(target_));
    if (exists && (kind_ == Kind::Directory) != fs::is_directory(target_, ec))
        throw IoError("cannot replace " + target_.string() + ": it is a " +
                      (kind_ == Kind::Directory ? "file" : "folder") + " (choose another name)");
    fs::path dir = target_.parent_path();
    if (dir.empty())
        dir = ".";
    if (!fs::is_directory(dir, ec))
        throw IoError("cannot write " + target_.string() + ": the folder " + dir.string() +
                      " does not exist (create it first)");
    std::string pattern = (dir / ("." + target_.filename().string() + ".partXXXXXX")).string();
    if (kind_ == Kind::File) {
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0)
            throw IoError("cannot write in " + dir.string() + ": " + std::strerror(errno) +
                          " (choose a folder you can write to)");
        ::fchmod(fd, 0644);
        ::close(fd);
    } else {
        if (!::mkdtemp(pattern.data()))
            throw IoError("cannot write in " + dir.string() + ": " + std::strerror(errno) +
                          " (choose a folder you can write to)");
        ::chmod(pattern.c_str(), 0755);
    }
    staging_ = pattern;
}

StagedOutput::~StagedOutput() {
    if (!committed_ && !staging_.empty()) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void StagedOutput::commit() {
    if (kind_ == Kind::File) {
        syncPath(staging_);
    } else {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(staging_, ec))
            syncPath(e.path());
    }
    std::error_code ec;
    const bool exists = fs::exists(fs::symlink_status(target_, ec));
    if (exists && !overwrite_)
        throw IoError(existsMessage(target_));
    if (kind_ == Kind::Directory && exists) {
        // rename() cannot replace a non-empty folder: move the old one aside first, drop it after.
        fs::path old = staging_;
        old += ".old";
        if (::rename(target_.c_str(), old.c_str()) != 0)
            throw IoError("cannot replace " + target_.string() + ": " + std::strerror(errno));
        if (::rename(staging_.c_str(), target_.c_str()) != 0) {
            const int err = errno;
            ::rename(old.c_str(), target_.c_str());
            throw IoError("cannot create " + target_.string() + ": " + std::strerror(err));
        }
        committed_ = true;
        fs::remove_all(old, ec);
        return;
    }
    if (::rename(staging_.c_str(), target_.c_str()) != 0)
        throw IoError("cannot create " + target_.string() + ": " + std::strerror(errno));
    committed_ = true;
}

} // namespace i2v
