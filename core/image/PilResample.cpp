// Pillow 9.4.0 src/libImaging/Resample.c (precompute_coeffs, normalize_coeffs_8bpc, ImagingResampleInner,
// the 8bpc horizontal/vertical passes) and src/libImaging/Crop.c, re-derived for packed RGB.
#include "image/PilResample.h"

#include "util/Errors.h"

#include <algorithm>
#include <cmath>
#include <string>

// The coefficients must round exactly as Pillow's (compiled without FMA): a fused multiply-add in
// `in0 + (xx + 0.5) * scale` or `0.5 + k * (1 << 22)` would move some weights by one unit and change pixels.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace i2v {
namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;

struct Filter {
    double (*fn)(double);
    double support;
};

double boxFilter(double x) { return (x > -0.5 && x <= 0.5) ? 1.0 : 0.0; }

double bilinearFilter(double x) {
    if (x < 0.0)
        x = -x;
    return x < 1.0 ? 1.0 - x : 0.0;
}

double hammingFilter(double x) {
    if (x < 0.0)
        x = -x;
    if (x == 0.0)
        return 1.0;
    if (x >= 1.0)
        return 0.0;
    x = x * M_PI;
    return std::sin(x) / x * (0.54f + 0.46f * std::cos(x));
}

double bicubicFilter(double x) {
    constexpr double a = -0.5;
    if (x < 0.0)
        x = -x;
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

double sincFilter(double x) {
    if (x == 0.0)
        return 1.0;
    x = x * M_PI;
    return std::sin(x) / x;
}

double lanczosFilter(double x) {
    if (-3.0 <= x && x < 3.0)
        return sincFilter(x) * sincFilter(x / 3);
    return 0.0;
}

Filter filterFor(ResampleFilter f) {
    switch (f) {
    case ResampleFilter::Box: return {boxFilter, 0.5};
    case ResampleFilter::Bilinear: return {bilinearFilter, 1.0};
    case ResampleFilter::Hamming: return {hammingFilter, 1.0};
    case ResampleFilter::Bicubic: return {bicubicFilter, 2.0};
    case ResampleFilter::Lanczos: return {lanczosFilter, 3.0};
    }
    return {bilinearFilter, 1.0};
}

// Per output pixel: the first contributing input index, how many contribute, and their fixed-point weights.
struct Coefficients {
    int ksize = 0;
    std::vector<int> bounds;   // [xmin, count] per output pixel
    std::vector<int32_t> k;    // ksize per output pixel
};

Coefficients precomputeCoeffs(int inSize, float in0, float in1, int outSize, const Filter& filter) {
    // Same order of operations as Pillow: the box difference in float, everything else in double.
    double scale = static_cast<double>(in1 - in0) / outSize;
    double filterscale = scale < 1.0 ? 1.0 : scale;
    const double support = filter.support * filterscale;
    Coefficients c;
    c.ksize = static_cast<int>(std::ceil(support)) * 2 + 1;
    c.bounds.resize(static_cast<size_t>(outSize) * 2);
    c.k.assign(static_cast<size_t>(outSize) * c.ksize, 0);
    std::vector<double> w(c.ksize);
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = in0 + (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;
        int xmin = static_cast<int>(center - support + 0.5);  // C truncation, as in Pillow
        if (xmin < 0)
            xmin = 0;
        int xmax = static_cast<int>(center + support + 0.5);
        if (xmax > inSize)
            xmax = inSize;
        xmax -= xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            w[x] = filter.fn((x + xmin - center + 0.5) * ss);
            ww += w[x];
        }
        for (int x = 0; x < xmax; ++x) {
            double v = ww != 0.0 ? w[x] / ww : w[x];
            int32_t& out = c.k[static_cast<size_t>(xx) * c.ksize + x];
            out = v < 0 ? static_cast<int32_t>(-0.5 + v * (1 << kPrecisionBits))
                        : static_cast<int32_t>(0.5 + v * (1 << kPrecisionBits));
        }
        c.bounds[xx * 2] = xmin;
        c.bounds[xx * 2 + 1] = xmax;
    }
    return c;
}

inline uint8_t clip8(int v) {
    const int s = v >> kPrecisionBits;  // arithmetic shift, like Pillow's lookup table index
    return static_cast<uint8_t>(s < 0 ? 0 : (s > 255 ? 255 : s));
}

