// RgbImage: an 8-bit RGB picture in memory (row-major, HWC, no padding) — the engine's equivalent of a
// PIL.Image in mode "RGB", which is what diffusers' load_image hands to I2VGenXLPipeline.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace i2v {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;  // width * height * 3 bytes, R G B per pixel, top row first

    RgbImage() = default;
    // A black image (what PIL's Image.new("RGB", size) gives).
    RgbImage(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 3, 0) {}

    bool empty() const { return width <= 0 || height <= 0; }
    size_t stride() const { return static_cast<size_t>(width) * 3; }
    uint8_t* row(int y) { return pixels.data() + static_cast<size_t>(y) * stride(); }
    const uint8_t* row(int y) const { return pixels.data() + static_cast<size_t>(y) * stride(); }
    uint8_t* at(int x, int y) { return row(y) + static_cast<size_t>(x) * 3; }
    const uint8_t* at(int x, int y) const { return row(y) + static_cast<size_t>(x) * 3; }

    friend bool operator==(const RgbImage& a, const RgbImage& b) {
        return a.width == b.width && a.height == b.height && a.pixels == b.pixels;
    }
    friend bool operator!=(const RgbImage& a, const RgbImage& b) { return !(a == b); }
};

} // namespace i2v
