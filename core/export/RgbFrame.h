// One video frame as the exporter takes it: 8-bit RGB, rows top to bottom, pixels interleaved (HWC).
// Plain bytes on purpose: the export interface must not depend on torch or Qt.
#pragma once
#include <cstdint>
#include <vector>

namespace i2v {

struct RgbFrame {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgb;  // width * height * 3 bytes

    RgbFrame() = default;
    RgbFrame(int w, int h) : width(w), height(h), rgb(static_cast<size_t>(w) * h * 3, 0) {}
    uint8_t* pixel(int x, int y) { return rgb.data() + (static_cast<size_t>(y) * width + x) * 3; }
    const uint8_t* pixel(int x, int y) const { return rgb.data() + (static_cast<size_t>(y) * width + x) * 3; }
};

// A clip: frames in display order, all of one size.
using VideoFrames = std::vector<RgbFrame>;

} // namespace i2v