// Rows [offset, offset + out.height) of `in`, resampled horizontally into `out`.
void resampleHorizontal(RgbImage& out, const RgbImage& in, int offset, const Coefficients& c) {
    for (int yy = 0; yy < out.height; ++yy) {
        const uint8_t* src = in.row(yy + offset);
        uint8_t* dst = out.row(yy);
        for (int xx = 0; xx < out.width; ++xx) {
            const int xmin = c.bounds[xx * 2];
            const int xmax = c.bounds[xx * 2 + 1];
            const int32_t* k = &c.k[static_cast<size_t>(xx) * c.ksize];
            int s0 = 1 << (kPrecisionBits - 1), s1 = s0, s2 = s0;
            for (int x = 0; x < xmax; ++x) {
                const uint8_t* p = src + static_cast<size_t>(x + xmin) * 3;
                s0 += p[0] * k[x];
                s1 += p[1] * k[x];
                s2 += p[2] * k[x];
            }
            dst[xx * 3 + 0] = clip8(s0);
            dst[xx * 3 + 1] = clip8(s1);
            dst[xx * 3 + 2] = clip8(s2);
        }
    }
}

void resampleVertical(RgbImage& out, const RgbImage& in, const Coefficients& c) {
    for (int yy = 0; yy < out.height; ++yy) {
        const int ymin = c.bounds[yy * 2];
        const int ymax = c.bounds[yy * 2 + 1];
        const int32_t* k = &c.k[static_cast<size_t>(yy) * c.ksize];
        uint8_t* dst = out.row(yy);
        for (int xx = 0; xx < out.width; ++xx) {
            int s0 = 1 << (kPrecisionBits - 1), s1 = s0, s2 = s0;
            for (int y = 0; y < ymax; ++y) {
                const uint8_t* p = in.at(xx, y + ymin);
                s0 += p[0] * k[y];
                s1 += p[1] * k[y];
                s2 += p[2] * k[y];
            }
            dst[xx * 3 + 0] = clip8(s0);
            dst[xx * 3 + 1] = clip8(s1);
            dst[xx * 3 + 2] = clip8(s2);
        }
    }
}

} // namespace

RgbImage pilResize(const RgbImage& image, int outWidth, int outHeight, ResampleFilter filter) {
    return pilResize(image, outWidth, outHeight, filter,
                     ResampleBox{0.f, 0.f, static_cast<float>(image.width), static_cast<float>(image.height)});
}

RgbImage pilResize(const RgbImage& image, int outWidth, int outHeight, ResampleFilter filter, ResampleBox box) {
    if (outWidth <= 0 || outHeight <= 0)
        throw InputError("cannot resize an image to " + std::to_string(outWidth) + "x" + std::to_string(outHeight) +
                         " pixels: both sides must be at least 1");
    if (image.empty())
        throw InputError("cannot resize an empty image");
    if (box.left < 0 || box.top < 0 || box.right > image.width || box.bottom > image.height ||
        box.right < box.left || box.bottom < box.top)
        throw InputError("resize box lies outside the " + std::to_string(image.width) + "x" +
                         std::to_string(image.height) + " image");
    // Image.resize returns a copy when nothing changes.
    if (outWidth == image.width && outHeight == image.height && box.left == 0 && box.top == 0 &&
        box.right == image.width && box.bottom == image.height)
        return image;

    const Filter f = filterFor(filter);
    // Pillow compares box[2] with the OUTPUT width here; kept as is, it decides which passes run.
    const bool needHorizontal = outWidth != image.width || box.left != 0 || box.right != outWidth;
    const bool needVertical = outHeight != image.height || box.top != 0 || box.bottom != outHeight;

    const Coefficients horiz = precomputeCoeffs(image.width, box.left, box.right, outWidth, f);
    Coefficients vert = precomputeCoeffs(image.height, box.top, box.bottom, outHeight, f);

    const int yboxFirst = vert.bounds[0];
    const int yboxLast = vert.bounds[outHeight * 2 - 2] + vert.bounds[outHeight * 2 - 1];

    RgbImage temp;
    const RgbImage* src = &image;
    if (needHorizontal) {
        // Only the rows the vertical pass reads are resampled horizontally.
        for (int i = 0; i < outHeight; ++i)
            vert.bounds[i * 2] -= yboxFirst;
        temp = RgbImage(outWidth, yboxLast - yboxFirst);
        resampleHorizontal(temp, image, yboxFirst, horiz);
        src = &temp;
    }
    if (needVertical) {
        RgbImage out(src->width, outHeight);
        resampleVertical(out, *src, vert);
        return out;
    }
    return *src;
}

RgbImage pilCrop(const RgbImage& image, int left, int top, int right, int bottom) {
    if (right < left || bottom < top)
        throw InputError("crop box (" + std::to_string(left) + ", " + std::to_string(top) + ", " +
                         std::to_string(right) + ", " + std::to_string(bottom) + ") is inverted");
    RgbImage out(right - left, bottom - top);
    const int x0 = std::max(left, 0), x1 = std::min(right, image.width);
    if (x1 <= x0)
        return out;
    for (int y = std::max(top, 0); y < std::min(bottom, image.height); ++y)
        std::copy(image.at(x0, y), image.at(x0, y) + static_cast<size_t>(x1 - x0) * 3, out.at(x0 - left, y - top));
    return out;
}

} // namespace i2v
