// The FFmpeg implementation behind readVideoInfo(), decodeVideo() and decodeLastVideoFrame(). Free of libav headers.
#pragma once
#include "export/VideoExporter.h"

#include <optional>

namespace i2v {

class FfmpegVideoReader {
public:
    static VideoInfo info(const std::filesystem::path& path);
    static VideoFrames decode(const std::filesystem::path& path, int maxFrames);
    static std::optional<RgbFrame> decodeLast(const std::filesystem::path& path);
};

} // namespace i2v
