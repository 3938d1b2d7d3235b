// The one place pixels cross between the engine and Qt: the engine's 8-bit RGB picture (RgbImage, which is
// also the exporter's RgbFrame) to and from QImage, and the preview frames the pipeline streams.
#pragma once
#include "image/RgbImage.h"
#include "pipeline/GenerationObserver.h"

#include <QImage>
#include <QVector>

namespace i2v::ui {

QImage toQImage(const RgbImage& rgb);
// Any QImage format; transparency is dropped as QImage's conversion to RGB888 drops it.
RgbImage fromQImage(const QImage& image);
QVector<QImage> toQImages(const PreviewFrames& preview);

} // namespace i2v::ui
