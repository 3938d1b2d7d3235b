// The output formats of video export, with their user-facing names ("mp4", "webm", "gif", "png",
// "mov", "mp4-av1", "webm-av1") and the codec each one uses.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace i2v {

enum class VideoFormat {
    Mp4H264,      // H.264 (libx264) in MP4, yuv420p, +faststart: plays everywhere
    WebmVp9,      // VP9 (libvpx-vp9) in WebM: browsers
    Gif,          // palette GIF (palettegen/paletteuse), loops forever
    PngSequence,  // a folder of lossless PNG frames, exact pixels
    MovProRes,    // ProRes 422 (prores_ks) in QuickTime: for editors
    Mp4Av1,       // AV1 (libsvtav1 or libaom-av1) in MP4
    WebmAv1,      // AV1 in WebM
};

std::vector<VideoFormat> allVideoFormats();
std::string formatName(VideoFormat f);          // "mp4", "webm", "gif", "png", "mov", "mp4-av1", "webm-av1"
std::string formatDescription(VideoFormat f);   // "MP4 (H.264)", ...
std::string formatExtension(VideoFormat f);     // ".mp4"; "" for the PNG folder
// Parses a name from formatName() (case-insensitive); throws InputError listing the valid names.
VideoFormat parseVideoFormat(const std::string& name);
// Picks the format for an output path by its extension (.mp4 -> H.264, .webm -> VP9, .gif, .mov,
// no extension -> PNG sequence folder); throws InputError for an unknown extension.
VideoFormat formatForPath(const std::filesystem::path& path);

} // namespace i2v
