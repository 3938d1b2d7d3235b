// A libavfilter graph between one buffer source and one buffer sink: the exporter's interpolation
// (minterpolate / framerate), colour conversion (scale to BT.709 YUV) and GIF palette
// (palettegen + paletteuse) all run in one such graph, described as text like the ffmpeg CLI's -vf.
// Only Ffmpeg*.cpp include this header.
#pragma once
#include "export/FfmpegUtil.h"

#include <string>

namespace i2v {

class FfmpegFilterGraph {
public:
    // Throws IoError naming the description and the reason when the graph cannot be built (e.g. a
    // filter missing in this FFmpeg build).
    FfmpegFilterGraph(const std::string& description, int width, int height, AVPixelFormat inFormat,
                      AVRational timeBase);

    // Feeds a frame (the graph keeps its own reference); nullptr marks the end of the input.
    void push(AVFrame* frame);
    // Moves the next output frame into `out`; false when the graph needs more input or has ended.
    bool pull(AVFrame* out);
    AVRational outputTimeBase() const;

private:
    std::string description_;
    ffmpeg::FilterGraphPtr graph_;
    AVFilterContext* source_ = nullptr;  // owned by graph_
    AVFilterContext* sink_ = nullptr;    // owned by graph_
};

} // namespace i2v
