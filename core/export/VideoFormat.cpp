// Names and extensions of the export formats; kept free of FFmpeg so the CLI and GUI can list them
// in any build.
#include "export/VideoFormat.h"

#include "util/Errors.h"

#include <algorithm>
#include <cctype>

namespace i2v {

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}
} // namespace

std::vector<VideoFormat> allVideoFormats() {
    return {VideoFormat::Mp4H264, VideoFormat::WebmVp9,   VideoFormat::Gif,    VideoFormat::PngSequence,
            VideoFormat::MovProRes, VideoFormat::Mp4Av1, VideoFormat::WebmAv1};
}

std::string formatName(VideoFormat f) {
    switch (f) {
    case VideoFormat::Mp4H264: return "mp4";
    case VideoFormat::WebmVp9: return "webm";
    case VideoFormat::Gif: return "gif";
    case VideoFormat::PngSequence: return "png";
    case VideoFormat::MovProRes: return "mov";
    case VideoFormat::Mp4Av1: return "mp4-av1";
    case VideoFormat::WebmAv1: return "webm-av1";
    }
    return "?";
}

std::string formatDescription(VideoFormat f) {
    switch (f) {
    case VideoFormat::Mp4H264: return "MP4 (H.264)";
    case VideoFormat::WebmVp9: return "WebM (VP9)";
    case VideoFormat::Gif: return "Animated GIF";
    case VideoFormat::PngSequence: return "PNG sequence (lossless)";
    case VideoFormat::MovProRes: return "QuickTime (ProRes 422)";
    case VideoFormat::Mp4Av1: return "MP4 (AV1)";
    case VideoFormat::WebmAv1: return "WebM (AV1)";
    }
    return "?";
}

std::string formatExtension(VideoFormat f) {
    switch (f) {
    case VideoFormat::Mp4H264:
    case VideoFormat::Mp4Av1: return ".mp4";
    case VideoFormat::WebmVp9:
    case VideoFormat::WebmAv1: return ".webm";
    case VideoFormat::Gif: return ".gif";
    case VideoFormat::PngSequence: return "";
    case VideoFormat::MovProRes: return ".mov";
    }
    return "";
}

VideoFormat parseVideoFormat(const std::string& name) {
    const std::string n = lower(name);
    std::string valid;
    for (VideoFormat f : allVideoFormats()) {
        if (formatName(f) == n)
            return f;
        valid += (valid.empty() ? "" : ", ") + formatName(f);
    }
    throw InputError("unknown video format '" + name + "' (use one of: " + valid + ")");
}

VideoFormat formatForPath(const std::filesystem::path& path) {
    const std::string ext = lower(path.extension().string());
    if (ext == ".mp4" || ext == ".m4v")
        return VideoFormat::Mp4H264;
    if (ext == ".webm")
        return VideoFormat::WebmVp9;
    if (ext == ".gif")
        return VideoFormat::Gif;
    if (ext == ".mov")
        return VideoFormat::MovProRes;
    if (ext.empty())
        return VideoFormat::PngSequence;
    throw InputError("cannot tell the video format from '" + path.string() +
                     "': use .mp4, .webm, .gif, .mov, or a folder name without extension for a PNG sequence");
}

} // namespace i2v
