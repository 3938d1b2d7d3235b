// The narrow public interface of video export (like OBS's obs-ffmpeg: one unit, few calls).
// Everything FFmpeg lives in core/export/Ffmpeg*.cpp; a build without FFmpeg still links and reports
// "this build has no FFmpeg" from these calls.
//
// exportVideo() does everything: checks settings and frames, builds the frame order (loop mode),
// interpolates, converts colour, encodes, muxes with the parameters embedded, and writes through a
// temporary in the target directory that is renamed on success and removed on any failure or cancel.
#pragma once
#include "export/ExportMetadata.h"
#include "export/ExportSettings.h"
#include "export/RgbFrame.h"
#include "export/VideoFormat.h"
#include "export/VideoInfo.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace i2v {

class CancelToken;

// Called after each written frame: done in 1..total.
using ExportProgress = std::function<void(int done, int total)>;

struct FormatSupport {
    VideoFormat format;
    bool available = false;
    std::string encoder;  // the encoder that would be used, e.g. "libx264"
    std::string reason;   // why not available, e.g. "libsvtav1 is not available in this FFmpeg build"
};

struct ExportResult {
    std::filesystem::path path;  // the final file (or folder for a PNG sequence)
    std::string encoder;         // encoder used
    int width = 0;               // written size (after even padding, see ExportSettings.h)
    int height = 0;
    int frames = 0;              // frames written (after loop mode and interpolation)
    double fps = 0.0;
};

bool haveVideoExport();  // false in a build without FFmpeg
// Every format with whether this build/FFmpeg can write it (for the GUI's format list).
std::vector<FormatSupport> formatSupport();
std::vector<VideoFormat> availableFormats();

// FFmpeg's log level is FFmpeg's own process-wide setting: the application sets it once at start-up.
// Not verbose: errors only (x264 and the muxers otherwise print statistics for every export).
void setVideoExportVerbose(bool verbose);

// Frames written for `inputFrames` frames with these settings (loop mode and interpolation applied).
int exportedFrameCount(int inputFrames, const ExportSettings& settings);

// Writes `frames` to `destination` (a file; a folder for PngSequence, frames named frame_0001.png...).
// Throws InputError (bad settings or frames, encoder not available), IoError (destination exists
// without settings.overwrite, unwritable directory, disk full, encoder failure; the message names
// the path and the reason), Cancelled (cancel token set; checked per frame). Never leaves a partial
// file behind.
ExportResult exportVideo(const VideoFrames& frames, const ExportSettings& settings, const ExportMetadata& parameters,
                         const std::filesystem::path& destination, const CancelToken* cancel = nullptr,
                         const ExportProgress& progress = {});

// Reads format, codec, size, frame count, fps, duration, colour tags and the embedded parameters of a
// video file or PNG-sequence folder. Throws IoError when it cannot be read.
VideoInfo readVideoInfo(const std::filesystem::path& path);

// Decodes a video (or PNG-sequence folder) back to RGB frames, converting with the colour matrix and
// range the file is tagged with. At most maxFrames frames when maxFrames >= 0.
VideoFrames decodeVideo(const std::filesystem::path& path, int maxFrames = -1);
// The last frame of a video (or PNG-sequence folder), converted as decodeVideo() converts; memory stays one
// frame whatever the length. Nothing when the file holds no frame; IoError when it cannot be read.
std::optional<RgbFrame> decodeLastVideoFrame(const std::filesystem::path& path);

} // namespace i2v
