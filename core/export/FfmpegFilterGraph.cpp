// FfmpegFilterGraph: buffer -> user chain -> buffersink, set up as in FFmpeg's filtering_video example.
#include "export/FfmpegFilterGraph.h"

#include "util/Errors.h"

namespace i2v {

using namespace ffmpeg;

FfmpegFilterGraph::FfmpegFilterGraph(const std::string& description, int width, int height,
                                     AVPixelFormat inFormat, AVRational timeBase)
    : description_(description), graph_(avfilter_graph_alloc()) {
    if (!graph_)
        throw std::bad_alloc();
    auto fail = [&](const std::string& what, int err) {
        throw IoError("cannot set up the video filters '" + description_ + "': " + what + ": " + errorText(err));
    };
    // Single-threaded filters: the encoders already use the cores, and minterpolate is not sliced.
    graph_->nb_threads = 1;
    const std::string args = "video_size=" + std::to_string(width) + "x" + std::to_string(height) +
                             ":pix_fmt=" + std::to_string(static_cast<int>(inFormat)) +
                             ":time_base=" + std::to_string(timeBase.num) + "/" + std::to_string(timeBase.den) +
                             ":pixel_aspect=1/1";
    int err = avfilter_graph_create_filter(&source_, avfilter_get_by_name("buffer"), "in", args.c_str(), nullptr,
                                           graph_.get());
    if (err < 0)
        fail("buffer source", err);
    err = avfilter_graph_create_filter(&sink_, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr,
                                       graph_.get());
    if (err < 0)
        fail("buffer sink", err);

    // The chain's open input is named "in" (fed by source_), its open output "out" (into sink_).
    FilterInOutPtr outputs(avfilter_inout_alloc());
    FilterInOutPtr inputs(avfilter_inout_alloc());
    if (!outputs || !inputs)
        throw std::bad_alloc();
    outputs->name = av_strdup("in");
    outputs->filter_ctx = source_;
    outputs->pad_idx = 0;
    outputs->next = nullptr;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = sink_;
    inputs->pad_idx = 0;
    inputs->next = nullptr;
    AVFilterInOut* in = inputs.release();
    AVFilterInOut* out = outputs.release();
    err = avfilter_graph_parse_ptr(graph_.get(), description_.c_str(), &in, &out, nullptr);
    FilterInOutPtr inGuard(in), outGuard(out);
    if (err < 0)
        fail("parse", err);
    err = avfilter_graph_config(graph_.get(), nullptr);
    if (err < 0)
        fail("configure", err);
}

void FfmpegFilterGraph::push(AVFrame* frame) {
    const int err = av_buffersrc_add_frame_flags(source_, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
    if (err < 0)
        throw IoError("video filters '" + description_ + "' failed: " + errorText(err));
}

bool FfmpegFilterGraph::pull(AVFrame* out) {
    const int err = av_buffersink_get_frame(sink_, out);
    if (err == AVERROR(EAGAIN) || err == AVERROR_EOF)
        return false;
    if (err < 0)
        throw IoError("video filters '" + description_ + "' failed: " + errorText(err));
    return true;
}

AVRational FfmpegFilterGraph::outputTimeBase() const { return av_buffersink_get_time_base(sink_); }

} // namespace i2v
