#include "ui/QtImages.h"

#include <cstring>

namespace i2v::ui {
namespace {

// QImage rows are 4-byte aligned, the engine's are packed: copy row by row.
QImage copyRows(const uint8_t* rgb, int width, int height) {
    QImage image(width, height, QImage::Format_RGB888);
    const size_t stride = size_t(width) * 3;
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), rgb + size_t(y) * stride, stride);
    return image;
}

} // namespace

QImage toQImage(const RgbImage& rgb) { return copyRows(rgb.pixels.data(), rgb.width, rgb.height); }

RgbImage fromQImage(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    RgbImage out(rgb.width(), rgb.height());
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(out.row(y), rgb.constScanLine(y), out.stride());
    return out;
}

QVector<QImage> toQImages(const PreviewFrames& p) {
    QVector<QImage> frames;
    frames.reserve(p.frames);
    const size_t frameBytes = size_t(p.width) * p.height * 3;
    for (int f = 0; f < p.frames; ++f)
        frames.push_back(copyRows(p.rgb.data() + f * frameBytes, p.width, p.height));
    return frames;
}

} // namespace i2v::ui
