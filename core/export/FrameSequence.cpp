// FrameSequence: loop-mode order, interpolation counts, even padding.
#include "export/FrameSequence.h"

#include <cmath>
#include <cstring>

namespace i2v {

std::vector<int> FrameSequence::order(int n, LoopMode mode, int repeatCount) {
    std::vector<int> once(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        once[i] = i;
    if (mode == LoopMode::Once || n == 0)
        return once;
    std::vector<int> out;
    if (mode == LoopMode::Repeat) {
        for (int r = 0; r < repeatCount; ++r)
            out.insert(out.end(), once.begin(), once.end());
        return out;
    }
    out = once;
    for (int i = n - 2; i >= 1; --i)
        out.push_back(i);
    return out;
}

int FrameSequence::tailIndex(const std::vector<int>& order, LoopMode mode, int k) {
    return mode == LoopMode::Once ? order.back() : order[static_cast<size_t>(k) % order.size()];
}

int FrameSequence::outputCount(int length, double fps, double outFps) {
    // Small epsilon: 16 frames at 8 fps to 24 fps is exactly 48, not 49 through rounding noise.
    return static_cast<int>(std::ceil(length * outFps / fps - 1e-6));
}

RgbFrame FrameSequence::padToEven(const RgbFrame& f) {
    const int w = f.width + (f.width & 1), h = f.height + (f.height & 1);
    if (w == f.width && h == f.height)
        return f;
    RgbFrame out(w, h);
    for (int y = 0; y < h; ++y) {
        const int sy = y < f.height ? y : f.height - 1;
        std::memcpy(out.at(0, y), f.at(0, sy), static_cast<size_t>(f.width) * 3);
        if (w != f.width)
            std::memcpy(out.at(w - 1, y), f.at(f.width - 1, sy), 3);
    }
    return out;
}

} // namespace i2v
