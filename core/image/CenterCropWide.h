// CenterCropWide: diffusers 0.27.2 pipelines/i2vgen_xl/pipeline_i2vgen_xl.py `_center_crop_wide` — scale the
// image with PIL BOX so that it covers the target (Python float floor division of the sizes), then cut the
// centred target rectangle. Because the sizes are floored, the resized image can be one pixel smaller than
// the target and the crop then starts at -1: PIL fills that row/column with black, and so do we.
#pragma once
#include "image/RgbImage.h"

namespace i2v {

struct CenterCropWideGeometry {
    int targetWidth = 0, targetHeight = 0;
    double scale = 1.0;                        // min(srcW / targetW, srcH / targetH)
    int resizedWidth = 0, resizedHeight = 0;   // round(srcW // scale), round(srcH // scale)
    int cropLeft = 0, cropTop = 0;             // in resized pixels; may be -1 (black border)
    // The crop rectangle mapped back to the source image (BOX maps [0, srcW] onto [0, resizedW] per axis).
    // What the GUI outlines as "the region the model sees"; can reach slightly outside the source.
    double sourceLeft = 0, sourceTop = 0, sourceRight = 0, sourceBottom = 0;
    bool outOfBoundsZeroFill = false;          // the crop reaches outside the resized image
};

// The arithmetic only. Throws InputError for empty sizes or a target the image cannot be scaled to.
CenterCropWideGeometry centerCropWideGeometry(int srcWidth, int srcHeight, int targetWidth, int targetHeight);

// _center_crop_wide(image, (targetWidth, targetHeight)).
RgbImage centerCropWide(const RgbImage& image, int targetWidth, int targetHeight);

// Python's float floor division a // b (CPython float_floor_div), which the geometry depends on.
double pythonFloorDiv(double a, double b);

} // namespace i2v
