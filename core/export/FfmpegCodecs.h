// Which FFmpeg encoder and muxer each export format uses, whether this FFmpeg build has them (checked
// at run time: Debian's and others' builds differ), and how the 0..100 quality and the speed map to
// each encoder's options. Free of libav headers (forward declarations only) so VideoExporter.cpp can
// include it.
#pragma once
#include "export/ExportSettings.h"
#include "export/VideoExporter.h"

#include <string>

struct AVCodecContext;
struct AVDictionary;

namespace i2v {

struct EncoderChoice {
    std::string encoder;      // "libx264"
    std::string muxer;        // "mp4", "webm", "gif", "mov"; empty for the PNG sequence
    std::string pixelFormat;  // "yuv420p", "yuv422p10le", "pal8", "rgb24"
    bool yuv = false;         // limited-range BT.709 YUV output (odd sizes padded to even)
};

class FfmpegCodecs {
public:
    static FormatSupport support(VideoFormat format);
    // The encoder for `s` at this frame size (settings.encoder when given). Throws InputError naming
    // the encoder when it is not available in this FFmpeg build or does not make the format's codec.
    static EncoderChoice choose(const ExportSettings& s, int width, int height);
    // Throws InputError("<name> is not available in this FFmpeg build ...") when it is missing.
    static void requireEncoder(const std::string& name);
    // Sets quality/speed/colour fields on `ctx` and private options in `*options` for the encoder.
    static void configure(AVCodecContext* ctx, AVDictionary** options, const EncoderChoice& c,
                          const ExportSettings& s);
    // FFmpeg's process-wide log level: info when verbose, errors only otherwise.
    static void setVerbose(bool verbose);
    // Piecewise-linear map of quality 0/50/80/100 to the given values (rounded).
    static int mapQuality(int quality, int at0, int at50, int at80, int at100);
};

} // namespace i2v
