// FfmpegVideoWriter: the export pipeline. Frames are pushed in loop order (plus one tail frame when
// interpolating, so the duration stays frames/fps and loops are seamless) through one filter graph,
// then encoded and muxed into a StagedOutput that is renamed into place only when everything worked.
#include "export/FfmpegVideoWriter.h"

#include "export/FfmpegCodecs.h"
#include "export/FfmpegFilterGraph.h"
#include "export/FfmpegUtil.h"
#include "export/FrameSequence.h"
#include "export/GifComment.h"
#include "export/PngTextChunks.h"
#include "export/StagedOutput.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace i2v {

using namespace ffmpeg;

namespace {

std::string rationalText(AVRational r) { return std::to_string(r.num) + "/" + std::to_string(r.den); }

AVRational rateOf(double fps) { return av_d2q(fps, 1001000); }

std::string ioReason(int err) {
    std::string reason = errorText(err);
    if (err == AVERROR(ENOSPC) || err == AVERROR(EFBIG) || err == AVERROR(EDQUOT))
        reason += " (free some space or choose another folder)";
    else if (err == AVERROR(EACCES) || err == AVERROR(EPERM) || err == AVERROR(EROFS))
        reason += " (choose a folder you can write to)";
    return reason;
}

void writeAll(int fd, const std::string& bytes, const fs::path& shownPath) {
    const char* p = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw IoError("cannot write " + shownPath.string() + ": " + ioReason(AVERROR(errno)));
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
}

// An fd closed on every path.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { int f = fd_; fd_ = -1; return f; }

private:
    int fd_;
};

void closeChecked(Fd& fd, const fs::path& shownPath) {
    if (::close(fd.release()) != 0)
        throw IoError("cannot write " + shownPath.string() + ": " + ioReason(AVERROR(errno)));
}

// FFmpeg's GIF muxer writes no metadata: put the parameters in a Comment Extension right after the logical
// screen descriptor and global colour table, before the first frame. (At the end of the file, FFmpeg 7's GIF
// demuxer returns a trailing extension as a packet of its own: one frame too many and a longer duration.)
void insertGifComment(const fs::path& file, const std::string& text, const fs::path& shownPath) {
    std::string gif;
    {
        std::ifstream in(file, std::ios::binary);
        gif.assign(std::istreambuf_iterator<char>(in), {});
    }
    if (gif.size() < 14 || gif.compare(0, 3, "GIF") != 0 || gif.back() != 0x3b)
        throw IoError("cannot write " + shownPath.string() + ": the GIF encoder output is not a complete GIF");
    const auto flags = static_cast<uint8_t>(gif[10]);
    const size_t colorTable = (flags & 0x80) ? 3u * (size_t(2) << (flags & 0x07)) : 0;
    const size_t at = 13 + colorTable;
    if (at >= gif.size())
        throw IoError("cannot write " + shownPath.string() + ": the GIF encoder output is not a complete GIF");
    gif.insert(at, GifComment::block(text));
    Fd fd(::open(file.c_str(), O_WRONLY | O_TRUNC));
    if (fd.get() < 0)
        throw IoError("cannot write " + shownPath.string() + ": " + std::strerror(errno));
    writeAll(fd.get(), gif, shownPath);
    closeChecked(fd, shownPath);
}

// Copies an input frame into `dst` (rgb24), repeating the last column/row to fill a larger `dst`.
void fillFrame(AVFrame* dst, const RgbFrame& src) {
    for (int y = 0; y < dst->height; ++y) {
        const int sy = std::min(y, src.height - 1);
        uint8_t* row = dst->data[0] + static_cast<ptrdiff_t>(y) * dst->linesize[0];
        std::memcpy(row, src.at(0, sy), static_cast<size_t>(src.width) * 3);
        for (int x = src.width; x < dst->width; ++x)
            std::memcpy(row + x * 3, src.at(src.width - 1, sy), 3);
    }
}

void checkFrames(const VideoFrames& frames) {
    if (frames.empty())
        throw InputError("nothing to export: the clip has no frames");
    const RgbFrame& f0 = frames.front();
    if (f0.width < 1 || f0.height < 1 || f0.width > 16384 || f0.height > 16384)
        throw InputError("cannot export frames of " + std::to_string(f0.width) + "x" + std::to_string(f0.height) +
                         " pixels (use 1 to 16384 per side)");
    for (size_t i = 0; i < frames.size(); ++i) {
        const RgbFrame& f = frames[i];
        if (f.width != f0.width || f.height != f0.height)
            throw InputError("frame " + std::to_string(i) + " is " + std::to_string(f.width) + "x" +
                             std::to_string(f.height) + " but the first frame is " + std::to_string(f0.width) +
                             "x" + std::to_string(f0.height) + " (all frames of a clip must have one size)");
        if (f.pixels.size() != static_cast<size_t>(f.width) * f.height * 3)
            throw InputError("frame " + std::to_string(i) + " holds " + std::to_string(f.pixels.size()) +
                             " bytes, expected width*height*3 = " +
                             std::to_string(static_cast<size_t>(f.width) * f.height * 3));
    }
}

