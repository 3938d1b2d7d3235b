// CenterCropWide: diffusers 0.27.2 pipelines/i2vgen_xl/pipeline_i2vgen_xl.py `_center_crop_wide` — scale the
// image with PIL BOX so that it covers the target (Python float floor division of the sizes), then cut the
// centred target rectangle. Because the sizes are floored, the resized image can be one pixel smaller than
// the target and the crop then starts at -1: PIL fills that row/column with black, and so do we.
// The user may move the crop window (CropPosition); its default, the centre, is diffusers' crop exactly.
#pragma once
#include "image/RgbImage.h"

namespace i2v {

// Where the crop window sits along the room it has on each axis: 0 = the left (top) edge, 1 = the right
// (bottom) edge, 0.5 = centred. The crop starts at floor(x * (resized - target)), which at 0.5 is exactly
// diffusers' (resized - target) // 2 for every integer room, the -1 of a one-pixel-short resize included.
struct CropPosition {
    double x = 0.5, y = 0.5;
    bool isCentred() const { return x == 0.5 && y == 0.5; }
    bool isValid() const { return x >= 0.0 && x <= 1.0 && y >= 0.0 && y <= 1.0; }  // false for NaN too
    // InputError, naming the position, when it is not valid: the one check of the request and the geometry.
    void requireValid() const;
    bool operator==(const CropPosition& o) const { return x == o.x && y == o.y; }
};

// The largest picture the cover-then-crop scaling may make on the way (300 MB of RGB): a picture far from the
// target's shape (a 20000x1 strip under 1280x704 would become 14079999x703 pixels, 30 GB, as diffusers' PIL resize
// would make it) is refused, InputError naming both shapes, before anything is allocated.
constexpr double kMaxCenterCropWidePixels = 100'000'000;

// The size the picture is scaled to so that it covers the target: srcW // scale, srcH // scale (Python floats),
// scale = min(srcW / targetW, srcH / targetH).
struct CoverSize {
    double scale = 1, width = 0, height = 0;
    double pixels() const { return width * height; }
};
CoverSize coverSize(int srcWidth, int srcHeight, int targetWidth, int targetHeight);

// diffusers crops the picture twice, to the video (the VAE's input) and to a square as wide as the video (the
// image encoder's): InputError, naming the video's size, when either would need more than kMaxCenterCropWidePixels.
void requireCroppableTo(int srcWidth, int srcHeight, int videoWidth, int videoHeight);

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

// The arithmetic only. Throws InputError for empty sizes, a target the image cannot be scaled to, or a
// position outside [0, 1].
CenterCropWideGeometry centerCropWideGeometry(int srcWidth, int srcHeight, int targetWidth, int targetHeight,
                                              CropPosition position = {});

// _center_crop_wide(image, (targetWidth, targetHeight)), with the crop window at `position`.
RgbImage centerCropWide(const RgbImage& image, int targetWidth, int targetHeight, CropPosition position = {});

// Python's float floor division a // b (CPython float_floor_div), which the geometry depends on.
double pythonFloorDiv(double a, double b);

} // namespace i2v
