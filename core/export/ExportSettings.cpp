// Names, parsing and validation of ExportSettings, shared by the CLI flags and the GUI combo boxes.
#include "export/ExportSettings.h"

#include "util/Errors.h"

#include <cmath>
#include <cstdio>

namespace i2v {

namespace {
template <typename E, size_t N>
E parseName(const std::string& name, const std::pair<const char*, E> (&table)[N], const char* what) {
    std::string valid;
    for (const auto& [n, e] : table) {
        if (name == n)
            return e;
        valid += (valid.empty() ? "" : ", ") + std::string(n);
    }
    throw InputError("unknown " + std::string(what) + " '" + name + "' (use one of: " + valid + ")");
}
template <typename E, size_t N>
std::string nameOf(E e, const std::pair<const char*, E> (&table)[N]) {
    for (const auto& [n, v] : table)
        if (v == e)
            return n;
    return "?";
}

const std::pair<const char*, Interpolation> kInterpolations[] = {
    {"none", Interpolation::None}, {"blend", Interpolation::Blend}, {"motion", Interpolation::Motion}};
const std::pair<const char*, LoopMode> kLoops[] = {
    {"once", LoopMode::Once}, {"repeat", LoopMode::Repeat}, {"pingpong", LoopMode::PingPong}};
const std::pair<const char*, GifDither> kDithers[] = {{"none", GifDither::None},
                                                      {"bayer", GifDither::Bayer},
                                                      {"floyd_steinberg", GifDither::FloydSteinberg},
                                                      {"sierra", GifDither::Sierra}};
// "8", "23.976": a rate as a person writes it (std::to_string gave "8.000000").
std::string rateText(double fps) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", fps);
    return text;
}

} // namespace

std::string interpolationName(Interpolation i) { return nameOf(i, kInterpolations); }
Interpolation parseInterpolation(const std::string& n) { return parseName(n, kInterpolations, "interpolation"); }
std::string loopModeName(LoopMode m) { return nameOf(m, kLoops); }
LoopMode parseLoopMode(const std::string& n) { return parseName(n, kLoops, "loop mode"); }
std::string gifDitherName(GifDither d) { return nameOf(d, kDithers); }
GifDither parseGifDither(const std::string& n) { return parseName(n, kDithers, "GIF dithering"); }

void validateSettings(const ExportSettings& s) {
    if (!(s.fps >= 1.0 && s.fps <= 240.0))
        throw InputError("output fps " + rateText(s.fps) + " is out of range (use 1 to 240)");
    if (s.quality < 0 || s.quality > 100)
        throw InputError("quality " + std::to_string(s.quality) + " is out of range (use 0 to 100)");
    if (s.interpolation != Interpolation::None) {
        if (!(s.interpolatedFps > s.fps && s.interpolatedFps <= 240.0))
            throw InputError("interpolated fps " + rateText(s.interpolatedFps) + " must be above the clip's fps " +
                             rateText(s.fps) + " and at most 240");
    }
    if (s.format == VideoFormat::Gif && s.outputFps() > 50.0)
        throw InputError("GIF cannot play faster than 50 fps (its frame delays are whole hundredths of a second "
                         "and browsers slow down shorter ones): choose at most 50 fps or another format");
    if (s.loop == LoopMode::Repeat && (s.repeatCount < 1 || s.repeatCount > 100))
        throw InputError("repeat count " + std::to_string(s.repeatCount) + " is out of range (use 1 to 100)");
}

} // namespace i2v
