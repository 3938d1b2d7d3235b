// PilResample: Pillow 9.4's Image.resize for 8-bit RGB, bit-exact (src/libImaging/Resample.c): separable
// convolution, horizontal pass first, coefficients in double normalised per output pixel and then turned
// into 22-bit fixed point, each pass rounded and clipped to uint8. diffusers' I2VGenXL preprocessing
// (_center_crop_wide: BOX, _resize_bilinear: BILINEAR) goes through this, so the CLIP and VAE inputs only
// match the reference when every rounding step is the same.
#pragma once
#include "image/RgbImage.h"

namespace i2v {

// PIL.Image.Resampling values (NEAREST is a different code path in PIL and is not offered).
enum class ResampleFilter { Box, Bilinear, Hamming, Bicubic, Lanczos };

// Source region of a resize, in source pixel coordinates (PIL's `box` argument; float like PIL's).
struct ResampleBox {
    float left = 0, top = 0, right = 0, bottom = 0;
};

// image.resize((outWidth, outHeight), filter): the whole image. Throws InputError for sizes <= 0.
RgbImage pilResize(const RgbImage& image, int outWidth, int outHeight, ResampleFilter filter);

// image.resize((outWidth, outHeight), filter, box): only `box` of the source is resampled.
RgbImage pilResize(const RgbImage& image, int outWidth, int outHeight, ResampleFilter filter, ResampleBox box);

// image.crop((left, top, right, bottom)): pixels outside the source are black (PIL's crop semantics).
RgbImage pilCrop(const RgbImage& image, int left, int top, int right, int bottom);

} // namespace i2v
