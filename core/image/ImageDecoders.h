// The per-format decoders behind ImageLoader. Each turns a whole file in memory into the RGB picture
// Pillow 9.4 produces for Image.open(f).convert("RGB") (before exif_transpose, which ImageLoader applies
// from `orientation`). Each checks `maxPixels` from the header before decoding any pixel data and throws
// InputError naming `name` for damaged, truncated or unsupported data; a codec missing from the build
// throws InputError saying so.
#pragma once
#include "image/RgbImage.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

struct DecodedImage {
    RgbImage image;                     // as stored, orientation not applied
    int orientation = 1;                // EXIF/TIFF orientation 1..8
    int frameCount = 1;                 // > 1: animated, only the first frame was decoded
    std::vector<std::string> warnings;  // things the user may want to know (dropped alpha is not one)
};

struct DecodeRequest {
    const uint8_t* data = nullptr;
    size_t size = 0;
    std::string name;       // file name or "pasted image", for messages
    uint64_t maxPixels = 0; // refuse larger images before decoding
};

DecodedImage decodePng(const DecodeRequest& request);
DecodedImage decodeJpeg(const DecodeRequest& request);
DecodedImage decodeWebp(const DecodeRequest& request);
DecodedImage decodeBmp(const DecodeRequest& request);
DecodedImage decodeTiff(const DecodeRequest& request);
DecodedImage decodeGif(const DecodeRequest& request);  // first frame; frameCount counts them all

// Shared by the decoders: the InputError for a format whose codec this build lacks, naming the formats it reads.
[[noreturn]] void throwCodecMissing(const DecodeRequest& request, const char* format);

// Shared by the decoders: throws InputError when width x height is empty or above request.maxPixels.
void checkImageSize(const DecodeRequest& request, uint64_t width, uint64_t height, const char* format);

// Pillow's CMYK -> RGB (Convert.c cmyk2rgb): nk = 255 - k; channel = clip(nk - (c * nk) / 255 rounded).
void cmykToRgb(const uint8_t* cmyk, uint8_t* rgb, size_t pixels);

} // namespace i2v
