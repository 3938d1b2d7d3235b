// diffusers 0.27.2 utils/loading_utils.py load_image (open, exif_transpose, convert("RGB")) on top of the
// per-format decoders; Pillow's Image.open dispatch by signature (PIL/*ImagePlugin.py `_accept`).
#include "image/ImageLoader.h"

#include "image/ExifOrientation.h"
#include "image/ImageDecoders.h"
#include "util/Errors.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>
#include <utility>

namespace i2v {

namespace {
// Which optional codecs this build has (core/CMakeLists.txt defines I2V_HAVE_<CODEC> for each it found).
#ifdef I2V_HAVE_PNG
constexpr bool kHavePng = true;
#else
constexpr bool kHavePng = false;
#endif
#ifdef I2V_HAVE_JPEG
constexpr bool kHaveJpeg = true;
#else
constexpr bool kHaveJpeg = false;
#endif
#ifdef I2V_HAVE_WEBP
constexpr bool kHaveWebp = true;
#else
constexpr bool kHaveWebp = false;
#endif
#ifdef I2V_HAVE_TIFF
constexpr bool kHaveTiff = true;
#else
constexpr bool kHaveTiff = false;
#endif
} // namespace

const char* imageFormatName(ImageFormat format) {
    switch (format) {
    case ImageFormat::Png: return "PNG";
    case ImageFormat::Jpeg: return "JPEG";
    case ImageFormat::WebP: return "WebP";
    case ImageFormat::Bmp: return "BMP";
    case ImageFormat::Tiff: return "TIFF";
    case ImageFormat::Gif: return "GIF";
    case ImageFormat::Unknown: break;
    }
    return "unknown";
}

ImageFormat detectImageFormat(const uint8_t* d, size_t n) {
    if (n >= 8 && std::memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
        return ImageFormat::Png;
    if (n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
        return ImageFormat::Jpeg;
    if (n >= 12 && std::memcmp(d, "RIFF", 4) == 0 && std::memcmp(d + 8, "WEBP", 4) == 0)
        return ImageFormat::WebP;
    if (n >= 2 && d[0] == 'B' && d[1] == 'M')
        return ImageFormat::Bmp;
    if (n >= 4 && (std::memcmp(d, "II*\0", 4) == 0 || std::memcmp(d, "MM\0*", 4) == 0))
        return ImageFormat::Tiff;
    if (n >= 6 && (std::memcmp(d, "GIF87a", 6) == 0 || std::memcmp(d, "GIF89a", 6) == 0))
        return ImageFormat::Gif;
    return ImageFormat::Unknown;
}

void throwCodecMissing(const DecodeRequest& r, const char* format) {
    std::string readable;
    for (const auto& [name, built] : {std::pair<const char*, bool>{"PNG", kHavePng},
                                      {"JPEG", kHaveJpeg}, {"WebP", kHaveWebp},
                                      {"TIFF", kHaveTiff}, {"BMP", true}, {"GIF", true}})
        if (built)
            readable += std::string(readable.empty() ? "" : ", ") + name;
    throw InputError(r.name + " is a " + format + " image, but this build of I2V Studio has no " + format +
                     " support; convert it to one of the formats it reads: " + readable);
}

void checkImageSize(const DecodeRequest& r, uint64_t width, uint64_t height, const char* format) {
    if (width == 0 || height == 0)
        throw InputError(r.name + " is a " + format + " image of " + std::to_string(width) + "x" +
                         std::to_string(height) + " pixels, which has no content; choose another image");
    if (width > 0x7fffffff || height > 0x7fffffff || width * height > r.maxPixels) {
        auto amount = [](uint64_t px) {
            return px >= 1000000 ? std::to_string((px + 500000) / 1000000) + " megapixels"
                                 : std::to_string(px) + " pixels";
        };
        throw InputError(r.name + " is " + std::to_string(width) + "x" + std::to_string(height) + " pixels (" +
                         amount(width * height) + "), more than the " + amount(r.maxPixels) +
                         " I2V Studio accepts; scale it down in an image editor first");
    }
}

LoadedImage ImageLoader::decode(const uint8_t* data, size_t size, const std::string& sourceName) const {
    if (size == 0 || !data)
        throw InputError(sourceName + " is empty (0 bytes); choose another image");
    const ImageFormat format = detectImageFormat(data, size);
    DecodeRequest req{data, size, sourceName, maxPixels_};
    DecodedImage d;
    switch (format) {
    case ImageFormat::Png: d = decodePng(req); break;
    case ImageFormat::Jpeg: d = decodeJpeg(req); break;
    case ImageFormat::WebP: d = decodeWebp(req); break;
    case ImageFormat::Bmp: d = decodeBmp(req); break;
    case ImageFormat::Tiff: d = decodeTiff(req); break;
    case ImageFormat::Gif: d = decodeGif(req); break;
    case ImageFormat::Unknown:
        throw InputError(sourceName + " is not an image I2V Studio can read (PNG, JPEG, WebP, GIF, BMP, TIFF)");
    }
    LoadedImage out;
    out.format = format;
    out.storedWidth = d.image.width;
    out.storedHeight = d.image.height;
    out.exifOrientation = d.orientation;
    out.frameCount = d.frameCount;
    out.animated = d.frameCount > 1;
    out.warnings = std::move(d.warnings);
    out.image = applyExifOrientation(d.image, d.orientation);
    return out;
}

LoadedImage ImageLoader::load(const std::filesystem::path& path) const {
    const std::string name = path.string();
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    // Not "does not exist" when the path itself is the problem (too long, a symlink loop, no access to a folder).
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
        throw InputError("cannot open " + name + " (" + ec.message() + "); check the path");
    if (!std::filesystem::exists(status))
        throw InputError(name + " does not exist; check the path");
    if (std::filesystem::is_directory(status))
        throw InputError(name + " is a folder, not an image; choose an image file inside it");
    // Not opened: a pipe without a writer blocks the open for ever, and /dev/zero reads as an empty file.
    if (!std::filesystem::is_regular_file(status))
        throw InputError(name + " is not a regular file (a device, pipe or socket); save the picture as a file and "
                         "choose that");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        throw InputError("cannot open " + name + " (" + (err ? std::strerror(err) : "unreadable") +
                         "); check that you have permission to read it");
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0)
        throw InputError("cannot read " + name + "; it is not a regular file");
    in.seekg(0, std::ios::beg);
    std::vector<uint8_t> bytes(static_cast<size_t>(size));
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size))
        throw InputError("cannot read " + name + " (" + std::strerror(errno) + ")");
    return decode(bytes.data(), bytes.size(), name);
}

RgbImage loadImage(const std::filesystem::path& path) { return ImageLoader().load(path).image; }
RgbImage decodeImage(const std::vector<uint8_t>& bytes) { return ImageLoader().decode(bytes).image; }

} // namespace i2v
