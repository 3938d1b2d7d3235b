// PNG through libpng, reproducing Pillow 9.4 PngImagePlugin + convert("RGB"): rows are read raw (no libpng
// transformations) and unpacked as Pillow's rawmodes do — grey 1/2/4-bit scaled to 0..255, grey 16-bit
// opened as mode "I" whose convert("RGB") CLIPS to 255 (min(v, 255), not v >> 8), 16-bit colour/alpha
// keeping the high byte, palette lookup with Pillow's grey ramp for indices past the PLTE, alpha and tRNS
// dropped without compositing. Orientation from eXIf (before or after IDAT), ImageMagick's
// "Raw profile type exif" text, or XMP tiff:Orientation, in PIL's order.
#include "image/ExifOrientation.h"
#include "image/ImageDecoders.h"
#include "util/Errors.h"

#ifdef I2V_HAVE_PNG
#include <png.h>
#endif

#include <cstring>

namespace i2v {

#ifndef I2V_HAVE_PNG
DecodedImage decodePng(const DecodeRequest& r) {
    throwCodecMissing(r, "PNG");
}
#else
namespace {

struct PngContext {
    png_structp png = nullptr;
    png_infop info = nullptr;
    png_infop endInfo = nullptr;
    const uint8_t* data = nullptr;
    size_t size = 0;
    size_t pos = 0;
    char message[256] = {0};
    ~PngContext() {
        if (png)
            png_destroy_read_struct(&png, info ? &info : nullptr, endInfo ? &endInfo : nullptr);
    }
};

void pngError(png_structp png, png_const_charp msg) {
    auto* ctx = static_cast<PngContext*>(png_get_error_ptr(png));
    std::snprintf(ctx->message, sizeof(ctx->message), "%s", msg ? msg : "unknown libpng error");
    png_longjmp(png, 1);
}

void pngWarning(png_structp, png_const_charp) {}  // Pillow ignores what libpng only warns about

void pngRead(png_structp png, png_bytep out, png_size_t length) {
    auto* ctx = static_cast<PngContext*>(png_get_io_ptr(png));
    if (ctx->size - ctx->pos < length)
        png_error(png, "the file ends early (truncated)");
    std::memcpy(out, ctx->data + ctx->pos, length);
    ctx->pos += length;
}

// setjmp lives in these two functions, whose frames hold only trivially destructible locals, so a
// longjmp from libpng skips no destructor; the PngContext (RAII) is owned by the caller.
bool readHeader(PngContext& c) {
    if (setjmp(png_jmpbuf(c.png)))
        return false;
    png_set_read_fn(c.png, &c, pngRead);
    png_set_user_limits(c.png, 0x7fffffff, 0x7fffffff);  // our own pixel limit applies instead
    png_read_info(c.png, c.info);
    png_set_interlace_handling(c.png);
    png_read_update_info(c.png, c.info);
    return true;
}

bool readImage(PngContext& c, png_bytepp rows) {
    if (setjmp(png_jmpbuf(c.png)))
        return false;
    png_read_image(c.png, rows);
    png_read_end(c.png, c.endInfo);
    return true;
}

int orientationOf(const PngContext& c) {
    for (png_infop info : {c.info, c.endInfo}) {
        png_uint_32 n = 0;
        png_bytep exif = nullptr;
        if (png_get_eXIf_1(c.png, info, &n, &exif) && exif && n > 0)
            return exifOrientation(exif, n);
    }
    int xmp = 1;
    for (png_infop info : {c.info, c.endInfo}) {
        png_textp text = nullptr;
        int num = 0;
        png_get_text(c.png, info, &text, &num);
        for (int i = 0; i < num; ++i) {
            const std::string key = text[i].key ? text[i].key : "";
            const std::string value(text[i].text ? text[i].text : "", text[i].text_length ? text[i].text_length
                                                                                           : text[i].itxt_length);
            if (key == "Raw profile type exif") {
                // "\nexif\n    <length>\n<hex lines>": PIL joins lines 3.. and reads them as hex.
                std::string hex;
                size_t lines = 0;
                for (char ch : value) {
                    if (ch == '\n') {
                        ++lines;
                        continue;
                    }
                    if (lines >= 3)
                        hex += ch;
                }
                std::vector<uint8_t> bytes;
                for (size_t k = 0; k + 1 < hex.size(); k += 2) {
                    auto nib = [](char h) { return h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10; };
                    bytes.push_back(static_cast<uint8_t>(nib(hex[k]) * 16 + nib(hex[k + 1])));
                }
                return exifOrientation(bytes.data(), bytes.size());
            }
            if (key == "XML:com.adobe.xmp" && xmp == 1)
                xmp = xmpOrientation(value);
        }
    }
    return xmp;
}

} // namespace

DecodedImage decodePng(const DecodeRequest& r) {
    // The IHDR is the first chunk: check the size from it before libpng reads anything further.
    if (r.size >= 24 && std::memcmp(r.data + 12, "IHDR", 4) == 0) {
        auto be32 = [&](size_t o) {
            return (uint32_t(r.data[o]) << 24) | (uint32_t(r.data[o + 1]) << 16) | (uint32_t(r.data[o + 2]) << 8) |
                   uint32_t(r.data[o + 3]);
        };
        checkImageSize(r, be32(16), be32(20), "PNG");
    }
    PngContext c;
    c.data = r.data;
    c.size = r.size;
    c.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &c, pngError, pngWarning);
    if (!c.png)
        throw OutOfMemory("not enough memory to start reading " + r.name);
    c.info = png_create_info_struct(c.png);
    c.endInfo = png_create_info_struct(c.png);
    if (!c.info || !c.endInfo)
        throw OutOfMemory("not enough memory to start reading " + r.name);
    // libpng reads the IHDR right after the signature, so the size check below precedes any pixel data.
    if (!readHeader(c))
        throw InputError(r.name + " is a damaged PNG file (" + c.message + "); re-export it from an image editor");
    const uint32_t w = png_get_image_width(c.png, c.info), h = png_get_image_height(c.png, c.info);
    checkImageSize(r, w, h, "PNG");
    const int depth = png_get_bit_depth(c.png, c.info);
    const int colorType = png_get_color_type(c.png, c.info);
    const size_t rowBytes = png_get_rowbytes(c.png, c.info);

