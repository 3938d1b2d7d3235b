// The ranges a GenerationRequest's settings are checked against (GenerationRequest::validate), named once
// so that the command line, the desktop app's spin boxes and the validator agree. The defaults are the
// request's own member initialisers (diffusers' I2VGenXLPipeline.__call__ defaults): read them from a
// default-constructed GenerationRequest.
#pragma once

namespace i2v::limits {

template <class T> struct Range {
    T min, max;
    constexpr bool contains(T v) const { return v >= min && v <= max; }
};

inline constexpr Range<int> kSize{8, 4096};          // width and height, in pixels
inline constexpr int kSizeMultiple = 8;              // the VAE's scale factor of the real checkpoint; the
                                                     // pipeline checks the loaded model's own factor
inline constexpr Range<int> kFrames{1, 256};
inline constexpr Range<int> kSteps{1, 1000};
inline constexpr Range<double> kGuidance{0.0, 100.0};
inline constexpr Range<int> kFps{1, 240};            // the model's fps conditioning
inline constexpr Range<double> kEta{0.0, 1.0};
inline constexpr Range<int> kDecodeChunk{1, 256};    // frames per VAE decoder call

} // namespace i2v::limits
