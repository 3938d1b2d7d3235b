// What `readVideoInfo` finds in an exported file (or any video FFmpeg can open): the stream facts
// and the generation parameters embedded by the exporter. `i2v info` prints it.
#pragma once
#include "export/ExportMetadata.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace i2v {

struct VideoInfo {
    std::filesystem::path path;
    std::string container;     // "mp4", "mov", "webm", "gif", "png sequence", "png"
    std::string codec;         // FFmpeg codec name: "h264", "vp9", "av1", "prores", "gif", "png"
    std::string codecProfile;  // e.g. "High", "Standard"; may be empty
    std::string pixelFormat;   // "yuv420p", "rgb24", ...
    int width = 0;
    int height = 0;
    int64_t frames = 0;        // counted from the packets, not estimated
    double fps = 0.0;
    double durationSeconds = 0.0;
    std::string colorRange;      // "tv", "pc", "unknown"
    std::string colorSpace;      // "bt709", ...
    std::string colorPrimaries;
    std::string colorTransfer;
    bool loopsForever = false;   // GIF with a NETSCAPE loop count of 0
    std::map<std::string, std::string> tags;  // container/PNG text tags as read (JSON text included)
    ExportMetadata parameters;                // parsed from the embedded JSON; empty if none
    bool hasParameters = false;
};

} // namespace i2v