    std::vector<uint8_t> raw(rowBytes * h);
    std::vector<png_bytep> rows(h);
    for (uint32_t y = 0; y < h; ++y)
        rows[y] = raw.data() + rowBytes * y;
    if (!readImage(c, rows.data()))
        throw InputError(r.name + " is a damaged or truncated PNG file (" + c.message +
                         "); re-export it from an image editor");

    DecodedImage out;
    out.image = RgbImage(static_cast<int>(w), static_cast<int>(h));
    uint8_t palette[256][3];
    for (int i = 0; i < 256; ++i)
        palette[i][0] = palette[i][1] = palette[i][2] = static_cast<uint8_t>(i);
    if (colorType == PNG_COLOR_TYPE_PALETTE) {
        png_colorp plte = nullptr;
        int n = 0;
        if (png_get_PLTE(c.png, c.info, &plte, &n))
            for (int i = 0; i < n && i < 256; ++i) {
                palette[i][0] = plte[i].red;
                palette[i][1] = plte[i].green;
                palette[i][2] = plte[i].blue;
            }
    }
    for (uint32_t y = 0; y < h; ++y) {
        const uint8_t* s = rows[y];
        uint8_t* d = out.image.row(static_cast<int>(y));
        for (uint32_t x = 0; x < w; ++x, d += 3) {
            switch (colorType) {
            case PNG_COLOR_TYPE_GRAY:
            case PNG_COLOR_TYPE_PALETTE: {
                unsigned v;
                if (depth == 16) {
                    v = (s[2 * x] << 8) | s[2 * x + 1];
                    v = v > 255 ? 255 : v;  // mode "I" -> "RGB" clips
                } else if (depth == 8) {
                    v = s[x];
                } else {
                    const unsigned perByte = 8 / depth, mask = (1u << depth) - 1;
                    v = (s[x / perByte] >> (8 - depth * (x % perByte + 1))) & mask;
                    if (colorType == PNG_COLOR_TYPE_GRAY)
                        v = v * (255 / mask);  // "1": 0/255, "L;2": *85, "L;4": *17
                }
                if (colorType == PNG_COLOR_TYPE_PALETTE) {
                    std::memcpy(d, palette[v], 3);
                } else {
                    d[0] = d[1] = d[2] = static_cast<uint8_t>(v);
                }
                break;
            }
            case PNG_COLOR_TYPE_RGB:
            case PNG_COLOR_TYPE_RGB_ALPHA: {
                const unsigned ch = colorType == PNG_COLOR_TYPE_RGB ? 3 : 4, bps = depth / 8;
                const uint8_t* p = s + size_t(x) * ch * bps;
                d[0] = p[0];
                d[1] = p[bps];
                d[2] = p[2 * bps];  // 16-bit: the first (high) byte of each big-endian sample
                break;
            }
            case PNG_COLOR_TYPE_GRAY_ALPHA: {
                const unsigned bps = depth / 8;
                d[0] = d[1] = d[2] = s[size_t(x) * 2 * bps];
                break;
            }
            default:
                throw InputError(r.name + " has an unknown PNG colour type " + std::to_string(colorType));
            }
        }
    }
    out.orientation = orientationOf(c);
    return out;
}
#endif

} // namespace i2v
