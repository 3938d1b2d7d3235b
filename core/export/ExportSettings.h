// How a clip is exported: format, playback rate, quality, frame interpolation, looping, GIF dithering.
// A plain value type with defaults (like whisper.cpp's params), filled by the CLI or the GUI.
//
// Policies stated once here:
// - fps is the playback rate of the frames given; it is independent of the model's fps conditioning.
//   Default 8, as VGen's own export.
// - quality 0..100 maps per codec (see FfmpegCodecs.cpp): x264 CRF 45..10, VP9 CRF 55..15,
//   AV1 CRF 55..18, ProRes profile Proxy/LT/Standard/HQ, GIF palette 16..256 colours; PNG is lossless.
// - Odd sizes: the YUV formats (mp4, webm, mov) pad an odd width/height to the next even number by
//   repeating the last column/row, because 4:2:0/4:2:2 chroma cannot describe odd sizes in H.264,
//   ProRes and SVT-AV1 (and many players mishandle it in VP9). GIF and PNG keep the exact size.
//   Nothing is ever scaled. Multiples of 16 are not needed: the encoders pad macroblocks internally.
// - Colour: YUV outputs are BT.709 (primaries, transfer, matrix) in limited ("tv") range, tagged so;
//   GIF and PNG are full-range sRGB.
#pragma once
#include "export/VideoFormat.h"

#include <string>

namespace i2v {

enum class Interpolation {
    None,    // frames shown as they are
    Blend,   // cross-fade neighbouring frames (FFmpeg's framerate filter): fast
    Motion,  // motion-compensated interpolation (FFmpeg's minterpolate, mci/aobmc/bidir): slower, smoother
};

enum class LoopMode {
    Once,      // the clip as is
    Repeat,    // the clip repeatCount times in a row
    PingPong,  // forwards then backwards (boomerang), without doubling the end frames
};

enum class GifDither { None, Bayer, FloydSteinberg, Sierra };

enum class EncoderSpeed { Fast, Balanced, Small };  // x264 preset veryfast/medium/slow and the like

struct ExportSettings {
    VideoFormat format = VideoFormat::Mp4H264;
    double fps = 8.0;           // playback rate of the given frames
    int quality = 80;           // 0 (smallest) .. 100 (best)
    EncoderSpeed speed = EncoderSpeed::Balanced;
    std::string encoder;        // FFmpeg encoder name to force (e.g. "libaom-av1"); empty = best available
    Interpolation interpolation = Interpolation::None;
    double interpolatedFps = 24.0;  // output rate when interpolating; must be above fps
    LoopMode loop = LoopMode::Once;
    int repeatCount = 2;        // plays of the clip with LoopMode::Repeat
    GifDither gifDither = GifDither::Sierra;
    bool overwrite = false;     // replace an existing output; otherwise an existing file is an error

    // The rate of the written video: interpolatedFps when interpolating, fps otherwise.
    double outputFps() const { return interpolation == Interpolation::None ? fps : interpolatedFps; }
};

std::string interpolationName(Interpolation i);   // "none", "blend", "motion"
Interpolation parseInterpolation(const std::string& name);
std::string loopModeName(LoopMode m);             // "once", "repeat", "pingpong"
LoopMode parseLoopMode(const std::string& name);
std::string gifDitherName(GifDither d);           // "none", "bayer", "floyd_steinberg", "sierra"
GifDither parseGifDither(const std::string& name);
// Throws InputError naming the bad value and its valid range.
void validateSettings(const ExportSettings& s);

} // namespace i2v
