// Text chunks in PNG files: the exporter stores the generation parameters of each frame as an iTXt
// chunk (UTF-8, so prompts in any language survive) right after IHDR, where viewers and `i2v info`
// look. Pure byte work, no libpng/FFmpeg, so it is unit-tested on its own.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace i2v {

class PngTextChunks {
public:
    using Entries = std::vector<std::pair<std::string, std::string>>;  // keyword -> text

    // `png` with one text chunk per entry inserted after IHDR: tEXt when the text is ASCII (read by
    // every PNG tool, FFmpeg 5.1 included), uncompressed iTXt (UTF-8) otherwise. Keywords are 1..79
    // Latin-1 characters (PNG rule). Throws InputError when `png` is not a PNG.
    static std::string insert(const std::string& png, const Entries& entries);
    // The tEXt and uncompressed iTXt chunks of `png`, in file order (compressed ones are skipped).
    static Entries read(const std::string& png);
    // read() of a file; throws IoError when it cannot be read.
    static Entries readFile(const std::filesystem::path& path);

    static uint32_t crc32(const std::string& bytes);
};

} // namespace i2v