std::string pngFileName(int index, int total) {
    int digits = 4;
    for (int t = total; t >= 10000; t /= 10)
        ++digits;
    std::string n = std::to_string(index);
    if (static_cast<int>(n.size()) < digits)
        n.insert(0, static_cast<size_t>(digits) - n.size(), '0');
    return "frame_" + n + ".png";
}

} // namespace

std::string FfmpegVideoWriter::filterDescription(const ExportSettings& s, const std::string& pixFmt, bool yuv) {
    std::string chain;
    const bool interp = s.interpolation != Interpolation::None;
    if (interp) {
        // minterpolate and framerate work on planar YUV: go through full-range BT.709 4:4:4 so that
        // nothing is lost to chroma subsampling or range squeezing before the final conversion.
        const std::string rate = rationalText(rateOf(s.interpolatedFps));
        chain = "scale=out_color_matrix=bt709:out_range=pc:flags=bicubic+accurate_rnd,format=yuv444p,";
        if (s.interpolation == Interpolation::Motion)
            chain += "minterpolate=fps=" + rate + ":mi_mode=mci:mc_mode=aobmc:me_mode=bidir:vsbmc=1,";
        else
            chain += "framerate=fps=" + rate + ":interp_start=0:interp_end=255:scene=100,";
    }
    const std::string in = interp ? "in_color_matrix=bt709:in_range=pc:" : "";
    if (yuv) {
        chain += "scale=" + in + "out_color_matrix=bt709:out_range=tv:flags=bicubic+accurate_rnd,format=" + pixFmt;
        return chain;
    }
    chain += "scale=" + in + "flags=bicubic+accurate_rnd+full_chroma_int,format=rgb24";
    if (pixFmt == "pal8") {
        // One palette for the whole clip (stats over every frame) so colours do not flicker between frames.
        const int colours = FfmpegCodecs::mapQuality(s.quality, 16, 128, 256, 256);
        std::string dither;
        switch (s.gifDither) {
        case GifDither::None: dither = "none"; break;
        case GifDither::Bayer: dither = "bayer:bayer_scale=3"; break;
        case GifDither::FloydSteinberg: dither = "floyd_steinberg"; break;
        case GifDither::Sierra: dither = "sierra2_4a"; break;
        }
        chain += ",split[pal_in][img];[pal_in]palettegen=max_colors=" + std::to_string(colours) +
                 ":stats_mode=full:reserve_transparent=0[pal];[img][pal]paletteuse=dither=" + dither +
                 ":diff_mode=rectangle";
    }
    return chain;
}

