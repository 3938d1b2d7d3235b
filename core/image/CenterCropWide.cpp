// diffusers 0.27.2 pipeline_i2vgen_xl._center_crop_wide (single-image branch), on top of PilResample.
#include "image/CenterCropWide.h"

#include "image/PilResample.h"
#include "util/Errors.h"

#include <cmath>
#include <sstream>
#include <string>

namespace i2v {
namespace {

// Python's round() of an integral-valued float, as an int.
int pyRoundToInt(double v) { return static_cast<int>(std::nearbyint(v)); }

[[noreturn]] void throwTooFarFromShape(int srcWidth, int srcHeight, int targetWidth, int targetHeight, CoverSize cover,
                                       const char* what) {
    std::ostringstream m;
    m << "the " << srcWidth << "x" << srcHeight << " picture is too far from the " << targetWidth << "x" << targetHeight
      << " " << what << ": covering it would scale the picture to " << std::llround(cover.width) << "x"
      << std::llround(cover.height) << " pixels; crop the picture closer to the video's proportions";
    throw InputError(m.str());
}

} // namespace

void CropPosition::requireValid() const {
    if (isValid())
        return;
    std::ostringstream got;
    got << x << "," << y;
    throw InputError("the crop position must be between 0 and 1 on each axis (0.5,0.5 = centred), got " + got.str());
}

double pythonFloorDiv(double a, double b) {
    // CPython Objects/floatobject.c float_floor_div via _float_div_mod.
    double mod = std::fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, a / b);
    }
    return floordiv;
}

CenterCropWideGeometry centerCropWideGeometry(int srcWidth, int srcHeight, int targetWidth, int targetHeight,
                                              CropPosition position) {
    if (srcWidth <= 0 || srcHeight <= 0)
        throw InputError("cannot crop an empty image (" + std::to_string(srcWidth) + "x" + std::to_string(srcHeight) + ")");
    if (targetWidth <= 0 || targetHeight <= 0)
        throw InputError("the video size " + std::to_string(targetWidth) + "x" + std::to_string(targetHeight) +
                         " is not valid: width and height must be positive");
    position.requireValid();
    CenterCropWideGeometry g;
    g.targetWidth = targetWidth;
    g.targetHeight = targetHeight;
    const CoverSize cover = coverSize(srcWidth, srcHeight, targetWidth, targetHeight);
    g.scale = cover.scale;
    if (cover.pixels() > kMaxCenterCropWidePixels)
        throwTooFarFromShape(srcWidth, srcHeight, targetWidth, targetHeight, cover, "shape it is cropped to");
    g.resizedWidth = pyRoundToInt(cover.width);
    g.resizedHeight = pyRoundToInt(cover.height);
    if (g.resizedWidth <= 0 || g.resizedHeight <= 0)
        throw InputError("the " + std::to_string(srcWidth) + "x" + std::to_string(srcHeight) +
                         " image is too small to be scaled to cover " + std::to_string(targetWidth) + "x" +
                         std::to_string(targetHeight) + "; use a larger image");
    // floor(0.5 * room) == room // 2 exactly (room is an int, 0.5 * room is exact in a double).
    g.cropLeft = static_cast<int>(std::floor(position.x * (g.resizedWidth - targetWidth)));
    g.cropTop = static_cast<int>(std::floor(position.y * (g.resizedHeight - targetHeight)));
    g.outOfBoundsZeroFill = g.cropLeft < 0 || g.cropTop < 0 || g.cropLeft + targetWidth > g.resizedWidth ||
                            g.cropTop + targetHeight > g.resizedHeight;
    const double fx = static_cast<double>(srcWidth) / g.resizedWidth;
    const double fy = static_cast<double>(srcHeight) / g.resizedHeight;
    g.sourceLeft = g.cropLeft * fx;
    g.sourceTop = g.cropTop * fy;
    g.sourceRight = (g.cropLeft + targetWidth) * fx;
    g.sourceBottom = (g.cropTop + targetHeight) * fy;
    return g;
}

CoverSize coverSize(int srcWidth, int srcHeight, int targetWidth, int targetHeight) {
    const double sx = static_cast<double>(srcWidth) / targetWidth;
    const double sy = static_cast<double>(srcHeight) / targetHeight;
    const double scale = sy < sx ? sy : sx;  // Python min() keeps the first of equals; equal values are identical anyway
    return {scale, pythonFloorDiv(srcWidth, scale), pythonFloorDiv(srcHeight, scale)};
}

void requireCroppableTo(int srcWidth, int srcHeight, int videoWidth, int videoHeight) {
    if (srcWidth <= 0 || srcHeight <= 0 || videoWidth <= 0 || videoHeight <= 0)
        return;  // the geometry names those
    // The video's crop, then the image encoder's square as wide as the video (the larger of the two for a wide
    // picture): either is named by the video's size, which is what the user chose.
    for (const int height : {videoHeight, videoWidth}) {
        const CoverSize cover = coverSize(srcWidth, srcHeight, videoWidth, height);
        if (cover.pixels() > kMaxCenterCropWidePixels)
            throwTooFarFromShape(srcWidth, srcHeight, videoWidth, videoHeight, cover, "video");
    }
}

RgbImage centerCropWide(const RgbImage& image, int targetWidth, int targetHeight, CropPosition position) {
    const CenterCropWideGeometry g = centerCropWideGeometry(image.width, image.height, targetWidth, targetHeight, position);
    const RgbImage resized = pilResize(image, g.resizedWidth, g.resizedHeight, ResampleFilter::Box);
    return pilCrop(resized, g.cropLeft, g.cropTop, g.cropLeft + targetWidth, g.cropTop + targetHeight);
}

} // namespace i2v
