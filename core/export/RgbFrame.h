// One video frame as the exporter takes it: the engine's 8-bit RGB picture (image/RgbImage.h: rows top to
// bottom, pixels interleaved, HWC). Plain bytes on purpose: the export interface depends on neither torch
// nor Qt, and a picture and a frame are one type, so nothing copies between the two.
#pragma once
#include "image/RgbImage.h"

#include <vector>

namespace i2v {

using RgbFrame = RgbImage;
// A clip: frames in display order, all of one size.
using VideoFrames = std::vector<RgbFrame>;

} // namespace i2v
