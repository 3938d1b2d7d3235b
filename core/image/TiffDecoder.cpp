// TIFF through libtiff, unpacked as Pillow 9.4's TiffImagePlugin OPEN_INFO rawmodes + convert("RGB") for the
// common layouts (strips read by scanline, contiguous samples): 1/2/4/8-bit grey (min-is-white
// inverted), 16-bit grey opened as "I;16" whose convert("RGB") clips to 255, 8/16-bit RGB (16-bit keeps the
// high byte), associated alpha un-premultiplied as Pillow's "RGBa" unpacker does, palettes (16-bit colormap
// entries // 256), 8-bit CMYK with Pillow's formula. Other layouts (tiles, YCbCr/JPEG, planar, float samples) go
// through libtiff's RGBA interface, which can differ from Pillow in the last bit.
// Orientation: Pillow 9.4's TiffImageFile.load_end already transposes the pixels by the Orientation tag and
// keeps the tag in getexif(), so exif_transpose applies it a second time (orientation 6 or 8 ends up
// rotated 180 degrees, 2-5 and 7 unchanged). load_image gives that, so we do the same: transposed here,
// and the tag returned for ImageLoader to apply again.
#include "image/ExifOrientation.h"
#include "image/ImageDecoders.h"
#include "util/Errors.h"

#ifdef I2V_HAVE_TIFF
#include <tiffio.h>
#endif

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

