#include "io/ModelFile.h"

#include "util/Errors.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace i2v {

namespace {

std::string mebibytes(std::uintmax_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

// checkModelFile's checks; the file's size.
std::uintmax_t checkedSize(const std::filesystem::path& path, std::uintmax_t maxBytes, const std::string& advice) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        const bool odd = ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory;
        const std::string why = odd ? " (" + ec.message() + ")" : std::string();
        throw ModelError(path.string() + " is missing" + why + ": " + advice);
    }
    if (!std::filesystem::is_regular_file(status))
        throw ModelError(path.string() + " is not a regular file (a folder, device, pipe or socket): " + advice);
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec)
        throw ModelError("cannot read " + path.string() + " (" + ec.message() + "): " + advice);
    if (size > maxBytes)
        throw ModelError(path.string() + " is " + mebibytes(size) + ", far larger than such a file can be (at most " +
                         mebibytes(maxBytes) + "): " + advice);
    return size;
}

} // namespace

void checkModelFile(const std::filesystem::path& path, std::uintmax_t maxBytes, const std::string& advice) {
    checkedSize(path, maxBytes, advice);
}

std::string readModelFile(const std::filesystem::path& path, std::uintmax_t maxBytes, const std::string& advice) {
    const std::uintmax_t size = checkedSize(path, maxBytes, advice);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelError("cannot read " + path.string() + " (" + std::strerror(errno) + "): " + advice);
    std::string data(static_cast<size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (in.bad())
        throw ModelError("cannot read " + path.string() + " (" + std::strerror(errno) + "): " + advice);
    data.resize(static_cast<size_t>(in.gcount()));  // shorter when the file shrank meanwhile
    return data;
}

} // namespace i2v
