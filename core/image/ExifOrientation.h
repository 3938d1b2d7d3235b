// ExifOrientation: the EXIF Orientation tag and the transposition PIL.ImageOps.exif_transpose applies
// (Pillow 9.4 ImageOps.py / Image.Exif.load), which diffusers' load_image runs before convert("RGB").
#pragma once
#include "image/RgbImage.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace i2v {

// Orientation (tag 0x0112) of IFD0 in an EXIF block: TIFF structure, optionally behind "Exif\0\0" (as in a
// JPEG APP1 segment or a WebP EXIF chunk). Returns 1 when the block or tag is missing, malformed or not
// a single value in 1..8 — PIL then leaves the picture as stored.
int exifOrientation(const uint8_t* data, size_t size);

// The orientation an XMP packet states with tiff:Orientation="N" or <tiff:Orientation>N</...>, else 1
// (PIL reads it from a PNG's XML:com.adobe.xmp text when there is no EXIF orientation).
int xmpOrientation(const std::string& xmp);

// exif_transpose for orientations 2..8 (FLIP_LEFT_RIGHT, ROTATE_180, FLIP_TOP_BOTTOM, TRANSPOSE, ROTATE_270,
// TRANSVERSE, ROTATE_90); any other value returns the image unchanged.
RgbImage applyExifOrientation(const RgbImage& image, int orientation);

} // namespace i2v
