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
    const double sx = static_cast<double>(srcWidth) / targetWidth;
    const double sy = static_cast<double>(srcHeight) / targetHeight;
    g.scale = sy < sx ? sy : sx;  // Python min() keeps the first of equals; equal values are identical anyway
    const double resizedWidth = pythonFloorDiv(srcWidth, g.scale), resizedHeight = pythonFloorDiv(srcHeight, g.scale);
    // A picture far from the video's shape is scaled up to cover it whole before the crop: a 20000x1 strip under
    // 1280x704 would become 14080000x704 pixels (30 GB), which diffusers' PIL resize would also try to make.
    if (resizedWidth * resizedHeight > kMaxCenterCropWidePixels) {
        std::ostringstream m;
        m << "the " << srcWidth << "x" << srcHeight << " picture is too far from the " << targetWidth << "x" << targetHeight
          << " shape it is cropped to: covering that shape would scale it to " << std::llround(resizedWidth) << "x"
          << std::llround(resizedHeight) << " pixels; crop the picture closer to the video's proportions";
        throw InputError(m.str());
    }
    g.resizedWidth = pyRoundToInt(resizedWidth);
    g.resizedHeight = pyRoundToInt(resizedHeight);
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

RgbImage centerCropWide(const RgbImage& image, int targetWidth, int targetHeight, CropPosition position) {
    const CenterCropWideGeometry g = centerCropWideGeometry(image.width, image.height, targetWidth, targetHeight, position);
    const RgbImage resized = pilResize(image, g.resizedWidth, g.resizedHeight, ResampleFilter::Box);
    return pilCrop(resized, g.cropLeft, g.cropTop, g.cropLeft + targetWidth, g.cropTop + targetHeight);
}

} // namespace i2v
