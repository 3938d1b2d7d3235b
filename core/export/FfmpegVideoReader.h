// The FFmpeg implementation behind readVideoInfo() and decodeVideo(). Free of libav headers.
#pragma once
#include "export/VideoExporter.h"

namespace i2v {

class FfmpegVideoReader {
public:
    static VideoInfo info(const std::filesystem::path& path);
    static VideoFrames decode(const std::filesystem::path& path, int maxFrames);
};

} // namespace i2v
