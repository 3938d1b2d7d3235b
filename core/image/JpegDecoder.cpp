// JPEG through libjpeg(-turbo) with the settings Pillow 9.4 uses (src/libImaging/JpegDecode.c and
// JpegImagePlugin.py, no draft mode): the library's own colour-space guess, out_color_space RGB for 3
// components, GRAYSCALE for 1, CMYK for 4 (YCCK converted to CMYK by libjpeg), default DCT (ISLOW) and fancy
// upsampling. Pillow reads 4-component JPEGs as Adobe-inverted ("CMYK;I") and converts CMYK to RGB with its
// own formula; both are reproduced. Orientation from the first APP1 "Exif\0" segment.
#include "image/ExifOrientation.h"
#include "image/ImageDecoders.h"
#include "util/Errors.h"

#ifdef I2V_HAVE_JPEG
#include <cstdio>  // jpeglib.h needs FILE
#include <csetjmp>
#include <jerror.h>
#include <jpeglib.h>
#endif

#include <cstring>

namespace i2v {

#ifndef I2V_HAVE_JPEG
DecodedImage decodeJpeg(const DecodeRequest& r) {
    throwCodecMissing(r, "JPEG");
}
#else
namespace {

struct JpegContext {
    jpeg_decompress_struct cinfo{};
    jpeg_error_mgr err{};
    jmp_buf jump;
    bool created = false;
    bool endedEarly = false;  // the data ran out before the last scanline
    char message[JMSG_LENGTH_MAX] = {0};
    ~JpegContext() {
        if (created)
            jpeg_destroy_decompress(&cinfo);
    }
};

// cinfo is the first member, so the error manager's owner can be recovered from it.
JpegContext* contextOf(j_common_ptr cinfo) { return reinterpret_cast<JpegContext*>(cinfo); }

void jpegErrorExit(j_common_ptr cinfo) {
    JpegContext* c = contextOf(cinfo);
    (*cinfo->err->format_message)(cinfo, c->message);
    std::longjmp(c->jump, 1);
}

void jpegEmitMessage(j_common_ptr cinfo, int level) {
    // Corrupt-data warnings are ignored as Pillow does; running out of data is not (Pillow raises
    // "image file is truncated"): libjpeg would pad the rest with grey.
    if (level == -1 && cinfo->err->msg_code == JWRN_JPEG_EOF) {
        auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
        if (d->output_height == 0 || d->output_scanline < d->output_height)  // 0: before start_decompress
            contextOf(cinfo)->endedEarly = true;
    }
}

// setjmp lives in these functions, whose frames hold only trivially destructible locals; the RAII
// JpegContext and the pixel buffer belong to the caller, so a longjmp skips no destructor.
bool readHeader(JpegContext& c, const uint8_t* data, size_t size) {
    if (setjmp(c.jump))
        return false;
    jpeg_create_decompress(&c.cinfo);
    c.created = true;
    jpeg_mem_src(&c.cinfo, data, static_cast<unsigned long>(size));
    jpeg_save_markers(&c.cinfo, JPEG_APP0 + 1, 0xffff);
    jpeg_read_header(&c.cinfo, TRUE);
    return true;
}

bool readPixels(JpegContext& c, uint8_t* out, size_t rowBytes) {
    if (setjmp(c.jump))
        return false;
    const int comps = c.cinfo.num_components;
    c.cinfo.out_color_space = comps == 1 ? JCS_GRAYSCALE : (comps == 4 ? JCS_CMYK : JCS_RGB);
    jpeg_start_decompress(&c.cinfo);
    while (c.cinfo.output_scanline < c.cinfo.output_height) {
        JSAMPROW row = out + rowBytes * c.cinfo.output_scanline;
        jpeg_read_scanlines(&c.cinfo, &row, 1);
        if (c.endedEarly)
            return true;
    }
    jpeg_finish_decompress(&c.cinfo);
    return true;
}

} // namespace

DecodedImage decodeJpeg(const DecodeRequest& r) {
    JpegContext c;
    c.cinfo.err = jpeg_std_error(&c.err);
    c.err.error_exit = jpegErrorExit;
    c.err.emit_message = jpegEmitMessage;
    if (!readHeader(c, r.data, r.size))
        throw InputError(r.name + " is a damaged JPEG file (" + c.message + "); re-export it from an image editor");
    if (c.endedEarly)
        throw InputError(r.name + " is a truncated JPEG file (it ends before the image data); download or copy it again");
    checkImageSize(r, c.cinfo.image_width, c.cinfo.image_height, "JPEG");
    const int comps = c.cinfo.num_components;
    if (comps != 1 && comps != 3 && comps != 4)
        throw InputError(r.name + " is a JPEG with " + std::to_string(comps) +
                         " colour components, which I2V Studio cannot read (1, 3 or 4 are supported)");

    int orientation = 1;
    for (jpeg_saved_marker_ptr m = c.cinfo.marker_list; m; m = m->next)
        if (m->marker == JPEG_APP0 + 1 && m->data_length >= 5 && std::memcmp(m->data, "Exif\0", 5) == 0) {
            orientation = exifOrientation(m->data, m->data_length);  // the first Exif segment only
            break;
        }

    const size_t w = c.cinfo.image_width, h = c.cinfo.image_height;
    const size_t rowBytes = w * comps;
    std::vector<uint8_t> raw(rowBytes * h);
    if (!readPixels(c, raw.data(), rowBytes))
        throw InputError(r.name + " is a damaged JPEG file (" + c.message + "); re-export it from an image editor");
    if (c.endedEarly)
        throw InputError(r.name + " is a truncated JPEG file (the image data stops early); download or copy it again");

    DecodedImage out;
    out.orientation = orientation;
    out.image = RgbImage(static_cast<int>(w), static_cast<int>(h));
    uint8_t* d = out.image.pixels.data();
    if (comps == 3) {
        std::memcpy(d, raw.data(), raw.size());
    } else if (comps == 1) {
        for (size_t i = 0; i < w * h; ++i)
            d[3 * i] = d[3 * i + 1] = d[3 * i + 2] = raw[i];
    } else {
        for (auto& v : raw)
            v = static_cast<uint8_t>(255 - v);  // "CMYK;I": Pillow assumes Adobe's inverted CMYK
        cmykToRgb(raw.data(), d, w * h);
    }
    return out;
}
#endif

void cmykToRgb(const uint8_t* cmyk, uint8_t* rgb, size_t pixels) {
    for (size_t i = 0; i < pixels; ++i, cmyk += 4, rgb += 3) {
        const int nk = 255 - cmyk[3];
        for (int ch = 0; ch < 3; ++ch) {
            const int t = cmyk[ch] * nk + 128;
            const int v = nk - (((t >> 8) + t) >> 8);  // MULDIV255
            rgb[ch] = static_cast<uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
        }
    }
}

} // namespace i2v
