// The FFmpeg implementation behind exportVideo(): loop order, filter graph (interpolation, colour,
// palette), encoder, muxer or PNG files, metadata, staged write. Free of libav headers.
#pragma once
#include "export/VideoExporter.h"

namespace i2v {

class FfmpegVideoWriter {
public:
    static ExportResult write(const VideoFrames& frames, const ExportSettings& settings,
                              const ExportMetadata& parameters, const std::filesystem::path& destination,
                              const CancelToken* cancel, const ExportProgress& progress);

    // The filter chain for these settings, as ffmpeg's -vf text (exposed for tests and logs).
    static std::string filterDescription(const ExportSettings& settings, const std::string& outputPixelFormat,
                                         bool yuvOutput);
};

} // namespace i2v
