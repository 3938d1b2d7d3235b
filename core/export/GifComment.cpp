// GifComment: writing and walking GIF89a blocks.
#include "export/GifComment.h"

#include <algorithm>

namespace i2v {

std::string GifComment::block(const std::string& text) {
    std::string out = "\x21\xfe";
    for (size_t at = 0; at < text.size(); at += 255) {
        const size_t n = std::min<size_t>(255, text.size() - at);
        out.push_back(static_cast<char>(n));
        out.append(text, at, n);
    }
    out.push_back('\0');
    return out;
}

GifComment::Parsed GifComment::parse(const std::string& g) {
    Parsed p;
    auto byte = [&](size_t i) { return static_cast<uint8_t>(g[i]); };
    if (g.size() < 13 || (g.compare(0, 6, "GIF87a") != 0 && g.compare(0, 6, "GIF89a") != 0))
        return p;
    size_t at = 13;
    if (byte(10) & 0x80)
        at += 3u * (1u << ((byte(10) & 7) + 1));
    // Reads data sub-blocks from `at`; returns their concatenation, or false if truncated.
    auto subBlocks = [&](std::string* data) {
        while (at < g.size()) {
            const size_t n = byte(at++);
            if (n == 0)
                return true;
            if (at + n > g.size())
                return false;
            if (data)
                data->append(g, at, n);
            at += n;
        }
        return false;
    };
    while (at < g.size()) {
        const uint8_t kind = byte(at++);
        if (kind == 0x3b) {
            p.complete = true;
            return p;
        }
        if (kind == 0x21) {
            if (at >= g.size())
                return p;
            const uint8_t label = byte(at++);
            std::string data;
            if (!subBlocks(&data))
                return p;
            if (label == 0xfe)
                p.comments.push_back(data);
            else if (label == 0xff && data.size() >= 14 && data.compare(0, 11, "NETSCAPE2.0") == 0 && data[11] == 1)
                p.loopCount = static_cast<uint8_t>(data[12]) | (static_cast<uint8_t>(data[13]) << 8);
        } else if (kind == 0x2c) {
            if (at + 9 > g.size())
                return p;
            const uint8_t packed = byte(at + 8);
            at += 9;
            if (packed & 0x80)
                at += 3u * (1u << ((packed & 7) + 1));
            ++at;  // LZW minimum code size
            if (at > g.size() || !subBlocks(nullptr))
                return p;
            ++p.frames;
        } else {
            return p;
        }
    }
    return p;
}

} // namespace i2v
