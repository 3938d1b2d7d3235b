// Pillow 9.4.0 Image.Exif.load / TiffImagePlugin.ImageFileDirectory_v2 (just IFD0's Orientation) and
// ImageOps.exif_transpose with Image.transpose's seven methods (src/libImaging/Geometry.c).
#include "image/ExifOrientation.h"

#include <cstring>
#include <regex>

namespace i2v {
namespace {

struct TiffReader {
    const uint8_t* p;
    size_t n;
    bool little;
    bool ok(size_t off, size_t len) const { return off <= n && len <= n - off; }
    uint32_t u16(size_t off) const {
        return little ? (p[off] | (p[off + 1] << 8)) : ((p[off] << 8) | p[off + 1]);
    }
    uint32_t u32(size_t off) const {
        return little ? (uint32_t(p[off]) | (uint32_t(p[off + 1]) << 8) | (uint32_t(p[off + 2]) << 16) |
                         (uint32_t(p[off + 3]) << 24))
                      : ((uint32_t(p[off]) << 24) | (uint32_t(p[off + 1]) << 16) | (uint32_t(p[off + 2]) << 8) |
                         uint32_t(p[off + 3]));
    }
};

} // namespace

int exifOrientation(const uint8_t* data, size_t size) {
    if (!data)
        return 1;
    if (size >= 6 && std::memcmp(data, "Exif\0\0", 6) == 0) {
        data += 6;
        size -= 6;
    }
    if (size < 8)
        return 1;
    TiffReader r{data, size, true};
    if (std::memcmp(data, "II\x2a\0", 4) == 0)
        r.little = true;
    else if (std::memcmp(data, "MM\0\x2a", 4) == 0)
        r.little = false;
    else
        return 1;
    const uint32_t ifd = r.u32(4);
    if (!r.ok(ifd, 2))
        return 1;
    const uint32_t count = r.u16(ifd);
    for (uint32_t i = 0; i < count; ++i) {
        const size_t e = ifd + 2 + size_t(i) * 12;
        if (!r.ok(e, 12))
            return 1;
        if (r.u16(e) != 0x0112)
            continue;
        const uint32_t type = r.u16(e + 2), n = r.u32(e + 4);
        if (n != 1)
            return 1;  // PIL returns a tuple then, which matches no transpose method
        uint32_t v = 0;
        if (type == 3 || type == 8)       // SHORT / SSHORT
            v = r.u16(e + 8);
        else if (type == 4 || type == 9)  // LONG / SLONG
            v = r.u32(e + 8);
        else if (type == 1 || type == 6)  // BYTE / SBYTE
            v = data[e + 8];
        else
            return 1;
        return (v >= 1 && v <= 8) ? static_cast<int>(v) : 1;
    }
    return 1;
}

int xmpOrientation(const std::string& xmp) {
    static const std::regex re("tiff:Orientation(=\"|>)([0-9])");
    std::smatch m;
    if (std::regex_search(xmp, m, re)) {
        const int v = m[2].str()[0] - '0';
        return (v >= 1 && v <= 8) ? v : 1;
    }
    return 1;
}

RgbImage applyExifOrientation(const RgbImage& in, int orientation) {
    if (orientation < 2 || orientation > 8)
        return in;
    const int w = in.width, h = in.height;
    const bool swap = orientation >= 5;
    RgbImage out(swap ? h : w, swap ? w : h);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            int sx = x, sy = y;
            switch (orientation) {
            case 2: sx = w - 1 - x; break;                     // FLIP_LEFT_RIGHT
            case 3: sx = w - 1 - x; sy = h - 1 - y; break;     // ROTATE_180
            case 4: sy = h - 1 - y; break;                     // FLIP_TOP_BOTTOM
            case 5: sx = y; sy = x; break;                     // TRANSPOSE
            case 6: sx = y; sy = h - 1 - x; break;             // ROTATE_270 (90 degrees clockwise)
            case 7: sx = w - 1 - y; sy = h - 1 - x; break;     // TRANSVERSE
            case 8: sx = w - 1 - y; sy = x; break;             // ROTATE_90 (counter-clockwise)
            }
            std::memcpy(out.at(x, y), in.at(sx, sy), 3);
        }
    return out;
}

} // namespace i2v
