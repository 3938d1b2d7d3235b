// RAII owners for FFmpeg's C objects and the error text helper, shared by the Ffmpeg*.cpp units only
// (this header includes libav*, so nothing outside those units may include it).
#pragma once
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace i2v::ffmpeg {

struct CodecContextDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct FilterGraphDeleter {
    void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};
struct FilterInOutDeleter {
    void operator()(AVFilterInOut* io) const { avfilter_inout_free(&io); }
};
struct SwsDeleter {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct DictionaryDeleter {
    void operator()(AVDictionary* d) const { av_dict_free(&d); }
};
// An output context owns its AVIO handle: closing it on every path keeps no fd open on a temporary.
struct OutputFormatDeleter {
    void operator()(AVFormatContext* f) const {
        if (f->pb && !(f->oformat->flags & AVFMT_NOFILE))
            avio_closep(&f->pb);
        avformat_free_context(f);
    }
};
// Finishes a muxer whose header was written when the export stops early (cancel, error): FFmpeg 5.1's GIF
// muxer holds the previous packet until write_trailer and has no deinit, so without this the packet leaks.
// The staged file it completes is discarded on those paths anyway. Declare it after the OutputFormatPtr.
// Only for GIF: finishing an mp4 with +faststart would rewrite the partial file, slowing every cancel.
class MuxerFinisher {
public:
    explicit MuxerFinisher(AVFormatContext* oc) : oc_(oc) {}
    ~MuxerFinisher() {
        if (oc_)
            av_write_trailer(oc_);
    }
    MuxerFinisher(const MuxerFinisher&) = delete;
    MuxerFinisher& operator=(const MuxerFinisher&) = delete;
    void finished() { oc_ = nullptr; }   // the caller wrote the trailer itself

private:
    AVFormatContext* oc_;
};

struct InputFormatDeleter {
    void operator()(AVFormatContext* f) const { avformat_close_input(&f); }
};

using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using FilterGraphPtr = std::unique_ptr<AVFilterGraph, FilterGraphDeleter>;
using FilterInOutPtr = std::unique_ptr<AVFilterInOut, FilterInOutDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;
using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;

// Holds an AVDictionary* that FFmpeg calls may reallocate through get().
class Dictionary {
public:
    Dictionary() = default;
    ~Dictionary() { av_dict_free(&d_); }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    void set(const char* key, const std::string& value) { av_dict_set(&d_, key, value.c_str(), 0); }
    AVDictionary** get() { return &d_; }

private:
    AVDictionary* d_ = nullptr;
};

inline std::string errorText(int err) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(err, buf, sizeof buf);
    return buf;
}

inline FramePtr allocFrame() {
    FramePtr f(av_frame_alloc());
    if (!f)
        throw std::bad_alloc();
    return f;
}
inline PacketPtr allocPacket() {
    PacketPtr p(av_packet_alloc());
    if (!p)
        throw std::bad_alloc();
    return p;
}

} // namespace i2v::ffmpeg
