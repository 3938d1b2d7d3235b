// VideoExporter: the always-compiled front of export. Dispatches to the Ffmpeg* units when the build
// has FFmpeg and reports a clear error otherwise, so callers never need #ifdefs.
#include "export/VideoExporter.h"

#include "export/FrameSequence.h"
#include "util/Errors.h"

#ifdef I2V_HAVE_FFMPEG
#include "export/FfmpegCodecs.h"
#include "export/FfmpegVideoReader.h"
#include "export/FfmpegVideoWriter.h"
#endif

namespace i2v {

namespace {
[[noreturn, maybe_unused]] void noFfmpeg(const std::string& what) {
    throw IoError(what + ": this build has no FFmpeg, so video export is unavailable "
                         "(rebuild with the libavcodec/libavformat/libswscale/libavfilter dev packages)");
}
} // namespace

bool haveVideoExport() {
#ifdef I2V_HAVE_FFMPEG
    return true;
#else
    return false;
#endif
}

void setVideoExportVerbose(bool verbose) {
#ifdef I2V_HAVE_FFMPEG
    FfmpegCodecs::setVerbose(verbose);
#endif
}

std::vector<FormatSupport> formatSupport() {
    std::vector<FormatSupport> out;
    for (VideoFormat f : allVideoFormats()) {
#ifdef I2V_HAVE_FFMPEG
        out.push_back(FfmpegCodecs::support(f));
#else
        out.push_back({f, false, "", "this build has no FFmpeg: video export unavailable"});
#endif
    }
    return out;
}

std::vector<VideoFormat> availableFormats() {
    std::vector<VideoFormat> out;
    for (const auto& s : formatSupport())
        if (s.available)
            out.push_back(s.format);
    return out;
}

int exportedFrameCount(int inputFrames, const ExportSettings& s) {
    const int length = static_cast<int>(FrameSequence::order(inputFrames, s.loop, s.repeatCount).size());
    if (s.interpolation == Interpolation::None)
        return length;
    return FrameSequence::outputCount(length, s.fps, s.outputFps());
}

ExportResult exportVideo(const VideoFrames& frames, const ExportSettings& settings, const ExportMetadata& parameters,
                         const std::filesystem::path& destination, const CancelToken* cancel,
                         const ExportProgress& progress) {
#ifdef I2V_HAVE_FFMPEG
    return FfmpegVideoWriter::write(frames, settings, parameters, destination, cancel, progress);
#else
    noFfmpeg("cannot write " + destination.string());
#endif
}

VideoInfo readVideoInfo(const std::filesystem::path& path) {
#ifdef I2V_HAVE_FFMPEG
    return FfmpegVideoReader::info(path);
#else
    noFfmpeg("cannot read " + path.string());
#endif
}

VideoFrames decodeVideo(const std::filesystem::path& path, int maxFrames) {
#ifdef I2V_HAVE_FFMPEG
    return FfmpegVideoReader::decode(path, maxFrames);
#else
    noFfmpeg("cannot read " + path.string());
#endif
}

std::optional<RgbFrame> decodeLastVideoFrame(const std::filesystem::path& path) {
#ifdef I2V_HAVE_FFMPEG
    return FfmpegVideoReader::decodeLast(path);
#else
    noFfmpeg("cannot read " + path.string());
#endif
}

} // namespace i2v