namespace i2v {

#ifndef I2V_HAVE_TIFF
DecodedImage decodeTiff(const DecodeRequest& r) {
    throwCodecMissing(r, "TIFF");
}
#else
namespace {

struct MemoryFile {
    const uint8_t* data;
    size_t size;
    size_t pos = 0;
    std::string error;  // the first libtiff error
};

tmsize_t memRead(thandle_t h, void* buf, tmsize_t n) {
    auto* f = static_cast<MemoryFile*>(h);
    const size_t k = std::min<size_t>(static_cast<size_t>(n), f->size - std::min(f->pos, f->size));
    std::memcpy(buf, f->data + f->pos, k);
    f->pos += k;
    return static_cast<tmsize_t>(k);
}
tmsize_t memWrite(thandle_t, void*, tmsize_t) { return 0; }
toff_t memSeek(thandle_t h, toff_t off, int whence) {
    auto* f = static_cast<MemoryFile*>(h);
    const uint64_t base = whence == SEEK_SET ? 0 : (whence == SEEK_CUR ? f->pos : f->size);
    f->pos = static_cast<size_t>(base + off);
    return f->pos;
}
int memClose(thandle_t) { return 0; }
toff_t memSize(thandle_t h) { return static_cast<MemoryFile*>(h)->size; }
int memMap(thandle_t, void**, toff_t*) { return 0; }
void memUnmap(thandle_t, void*, toff_t) {}

int onError(TIFF*, void* user, const char* module, const char* fmt, va_list ap) {
    auto* f = static_cast<MemoryFile*>(user);
    if (f->error.empty()) {
        char buf[512];
        std::vsnprintf(buf, sizeof(buf), fmt, ap);
        f->error = buf;
    }
    return 1;  // handled: libtiff's process-wide handlers stay silent
}
int onWarning(TIFF*, void*, const char*, const char*, va_list) { return 1; }

[[noreturn]] void damaged(const DecodeRequest& r, const MemoryFile& f, const std::string& what) {
    throw InputError(r.name + " is a damaged or truncated TIFF file (" + (f.error.empty() ? what : f.error) +
                     "); re-export it from an image editor");
}

// libtiff's RGBA interface, rows in stored order (its own orientation flips disabled).
void decodeViaRgba(TIFF* tif, const DecodeRequest& r, const MemoryFile& f, RgbImage& out) {
    char emsg[1024] = {0};
    TIFFRGBAImage img;
    if (!TIFFRGBAImageOK(tif, emsg) || !TIFFRGBAImageBegin(&img, tif, 0, emsg))
        throw InputError(r.name + " is a TIFF layout I2V Studio cannot read (" + emsg + "); re-export it as PNG");
    img.orientation = ORIENTATION_TOPLEFT;
    img.req_orientation = ORIENTATION_TOPLEFT;
    std::vector<uint32_t> raster(size_t(out.width) * out.height);
    const int ok = TIFFRGBAImageGet(&img, raster.data(), out.width, out.height);
    TIFFRGBAImageEnd(&img);
    if (!ok)
        damaged(r, f, "pixel data unreadable");
    for (size_t i = 0; i < raster.size(); ++i) {
        out.pixels[3 * i] = static_cast<uint8_t>(TIFFGetR(raster[i]));
        out.pixels[3 * i + 1] = static_cast<uint8_t>(TIFFGetG(raster[i]));
        out.pixels[3 * i + 2] = static_cast<uint8_t>(TIFFGetB(raster[i]));
    }
}

} // namespace

DecodedImage decodeTiff(const DecodeRequest& r) {
    MemoryFile f{r.data, r.size, 0, {}};
    std::unique_ptr<TIFFOpenOptions, void (*)(TIFFOpenOptions*)> opts(TIFFOpenOptionsAlloc(), TIFFOpenOptionsFree);
    TIFFOpenOptionsSetErrorHandlerExtR(opts.get(), onError, &f);
    TIFFOpenOptionsSetWarningHandlerExtR(opts.get(), onWarning, &f);
    std::unique_ptr<TIFF, void (*)(TIFF*)> tif(TIFFClientOpenExt(r.name.c_str(), "rm", &f, memRead, memWrite, memSeek,
                                                                 memClose, memSize, memMap, memUnmap, opts.get()),
                                                TIFFClose);
    if (!tif)
        damaged(r, f, "header unreadable");
    TIFF* t = tif.get();
    uint32_t w = 0, h = 0;
    TIFFGetField(t, TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(t, TIFFTAG_IMAGELENGTH, &h);
    checkImageSize(r, w, h, "TIFF");
    uint16_t bps = 1, spp = 1, photometric = PHOTOMETRIC_MINISBLACK, planar = PLANARCONFIG_CONTIG, orientation = 1;
    uint16_t sampleFormat = SAMPLEFORMAT_UINT, nExtra = 0;
    uint16_t* extra = nullptr;
    TIFFGetFieldDefaulted(t, TIFFTAG_BITSPERSAMPLE, &bps);
    TIFFGetFieldDefaulted(t, TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetFieldDefaulted(t, TIFFTAG_PLANARCONFIG, &planar);
    TIFFGetFieldDefaulted(t, TIFFTAG_SAMPLEFORMAT, &sampleFormat);
    TIFFGetFieldDefaulted(t, TIFFTAG_EXTRASAMPLES, &nExtra, &extra);
    TIFFGetFieldDefaulted(t, TIFFTAG_ORIENTATION, &orientation);
    if (!TIFFGetField(t, TIFFTAG_PHOTOMETRIC, &photometric))
        photometric = spp >= 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK;

    DecodedImage out;
    out.orientation = orientation;
    out.image = RgbImage(static_cast<int>(w), static_cast<int>(h));
    const bool grey = photometric == PHOTOMETRIC_MINISBLACK || photometric == PHOTOMETRIC_MINISWHITE;
    const bool direct = !TIFFIsTiled(t) && planar == PLANARCONFIG_CONTIG && sampleFormat == SAMPLEFORMAT_UINT &&
                        ((grey && (bps == 1 || bps == 2 || bps == 4 || bps == 8 || bps == 16)) ||
                         (photometric == PHOTOMETRIC_RGB && spp >= 3 && (bps == 8 || bps == 16)) ||
                         (photometric == PHOTOMETRIC_PALETTE && bps <= 8) ||
                         (photometric == PHOTOMETRIC_SEPARATED && spp >= 4 && bps == 8));
    if (!direct) {
        decodeViaRgba(t, r, f, out.image);
        out.image = applyExifOrientation(out.image, orientation);  // Pillow's load_end, see the top
        return out;
    }

    uint8_t palette[256][3];
    for (int i = 0; i < 256; ++i)
        palette[i][0] = palette[i][1] = palette[i][2] = static_cast<uint8_t>(i);
    if (photometric == PHOTOMETRIC_PALETTE) {
        uint16_t *pr = nullptr, *pg = nullptr, *pb = nullptr;
        if (!TIFFGetField(t, TIFFTAG_COLORMAP, &pr, &pg, &pb))
            damaged(r, f, "the palette is missing");
        for (int i = 0; i < (1 << bps); ++i) {
            palette[i][0] = static_cast<uint8_t>(pr[i] / 256);
            palette[i][1] = static_cast<uint8_t>(pg[i] / 256);
            palette[i][2] = static_cast<uint8_t>(pb[i] / 256);
        }
    }
    const bool associatedAlpha = photometric == PHOTOMETRIC_RGB && nExtra >= 1 && extra &&
                                 extra[0] == EXTRASAMPLE_ASSOCALPHA && spp >= 4 && bps == 8;
    std::vector<uint8_t> line(static_cast<size_t>(TIFFScanlineSize(t)));
    for (uint32_t y = 0; y < h; ++y) {
        if (TIFFReadScanline(t, line.data(), y, 0) < 0)
            damaged(r, f, "row " + std::to_string(y) + " unreadable");
        uint8_t* d = out.image.row(static_cast<int>(y));
        const uint8_t* s = line.data();
        for (uint32_t x = 0; x < w; ++x, d += 3) {
            if (grey || photometric == PHOTOMETRIC_PALETTE) {
                unsigned v;
                if (bps == 16) {
                    uint16_t u;
                    std::memcpy(&u, s + size_t(x) * spp * 2, 2);  // libtiff gives native byte order
                    v = u > 255 ? 255 : u;                        // "I;16" -> "RGB" clips
                } else if (bps == 8) {
                    v = s[size_t(x) * spp];
                } else {
                    const unsigned per = 8 / bps, mask = (1u << bps) - 1;
                    const size_t bit = size_t(x) * spp * bps;
                    v = (s[bit / 8] >> (8 - bps - bit % 8)) & mask;
                    (void)per;
                    if (grey) {
                        if (photometric == PHOTOMETRIC_MINISWHITE)
                            v = mask - v;
                        v = v * (255 / mask);
                    }
                }
                if (photometric == PHOTOMETRIC_PALETTE) {
                    std::memcpy(d, palette[v & 0xff], 3);
                } else {
                    if (photometric == PHOTOMETRIC_MINISWHITE && bps >= 8)
                        v = 255 - v;
                    d[0] = d[1] = d[2] = static_cast<uint8_t>(v);
                }
            } else if (photometric == PHOTOMETRIC_RGB) {
                if (bps == 16) {
                    for (int c = 0; c < 3; ++c) {
                        uint16_t u;
                        std::memcpy(&u, s + (size_t(x) * spp + c) * 2, 2);
                        d[c] = static_cast<uint8_t>(u >> 8);
                    }
                } else {
                    const uint8_t* px = s + size_t(x) * spp;
                    const int a = associatedAlpha ? px[3] : 255;
                    for (int c = 0; c < 3; ++c) {
                        int v = px[c];
                        if (a == 0)
                            v = 0;
                        else if (a != 255)
                            v = std::min(255, v * 255 / a);  // Pillow's unpackRGBa
                        d[c] = static_cast<uint8_t>(v);
                    }
                }
            } else {  // SEPARATED (CMYK), not inverted
                cmykToRgb(s + size_t(x) * spp, d, 1);
            }
        }
    }
    out.image = applyExifOrientation(out.image, orientation);  // Pillow's load_end, see the top
    return out;
}
#endif

} // namespace i2v
