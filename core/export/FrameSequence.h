// The frame order and counts behind the loop modes and interpolation, kept apart from FFmpeg so that
// the arithmetic is unit-tested and the GUI can show "N frames, T seconds" before exporting.
#pragma once
#include "export/ExportSettings.h"
#include "export/RgbFrame.h"

#include <vector>

namespace i2v {

class FrameSequence {
public:
    // Indices into the input frames in display order: Once 0..n-1; Repeat that repeatCount times;
    // PingPong 0..n-1 then n-2..1, so the boomerang loops without showing an end frame twice.
    static std::vector<int> order(int inputFrames, LoopMode mode, int repeatCount);

    // The k-th frame (k = 0, 1, ...) the interpolator sees after the last one: the last frame again
    // for Once (the clip ends still), the start of the next loop for the loop modes (a seamless seam
    // when the video loops). Interpolators need a few frames of look-ahead to emit the last outputs.
    static int tailIndex(const std::vector<int>& order, LoopMode mode, int k = 0);

    // Frames written for a sequence of `length` frames at `fps` played at `outFps`: every output
    // time k/outFps before length/fps, so the duration stays length/fps.
    static int outputCount(int length, double fps, double outFps);

    // A copy of `f` grown to even width/height by repeating its last column/row (see ExportSettings.h).
    static RgbFrame padToEven(const RgbFrame& f);
};

} // namespace i2v