ExportResult FfmpegVideoWriter::write(const VideoFrames& frames, const ExportSettings& s,
                                      const ExportMetadata& parameters, const fs::path& destination,
                                      const CancelToken* cancel, const ExportProgress& progress) {
    validateSettings(s);
    checkFrames(frames);
    const int srcW = frames.front().width, srcH = frames.front().height;
    const bool yuv = s.format != VideoFormat::Gif && s.format != VideoFormat::PngSequence;
    const int width = yuv ? srcW + (srcW & 1) : srcW;
    const int height = yuv ? srcH + (srcH & 1) : srcH;
    const EncoderChoice choice = FfmpegCodecs::choose(s, width, height);
    const AVCodec* codec = avcodec_find_encoder_by_name(choice.encoder.c_str());

    const std::vector<int> order = FrameSequence::order(static_cast<int>(frames.size()), s.loop, s.repeatCount);
    const bool interp = s.interpolation != Interpolation::None;
    const int length = static_cast<int>(order.size());
    const int total = interp ? FrameSequence::outputCount(length, s.fps, s.outputFps()) : length;
    const AVRational inRate = rateOf(s.fps), outRate = rateOf(s.outputFps());
    const bool pngSequence = s.format == VideoFormat::PngSequence;

    if (cancel)
        cancel->throwIfCancelled();
    StagedOutput staged(destination, pngSequence ? StagedOutput::Kind::Directory : StagedOutput::Kind::File,
                        s.overwrite);
    const std::string shown = destination.string();

    FfmpegFilterGraph graph(filterDescription(s, choice.pixelFormat, yuv), width, height, AV_PIX_FMT_RGB24,
                            av_inv_q(inRate));

    CodecContextPtr ctx(avcodec_alloc_context3(codec));
    if (!ctx)
        throw std::bad_alloc();
    ctx->width = width;
    ctx->height = height;
    ctx->pix_fmt = av_get_pix_fmt(choice.pixelFormat.c_str());
    ctx->time_base = av_inv_q(outRate);
    ctx->framerate = outRate;
    ctx->sample_aspect_ratio = AVRational{1, 1};
    Dictionary codecOptions;
    FfmpegCodecs::configure(ctx.get(), codecOptions.get(), choice, s);

    OutputFormatPtr oc;
    std::optional<MuxerFinisher> muxerFinisher;   // destroyed before oc
    AVStream* stream = nullptr;
    if (!pngSequence) {
        AVFormatContext* raw = nullptr;
        int err = avformat_alloc_output_context2(&raw, nullptr, choice.muxer.c_str(), staged.stagingPath().c_str());
        if (err < 0 || !raw)
            throw IoError("cannot write " + shown + ": " + errorText(err));
        oc.reset(raw);
        if (oc->oformat->flags & AVFMT_GLOBALHEADER)
            ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    int err = avcodec_open2(ctx.get(), codec, codecOptions.get());
    if (err < 0)
        throw IoError("cannot write " + shown + ": the " + choice.encoder + " encoder refused " +
                      std::to_string(width) + "x" + std::to_string(height) + " at " + rationalText(outRate) +
                      " fps: " + errorText(err));

    const std::string json = parameters.toJsonText();
    if (oc) {
        stream = avformat_new_stream(oc.get(), nullptr);
        if (!stream)
            throw std::bad_alloc();
        err = avcodec_parameters_from_context(stream->codecpar, ctx.get());
        if (err < 0)
            throw IoError("cannot write " + shown + ": " + errorText(err));
        stream->time_base = ctx->time_base;
        stream->avg_frame_rate = outRate;
        stream->r_frame_rate = outRate;
        if (!parameters.empty()) {
            av_dict_set(&oc->metadata, "comment", json.c_str(), 0);
            av_dict_set(&oc->metadata, "description", parameters.summary().c_str(), 0);
            if (parameters.contains("prompt"))
                av_dict_set(&oc->metadata, "title", parameters.text("prompt").c_str(), 0);
        }
        err = avio_open(&oc->pb, staged.stagingPath().c_str(), AVIO_FLAG_WRITE);
        if (err < 0)
            throw IoError("cannot write " + shown + ": " + ioReason(err));
        Dictionary muxOptions;
        if (choice.muxer == "mp4" || choice.muxer == "mov")
            muxOptions.set("movflags", "+faststart");  // index first: plays while downloading
        if (choice.muxer == "gif") {
            muxOptions.set("loop", "0");  // forever
            // GIF delays are centiseconds: give the last frame what makes the total exactly
            // frames/fps (the muxer would repeat the previous, rounded, delay).
            const double cs = 100.0 / av_q2d(outRate);
            muxOptions.set("final_delay", std::to_string(std::lround(total * cs) - std::lround((total - 1) * cs)));
        }
        err = avformat_write_header(oc.get(), muxOptions.get());
        if (err < 0)
            throw IoError("cannot write " + shown + ": " + ioReason(err));
        if (choice.muxer == "gif")   // the one muxer that leaks when not finished (FfmpegUtil.h)
            muxerFinisher.emplace(oc.get());
    }

    int written = 0;
    const AVRational sinkTb = graph.outputTimeBase();
    // Output times at or after the clip's end belong to the tail frame and are dropped.
    const int64_t endPts = av_rescale_q(length, av_inv_q(inRate), sinkTb);
    PacketPtr pkt = allocPacket();
    const PngTextChunks::Entries pngTexts = [&] {
        PngTextChunks::Entries t;
        if (!parameters.empty()) {
            t.emplace_back("i2v-parameters", parameters.toJsonText(true));  // ASCII: a tEXt chunk
            t.emplace_back("Description", parameters.summary());
        }
        t.emplace_back("Software", std::string("I2V Studio ") + I2V_VERSION);
        return t;
    }();

    auto writePacket = [&](AVPacket* p) {
        if (pngSequence) {
            const std::string name = pngFileName(written + 1, total);
            PngTextChunks::Entries texts = pngTexts;
            texts.emplace_back("i2v-export", "{\"fps\":" + std::to_string(s.outputFps()) + ",\"frame\":" +
                                                 std::to_string(written + 1) + ",\"frames\":" +
                                                 std::to_string(total) + "}");
            const std::string bytes = PngTextChunks::insert(std::string(reinterpret_cast<const char*>(p->data),
                                                                        static_cast<size_t>(p->size)),
                                                            texts);
            const fs::path file = staged.stagingPath() / name;
            Fd fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644));
            if (fd.get() < 0)
                throw IoError("cannot write " + (destination / name).string() + ": " + ioReason(AVERROR(errno)));
            writeAll(fd.get(), bytes, destination / name);
            closeChecked(fd, destination / name);
        } else {
            if (p->duration == 0)
                p->duration = 1;  // one frame in the codec time base; gives the last frame its length
            av_packet_rescale_ts(p, ctx->time_base, stream->time_base);
            p->stream_index = stream->index;
            const int e = av_interleaved_write_frame(oc.get(), p);
            if (e < 0)
                throw IoError("cannot write " + shown + ": " + ioReason(e));
        }
        ++written;
        if (progress)
            progress(std::min(written, total), total);
    };
    auto encode = [&](AVFrame* f) {
        int e = avcodec_send_frame(ctx.get(), f);
        if (e < 0)
            throw IoError("cannot write " + shown + ": " + choice.encoder + " failed: " + errorText(e));
        for (;;) {
            e = avcodec_receive_packet(ctx.get(), pkt.get());
            if (e == AVERROR(EAGAIN) || e == AVERROR_EOF)
                return;
            if (e < 0)
                throw IoError("cannot write " + shown + ": " + choice.encoder + " failed: " + errorText(e));
            writePacket(pkt.get());
            av_packet_unref(pkt.get());
            if (cancel)
                cancel->throwIfCancelled();
        }
    };
    FramePtr filtered = allocFrame();
    int64_t sent = 0;
    auto drain = [&] {
        while (graph.pull(filtered.get())) {
            const bool keep = filtered->pts == AV_NOPTS_VALUE || filtered->pts < endPts;
            if (keep && sent < total) {
                filtered->pts = sent++;  // constant frame rate: the n-th output frame is at n/outFps
                filtered->pict_type = AV_PICTURE_TYPE_NONE;
                // Some encoders (prores_ks) take the colour description from the frame, not the context.
                filtered->color_range = ctx->color_range;
                filtered->color_primaries = ctx->color_primaries;
                filtered->color_trc = ctx->color_trc;
                filtered->colorspace = ctx->colorspace;
                encode(filtered.get());
            }
            av_frame_unref(filtered.get());
            if (cancel)
                cancel->throwIfCancelled();
        }
    };

    FramePtr rgb = allocFrame();
    rgb->format = AV_PIX_FMT_RGB24;
    rgb->width = width;
    rgb->height = height;
    rgb->sample_aspect_ratio = AVRational{1, 1};
    err = av_frame_get_buffer(rgb.get(), 0);
    if (err < 0)
        throw std::bad_alloc();
    // minterpolate holds back frames until it has look-ahead; the outputs past the end are dropped.
    constexpr int kTailFrames = 3;
    const int pushes = length + (interp ? kTailFrames : 0);
    for (int i = 0; i < pushes; ++i) {
        if (cancel)
            cancel->throwIfCancelled();
        const int index = i < length ? order[i] : FrameSequence::tailIndex(order, s.loop, i - length);
        err = av_frame_make_writable(rgb.get());
        if (err < 0)
            throw std::bad_alloc();
        fillFrame(rgb.get(), frames[index]);
        rgb->pts = i;
        graph.push(rgb.get());
        drain();
    }
    graph.push(nullptr);
    drain();
    encode(nullptr);
    if (cancel)
        cancel->throwIfCancelled();

    if (oc) {
        if (muxerFinisher)
            muxerFinisher->finished();
        err = av_write_trailer(oc.get());
        if (err < 0)
            throw IoError("cannot write " + shown + ": " + ioReason(err));
        avio_flush(oc->pb);
        if (oc->pb->error < 0)
            throw IoError("cannot write " + shown + ": " + ioReason(oc->pb->error));
        err = avio_closep(&oc->pb);
        if (err < 0)
            throw IoError("cannot write " + shown + ": " + ioReason(err));
        if (choice.muxer == "gif" && !parameters.empty())
            insertGifComment(staged.stagingPath(), parameters.toJsonText(true), destination);  // GIF text is ASCII
    }
    staged.commit();

    ExportResult r;
    r.path = destination;
    r.encoder = choice.encoder;
    r.width = width;
    r.height = height;
    r.frames = written;
    r.fps = av_q2d(outRate);
    return r;
}

} // namespace i2v
