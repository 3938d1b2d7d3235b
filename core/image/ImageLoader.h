// ImageLoader: reads the user's picture the way diffusers' load_image does (utils/loading_utils.py, v0.27.2):
// PIL.Image.open -> PIL.ImageOps.exif_transpose -> convert("RGB"), with Pillow 9.4's pixels for PNG, JPEG,
// WebP, GIF, BMP and TIFF (animated WebP and GIF: the first frame, with a warning). The format comes from
// the magic bytes, never the file name. Pictures above maxPixels are refused from their header, before any
// pixel is decoded (decompression bombs).
#pragma once
#include "image/RgbImage.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace i2v {

enum class ImageFormat { Unknown, Png, Jpeg, WebP, Bmp, Tiff, Gif };

const char* imageFormatName(ImageFormat format);

// The format the leading bytes announce (PNG signature, JPEG SOI, RIFF....WEBP, "BM", TIFF II*/MM*, GIF87a/89a).
ImageFormat detectImageFormat(const uint8_t* data, size_t size);

struct LoadedImage {
    RgbImage image;                     // orientation applied, alpha dropped, 8-bit RGB
    ImageFormat format = ImageFormat::Unknown;
    int storedWidth = 0, storedHeight = 0;  // before the EXIF rotation
    int exifOrientation = 1;            // 1..8 as found in the file (1: none)
    bool animated = false;              // only the first frame was read
    int frameCount = 1;
    std::vector<std::string> warnings;  // e.g. "only the first frame is used"
};

class ImageLoader {
public:
    // 100 megapixels: above Pillow's warning threshold (89.5 MP) and below its hard DecompressionBombError
    // limit (179 MP), and ~300 MB of RGB — more than any video model input needs.
    static constexpr uint64_t kDefaultMaxPixels = 100'000'000;

    explicit ImageLoader(uint64_t maxPixels = kDefaultMaxPixels) : maxPixels_(maxPixels) {}
    uint64_t maxPixels() const { return maxPixels_; }

    // A file on disk. InputError (naming the file) when it is missing, a folder, unreadable, empty,
    // truncated, damaged, too large or not one of the supported formats.
    LoadedImage load(const std::filesystem::path& path) const;

    // Raw bytes (pasted or dragged data); `sourceName` is used in messages.
    LoadedImage decode(const uint8_t* data, size_t size, const std::string& sourceName = "the pasted image") const;
    LoadedImage decode(const std::vector<uint8_t>& bytes, const std::string& sourceName = "the pasted image") const {
        return decode(bytes.data(), bytes.size(), sourceName);
    }

private:
    uint64_t maxPixels_;
};

// Convenience: ImageLoader().load(path).image / decode(bytes).image.
RgbImage loadImage(const std::filesystem::path& path);
RgbImage decodeImage(const std::vector<uint8_t>& bytes);

} // namespace i2v
