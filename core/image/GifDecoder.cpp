// GIF, re-derived from Pillow 9.4 GifImagePlugin.py and GifDecode.c (no library): the first frame only, as
// Image.open(f).convert("RGB") gives it. The canvas is the logical screen (grown to hold the frame), filled
// with the frame's transparent index when it has one, else index 0; the frame's LZW data (interlaced or not)
// is drawn into its rectangle; indices map through the local palette, else the global one, and indices
// past the palette read Pillow's grey ramp. Transparency is dropped by convert("RGB"). Later frames are only
// counted, for the "only the first frame is used" warning.
#include "image/ImageDecoders.h"
#include "util/Errors.h"

#include <algorithm>
#include <array>

namespace i2v {
namespace {

uint32_t le16(const uint8_t* p) { return p[0] | (p[1] << 8); }

[[noreturn]] void damaged(const DecodeRequest& r, const std::string& why) {
    throw InputError(r.name + " is a damaged GIF file (" + why + "); re-export it from an image editor");
}

[[noreturn]] void truncated(const DecodeRequest& r) {
    throw InputError(r.name + " is a truncated GIF file (it ends too early, often an incomplete download); "
                              "download or export it again");
}

// Reads the bytes of a data sub-block chain (size byte, data, ..., 0) one at a time.
class SubBlockReader {
public:
    SubBlockReader(const DecodeRequest& r, size_t pos) : r_(r), pos_(pos) {}
    // Next data byte; false at the 0 terminator. Throws "truncated" at the end of the file.
    bool next(uint8_t& byte) {
        while (left_ == 0) {
            if (ended_)
                return false;
            if (pos_ >= r_.size)
                truncated(r_);
            left_ = r_.data[pos_++];
            if (left_ == 0) {
                ended_ = true;
                return false;
            }
        }
        if (pos_ >= r_.size)
            truncated(r_);
        --left_;
        byte = r_.data[pos_++];
        return true;
    }
    // Skips to just past the terminator (for counting later frames); false when the file ends first.
    bool skipToEnd() {
        if (ended_)
            return true;
        pos_ += left_;
        left_ = 0;
        while (pos_ < r_.size) {
            const uint8_t n = r_.data[pos_++];
            if (n == 0)
                return ended_ = true;
            pos_ += n;
        }
        return false;
    }
    size_t position() const { return pos_; }

private:
    const DecodeRequest& r_;
    size_t pos_;
    size_t left_ = 0;
    bool ended_ = false;
};

struct Frame {
    int x0 = 0, y0 = 0, w = 0, h = 0;
    bool interlaced = false;
    int transparency = -1;
    const uint8_t* localPalette = nullptr;
    int localColours = 0;
    int lzwBits = 0;
    size_t dataPos = 0;
};

// Scans blocks from `pos` to the next image descriptor (Pillow's _seek loop: extensions read, unknown
// bytes skipped). Returns false at the trailer or the end of the file.
bool nextFrame(const DecodeRequest& r, size_t& pos, Frame& f) {
    f.transparency = -1;
    while (pos < r.size) {
        const uint8_t tag = r.data[pos++];
        if (tag == ';')
            return false;
        if (tag == '!') {
            if (pos >= r.size)
                return false;
            const uint8_t label = r.data[pos++];
            if (label == 0xf9 && pos < r.size && r.data[pos] >= 4 && pos + 4 < r.size && (r.data[pos + 1] & 1))
                f.transparency = r.data[pos + 4];  // graphic control: flags, delay (2), transparent index
            SubBlockReader blocks(r, pos);
            if (!blocks.skipToEnd())
                return false;
            pos = blocks.position();
        } else if (tag == ',') {
            if (pos + 9 > r.size)
                truncated(r);
            const uint8_t* d = r.data + pos;
            f.x0 = int(le16(d));
            f.y0 = int(le16(d + 2));
            f.w = int(le16(d + 4));
            f.h = int(le16(d + 6));
            f.interlaced = d[8] & 64;
            pos += 9;
            f.localPalette = nullptr;
            f.localColours = 0;
            if (d[8] & 128) {
                f.localColours = 1 << ((d[8] & 7) + 1);
                if (pos + 3 * size_t(f.localColours) > r.size)
                    truncated(r);
                f.localPalette = r.data + pos;
                pos += 3 * size_t(f.localColours);
            }
            if (pos >= r.size)
                truncated(r);
            f.lzwBits = r.data[pos++];
            f.dataPos = pos;
            return true;
        }
        // anything else: Pillow skips the byte
    }
    return false;
}

// LZW as GifDecode.c: clear = 1 << bits, end = clear + 1, code width bits + 1 growing to 12 bits, no
// entries added once the table is full. Writes indices into `out` in drawing order; stops once `count`
// are written, at the end code or at the end of the data (the rest keeps the canvas' fill).
void decodeLzw(const DecodeRequest& r, const Frame& f, std::vector<uint8_t>& out, size_t count) {
    if (f.lzwBits < 1 || f.lzwBits > 8)
        damaged(r, "LZW code size " + std::to_string(f.lzwBits));
    const int clear = 1 << f.lzwBits, end = clear + 1;
    std::array<uint16_t, 4096> prefix{};
    std::array<uint8_t, 4096> suffix{}, first{};
    for (int i = 0; i < clear; ++i) {
        suffix[i] = uint8_t(i);
        first[i] = uint8_t(i);
    }
    std::vector<uint8_t> stack;
    stack.reserve(4096);
    SubBlockReader in(r, f.dataPos);
    int width = f.lzwBits + 1, next = clear + 2, prev = -1;
    uint32_t bitBuffer = 0;
    int bitCount = 0;
    while (out.size() < count) {
        while (bitCount < width) {
            uint8_t byte;
            if (!in.next(byte))
                return;
            bitBuffer |= uint32_t(byte) << bitCount;
            bitCount += 8;
        }
        const int code = int(bitBuffer & ((1u << width) - 1));
        bitBuffer >>= width;
        bitCount -= width;
        if (code == clear) {
            width = f.lzwBits + 1;
            next = clear + 2;
            prev = -1;
            continue;
        }
        if (code == end)
            return;
        int emit = code;
        uint8_t tail = 0;
        bool kwkwk = false;
        if (prev < 0) {
            if (code > clear)
                damaged(r, "LZW code " + std::to_string(code) + " before any data");
        } else if (code == next && next < 4096) {
            emit = prev;  // the string not yet in the table: prev + first(prev)
            tail = first[prev];
            kwkwk = true;
        } else if (code >= next) {
            damaged(r, "LZW code " + std::to_string(code) + " out of sequence");
        }
        stack.clear();
        if (kwkwk)
            stack.push_back(tail);
        for (int c = emit; ; c = prefix[c]) {
            stack.push_back(suffix[c]);
            if (c < clear)
                break;
        }
        for (auto it = stack.rbegin(); it != stack.rend() && out.size() < count; ++it)
            out.push_back(*it);
        if (prev >= 0 && next < 4096) {
            prefix[next] = uint16_t(prev);
            suffix[next] = kwkwk ? tail : first[code];
            first[next] = first[prev];
            ++next;
            if (next == (1 << width) && width < 12)
                ++width;
        }
        prev = code;
    }
}

} // namespace

DecodedImage decodeGif(const DecodeRequest& r) {
    if (r.size < 13)
        truncated(r);
    const uint8_t* d = r.data;
    int width = int(le16(d + 6)), height = int(le16(d + 8));
    size_t pos = 13;
    const uint8_t* globalPalette = nullptr;
    int globalColours = 0;
    if (d[10] & 128) {
        globalColours = 1 << ((d[10] & 7) + 1);
        if (pos + 3 * size_t(globalColours) > r.size)
            truncated(r);
        globalPalette = d + pos;
        pos += 3 * size_t(globalColours);
    }
    Frame f;
    if (!nextFrame(r, pos, f))
        damaged(r, "it holds no image");
    width = std::max(width, f.x0 + f.w);
    height = std::max(height, f.y0 + f.h);
    checkImageSize(r, uint64_t(width), uint64_t(height), "GIF");

    std::vector<uint8_t> canvas(size_t(width) * height, uint8_t(f.transparency >= 0 ? f.transparency : 0));
    std::vector<uint8_t> indices;
    const size_t count = size_t(f.w) * f.h;
    indices.reserve(count);
    decodeLzw(r, f, indices, count);
    // Rows in drawing order: interlaced frames come in four passes (every 8th row from 0, from 4, every
    // 4th from 2, every 2nd from 1).
    std::vector<int> rows;
    rows.reserve(size_t(f.h));
    if (f.interlaced) {
        for (auto [start, step] : {std::pair{0, 8}, std::pair{4, 8}, std::pair{2, 4}, std::pair{1, 2}})
            for (int y = start; y < f.h; y += step)
                rows.push_back(y);
    } else {
        for (int y = 0; y < f.h; ++y)
            rows.push_back(y);
    }
    for (size_t i = 0; i < indices.size(); ++i) {
        const int y = f.y0 + rows[i / size_t(f.w)], x = f.x0 + int(i % size_t(f.w));
        canvas[size_t(y) * width + x] = indices[i];
    }

    const uint8_t* palette = f.localPalette ? f.localPalette : globalPalette;
    const int colours = f.localPalette ? f.localColours : globalColours;
    DecodedImage out;
    out.image = RgbImage(width, height);
    for (size_t i = 0; i < canvas.size(); ++i) {
        const int k = canvas[i];
        for (int c = 0; c < 3; ++c)
            out.image.pixels[3 * i + c] = k < colours ? palette[3 * k + c] : uint8_t(k);
    }

    // Count the remaining frames (a damaged tail after the first frame only makes the count smaller).
    SubBlockReader rest(r, f.dataPos);
    if (rest.skipToEnd()) {
        pos = rest.position();
        Frame later;
        try {
            while (nextFrame(r, pos, later)) {
                ++out.frameCount;
                SubBlockReader blocks(r, later.dataPos);
                if (!blocks.skipToEnd())
                    break;
                pos = blocks.position();
            }
        } catch (const InputError&) {
        }
    }
    if (out.frameCount > 1)
        out.warnings.push_back(r.name + " is an animated GIF with " + std::to_string(out.frameCount) +
                               " frames; only the first frame is used");
    return out;
}

} // namespace i2v
