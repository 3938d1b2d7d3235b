// PngTextChunks: chunk walking and CRC32 per the PNG specification (section 5.3 and 11.3.4).
#include "export/PngTextChunks.h"

#include "util/Errors.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <iterator>

namespace i2v {

namespace {
const char kSignature[] = "\x89PNG\r\n\x1a\n";

uint32_t be32(const std::string& s, size_t at) {
    return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
           (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}
void putBe32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((v >> shift) & 0xff));
}
bool isPng(const std::string& png) { return png.size() >= 8 && std::memcmp(png.data(), kSignature, 8) == 0; }
} // namespace

uint32_t PngTextChunks::crc32(const std::string& bytes) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    uint32_t c = 0xffffffffu;
    for (unsigned char b : bytes)
        c = table[(c ^ b) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

std::string PngTextChunks::insert(const std::string& png, const Entries& entries) {
    // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
    constexpr size_t kAfterIhdr = 8 + 25;
    if (!isPng(png) || png.size() < kAfterIhdr || png.compare(12, 4, "IHDR") != 0)
        throw InputError("cannot add text to a PNG: the encoder output is not a PNG");
    std::string out = png.substr(0, kAfterIhdr);
    for (const auto& [key, text] : entries) {
        if (key.empty() || key.size() > 79)
            throw InputError("PNG text keyword '" + key + "' must be 1 to 79 characters");
        const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
        std::string body = (ascii ? "tEXt" : "iTXt") + key;
        body.push_back('\0');
        if (!ascii) {
            body.push_back('\0');  // not compressed
            body.push_back('\0');  // compression method
            body.push_back('\0');  // language tag: none
            body.push_back('\0');  // translated keyword: none
        }
        body += text;
        putBe32(out, static_cast<uint32_t>(body.size() - 4));
        out += body;
        putBe32(out, crc32(body));
    }
    out.append(png, kAfterIhdr, std::string::npos);
    return out;
}

PngTextChunks::Entries PngTextChunks::read(const std::string& png) {
    Entries out;
    if (!isPng(png))
        return out;
    size_t at = 8;
    while (at + 12 <= png.size()) {
        const uint32_t len = be32(png, at);
        if (len > png.size() - at - 12)
            break;  // truncated file: keep what was read
        const std::string type = png.substr(at + 4, 4);
        const std::string data = png.substr(at + 8, len);
        if (type == "tEXt") {
            const size_t nul = data.find('\0');
            if (nul != std::string::npos)
                out.emplace_back(data.substr(0, nul), data.substr(nul + 1));
        } else if (type == "iTXt") {
            const size_t nul = data.find('\0');
            if (nul != std::string::npos && nul + 2 < data.size() && data[nul + 1] == '\0') {
                const size_t lang = data.find('\0', nul + 3);
                const size_t trans = lang == std::string::npos ? lang : data.find('\0', lang + 1);
                if (trans != std::string::npos)
                    out.emplace_back(data.substr(0, nul), data.substr(trans + 1));
            }
        } else if (type == "IEND") {
            break;
        }
        at += 12 + len;
    }
    return out;
}

PngTextChunks::Entries PngTextChunks::readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("cannot read " + path.string() + ": " + std::strerror(errno));
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return read(bytes);
}

} // namespace i2v
