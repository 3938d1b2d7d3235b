// BMP, re-derived from Pillow 9.4 BmpImagePlugin.py (no library): OS/2 (12-byte) and Windows (40/64/108/124)
// headers, bottom-up and top-down rows, 1/4/8-bit palettes (indices past the palette read Pillow's grey
// ramp), 16-bit 5-5-5 and bitfield 5-6-5, 24-bit, 32-bit BGRX and the bitfield layouts Pillow accepts, RLE8
// and RLE4 following Pillow's own decoder loop. Anything else is refused as Pillow refuses it.
#include "image/ImageDecoders.h"
#include "util/Errors.h"

#include <algorithm>
#include <cstring>

namespace i2v {
namespace {

uint32_t le32(const uint8_t* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (uint32_t(p[3]) << 24); }
uint32_t le16(const uint8_t* p) { return p[0] | (p[1] << 8); }

[[noreturn]] void damaged(const DecodeRequest& r, const std::string& why) {
    throw InputError(r.name + " is a damaged or unsupported BMP file (" + why + "); re-export it as PNG");
}

// Pillow's BmpRleDecoder.decode: returns the index bytes (bottom row first), possibly short.
std::vector<uint8_t> decodeRle(const uint8_t* p, size_t n, size_t pos, int w, int h, bool rle4) {
    std::vector<uint8_t> data;
    const size_t total = size_t(w) * h;
    int x = 0;
    auto read = [&](size_t k, std::vector<uint8_t>& dst) {
        const size_t got = std::min(k, n > pos ? n - pos : 0);
        dst.assign(p + pos, p + pos + got);
        pos += got;
        return got;
    };
    std::vector<uint8_t> two, bytes;
    while (data.size() < total) {
        if (read(2, two) < 2)
            break;
        int count = two[0];
        const uint8_t byte = two[1];
        if (count) {
            if (x + count > w)
                count = std::max(0, w - x);
            for (int i = 0; i < count; ++i)
                data.push_back(rle4 ? ((i % 2 == 0) ? (byte >> 4) : (byte & 0x0f)) : byte);
            x += count;
        } else if (byte == 0) {  // end of line
            while (data.size() % w != 0)
                data.push_back(0);
            x = 0;
        } else if (byte == 1) {  // end of bitmap
            break;
        } else if (byte == 2) {  // delta: Pillow reads two bytes, checks them, then uses the next two
            if (read(2, bytes) < 2)
                break;
            if (read(2, bytes) < 2)
                break;
            data.insert(data.end(), size_t(bytes[0]) + size_t(bytes[1]) * w, 0);
            x = static_cast<int>(data.size() % w);
        } else {  // absolute run
            const size_t want = rle4 ? byte / 2 : byte;
            const size_t got = read(want, bytes);
            for (uint8_t b : bytes) {
                if (rle4) {
                    data.push_back(b >> 4);
                    data.push_back(b & 0x0f);
                } else {
                    data.push_back(b);
                }
            }
            if (got < want)
                break;
            x += byte;
            if (pos % 2 != 0)
                ++pos;
        }
    }
    return data;
}

} // namespace

DecodedImage decodeBmp(const DecodeRequest& r) {
    const uint8_t* p = r.data;
    const size_t n = r.size;
    if (n < 18 || p[0] != 'B' || p[1] != 'M')
        damaged(r, "the file header is incomplete");
    size_t offset = le32(p + 10);
    const uint32_t headerSize = le32(p + 14);
    size_t pos = 18;
    if (n < 14 + size_t(headerSize))
        damaged(r, "the bitmap header is incomplete");
    const uint8_t* hd = p + 18;  // header_data, after the size field
    uint64_t width = 0, height = 0;
    int bits = 0, direction = -1, paletteStride = 4;
    uint32_t compression = 0, colors = 0;
    uint32_t masks[4] = {0, 0, 0, 0};
    if (headerSize == 12) {
        width = le16(hd);
        height = le16(hd + 2);
        bits = static_cast<int>(le16(hd + 6));
        paletteStride = 3;
    } else if (headerSize == 40 || headerSize == 64 || headerSize == 108 || headerSize == 124) {
        const bool yFlip = hd[7] == 0xff;
        direction = yFlip ? 1 : -1;
        width = le32(hd);
        height = yFlip ? (uint64_t(1) << 32) - le32(hd + 4) : le32(hd + 4);
        bits = static_cast<int>(le16(hd + 10));
        compression = le32(hd + 12);
        colors = le32(hd + 28);
        if (compression == 3) {
            if (headerSize - 4 >= 52) {
                for (int i = 0; i < 4; ++i)
                    masks[i] = le32(hd + 36 + 4 * i);
            } else {
                if (n < 14 + size_t(headerSize) + 12)
                    damaged(r, "the colour masks are missing");
                for (int i = 0; i < 3; ++i)
                    masks[i] = le32(p + 14 + headerSize + 4 * i);
            }
        }
    } else {
        damaged(r, "header type " + std::to_string(headerSize) + " is not a BMP header");
    }
    pos = 14 + headerSize + ((headerSize == 40 && compression == 3) ? 12 : 0);
    checkImageSize(r, width, height, "BMP");
    if (colors == 0)
        colors = bits < 32 ? (1u << bits) : 0;
    if (offset == 14 + headerSize && bits <= 8)
        offset += 4 * size_t(colors);

    enum class Raw { Palette, Bgr15, Bgr16, Bgr, Bytes32 } raw;
    int rgbByte[3] = {2, 1, 0};  // byte of R, G, B inside a 32-bit pixel
    switch (bits) {
    case 1: case 4: case 8: raw = Raw::Palette; break;
    case 16: raw = Raw::Bgr15; break;
    case 24: raw = Raw::Bgr; break;
    case 32: raw = Raw::Bytes32; break;
    default: damaged(r, "a pixel depth of " + std::to_string(bits) + " bits is not supported");
    }
    bool rle = false;
    if (compression == 3) {
        const uint32_t rm = masks[0], gm = masks[1], bm = masks[2], am = masks[3];
        auto is = [&](uint32_t a, uint32_t b, uint32_t c) { return rm == a && gm == b && bm == c; };
        if (bits == 32) {
            if (is(0xff0000, 0xff00, 0xff) && (am == 0 || am == 0xff000000)) {
                // BGRX / BGRA
            } else if (is(0xff000000, 0xff0000, 0xff00) && (am == 0 || am == 0xff)) {
                rgbByte[0] = 3, rgbByte[1] = 2, rgbByte[2] = 1;  // XBGR / ABGR
            } else if (is(0xff, 0xff00, 0xff0000) && am == 0xff000000) {
                rgbByte[0] = 0, rgbByte[1] = 1, rgbByte[2] = 2;  // RGBA
            } else if (!is(0, 0, 0) || am != 0) {
                damaged(r, "its 32-bit colour masks are not a layout Pillow reads");
            }
        } else if (bits == 24 && is(0xff0000, 0xff00, 0xff)) {
        } else if (bits == 16 && is(0xf800, 0x7e0, 0x1f)) {
            raw = Raw::Bgr16;
        } else if (bits == 16 && is(0x7c00, 0x3e0, 0x1f)) {
        } else {
            damaged(r, "its colour masks are not a layout Pillow reads");
        }
    } else if (compression == 1 || compression == 2) {
        rle = true;
    } else if (compression != 0) {
        damaged(r, "compression type " + std::to_string(compression) + " is not supported");
    }

    uint8_t palette[256][3];
    for (int i = 0; i < 256; ++i)
        palette[i][0] = palette[i][1] = palette[i][2] = static_cast<uint8_t>(i);
    if (raw == Raw::Palette) {
        if (colors == 0 || colors > 65536)
            damaged(r, "palette size " + std::to_string(colors));
        for (uint32_t i = 0; i < colors && i < 256; ++i) {
            const size_t e = pos + size_t(i) * paletteStride;
            if (e + 3 > n)
                damaged(r, "the palette is cut short");
            palette[i][0] = p[e + 2];
            palette[i][1] = p[e + 1];
            palette[i][2] = p[e];
        }
    }

    DecodedImage out;
    const int w = static_cast<int>(width), h = static_cast<int>(height);
    out.image = RgbImage(w, h);
    auto put = [&](int x, int fileRow, const uint8_t rgb[3]) {
        const int y = direction == -1 ? h - 1 - fileRow : fileRow;
        std::memcpy(out.image.at(x, y), rgb, 3);
    };
    if (rle) {
        if (raw != Raw::Palette)
            damaged(r, "run-length compression needs a palette");
        const std::vector<uint8_t> idx = decodeRle(p, n, offset, w, h, compression == 2);
        if (idx.size() < size_t(w) * h)
            throw InputError(r.name + " is a truncated BMP file (not enough image data); download or copy it again");
        for (int fy = 0; fy < h; ++fy)
            for (int x = 0; x < w; ++x)
                put(x, fy, palette[idx[size_t(fy) * w + x]]);
        return out;
    }
    const size_t stride = ((size_t(w) * bits + 31) >> 3) & ~size_t(3);
    if (offset > n || (n - offset) / stride < size_t(h))
        throw InputError(r.name + " is a truncated BMP file (the pixel rows stop early); download or copy it again");
    for (int fy = 0; fy < h; ++fy) {
        const uint8_t* s = p + offset + stride * fy;
        for (int x = 0; x < w; ++x) {
            uint8_t rgb[3];
            switch (raw) {
            case Raw::Palette: {
                const int per = 8 / bits;
                const unsigned v = (s[x / per] >> (8 - bits * (x % per + 1))) & ((1u << bits) - 1);
                std::memcpy(rgb, palette[v], 3);
                break;
            }
            case Raw::Bgr15:
            case Raw::Bgr16: {
                const unsigned px = s[2 * x] | (s[2 * x + 1] << 8);
                rgb[2] = static_cast<uint8_t>((px & 31) * 255 / 31);
                if (raw == Raw::Bgr15) {
                    rgb[1] = static_cast<uint8_t>(((px >> 5) & 31) * 255 / 31);
                    rgb[0] = static_cast<uint8_t>(((px >> 10) & 31) * 255 / 31);
                } else {
                    rgb[1] = static_cast<uint8_t>(((px >> 5) & 63) * 255 / 63);
                    rgb[0] = static_cast<uint8_t>(((px >> 11) & 31) * 255 / 31);
                }
                break;
            }
            case Raw::Bgr:
                rgb[0] = s[3 * x + 2], rgb[1] = s[3 * x + 1], rgb[2] = s[3 * x];
                break;
            case Raw::Bytes32:
                for (int c = 0; c < 3; ++c)
                    rgb[c] = s[4 * x + rgbByte[c]];
                break;
            }
            put(x, fy, rgb);
        }
    }
    return out;
}

} // namespace i2v
