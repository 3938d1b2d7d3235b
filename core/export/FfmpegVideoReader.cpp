// FfmpegVideoReader: probes a file (stream facts by demuxing every packet, so frame counts are exact)
// and decodes it back to RGB with the colour matrix and range it is tagged with.
#include "export/FfmpegVideoReader.h"

#include "export/FfmpegUtil.h"
#include "export/GifComment.h"
#include "export/PngTextChunks.h"
#include "util/Errors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace i2v {

using namespace ffmpeg;

namespace {

struct OpenedInput {
    InputFormatPtr fmt;
    int stream = -1;
};

OpenedInput openInput(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw IoError("cannot read " + path.string() + ": no such file");
    AVFormatContext* raw = nullptr;
    int err = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (err < 0)
        throw IoError("cannot read " + path.string() + ": " + errorText(err) + " (is it a video?)");
    OpenedInput in;
    in.fmt.reset(raw);
    err = avformat_find_stream_info(raw, nullptr);
    if (err < 0)
        throw IoError("cannot read " + path.string() + ": " + errorText(err));
    in.stream = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (in.stream < 0)
        throw IoError("cannot read " + path.string() + ": it holds no video stream");
    return in;
}

std::vector<fs::path> pngFrames(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string ext = e.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (e.is_regular_file() && ext == ".png" && e.path().filename().string()[0] != '.')
            files.push_back(e.path());
    }
    if (ec)
        throw IoError("cannot read " + dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty())
        throw IoError("cannot read " + dir.string() + ": the folder holds no PNG frames");
    return files;
}

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("cannot read " + path.string() + ": " + std::strerror(errno));
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void takeParameters(VideoInfo& info, const std::string& text) {
    try {
        info.parameters = ExportMetadata::fromJsonText(text);
        info.hasParameters = true;
    } catch (const InputError&) {
        // A comment written by other software: shown in tags, not as parameters.
    }
}

std::string nameOr(const char* name, const char* fallback = "unknown") { return name ? name : fallback; }

// Fills the stream facts of `info` from an opened input; counts packets for the frame count and
// takes the duration from first to last packet end.
void readStreamFacts(VideoInfo& info, OpenedInput& in) {
    AVFormatContext* f = in.fmt.get();
    const AVStream* st = f->streams[in.stream];
    const AVCodecParameters* par = st->codecpar;
    info.codec = avcodec_get_name(par->codec_id);
    info.codecProfile = nameOr(avcodec_profile_name(par->codec_id, par->profile), "");
    info.pixelFormat = nameOr(av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format)));
    info.width = par->width;
    info.height = par->height;
    info.colorRange = nameOr(av_color_range_name(par->color_range));
    info.colorSpace = nameOr(av_color_space_name(par->color_space));
    info.colorPrimaries = nameOr(av_color_primaries_name(par->color_primaries));
    info.colorTransfer = nameOr(av_color_transfer_name(par->color_trc));
    const AVDictionaryEntry* e = nullptr;
    while ((e = av_dict_get(f->metadata, "", e, AV_DICT_IGNORE_SUFFIX)))
        info.tags[e->key] = e->value;

    PacketPtr pkt = allocPacket();
    int64_t first = AV_NOPTS_VALUE, end = AV_NOPTS_VALUE;
    while (av_read_frame(f, pkt.get()) >= 0) {
        if (pkt->stream_index == in.stream) {
            ++info.frames;
            const int64_t t = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
            if (t != AV_NOPTS_VALUE) {
                if (first == AV_NOPTS_VALUE || t < first)
                    first = t;
                if (end == AV_NOPTS_VALUE || t + pkt->duration > end)
                    end = t + pkt->duration;
            }
        }
        av_packet_unref(pkt.get());
    }
    if (first != AV_NOPTS_VALUE && end > first)
        info.durationSeconds = (end - first) * av_q2d(st->time_base);
    else if (f->duration != AV_NOPTS_VALUE)
        info.durationSeconds = f->duration / double(AV_TIME_BASE);
    if (st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0)
        info.fps = av_q2d(st->avg_frame_rate);
    else if (info.durationSeconds > 0)
        info.fps = info.frames / info.durationSeconds;
}

VideoInfo pngSequenceInfo(const fs::path& dir) {
    const auto files = pngFrames(dir);
    OpenedInput in = openInput(files.front());
    VideoInfo info;
    info.path = dir;
    info.container = "png sequence";
    readStreamFacts(info, in);
    info.frames = static_cast<int64_t>(files.size());
    for (const auto& [k, v] : PngTextChunks::readFile(files.front()))
        info.tags[k] = v;
    if (auto it = info.tags.find("i2v-parameters"); it != info.tags.end())
        takeParameters(info, it->second);
    info.fps = 0;
    info.durationSeconds = 0;
    if (auto it = info.tags.find("i2v-export"); it != info.tags.end()) {
        const auto j = nlohmann::json::parse(it->second, nullptr, false);
        if (j.is_object() && j.contains("fps") && j["fps"].is_number())
            info.fps = j["fps"].get<double>();
    }
    if (info.fps > 0)
        info.durationSeconds = info.frames / info.fps;
    return info;
}

// Converts decoded frames of any format to RgbFrame, with the source's matrix and range.
class RgbConverter {
public:
    RgbFrame convert(const AVFrame* f) {
        const auto fmt = static_cast<AVPixelFormat>(f->format);
        sws_.reset(sws_getCachedContext(sws_.release(), f->width, f->height, fmt, f->width, f->height,
                                        AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT,
                                        nullptr, nullptr, nullptr));
        if (!sws_)
            throw IoError(std::string("cannot convert ") + nameOr(av_get_pix_fmt_name(fmt)) + " frames to RGB");
        const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(fmt);
        if (d && !(d->flags & AV_PIX_FMT_FLAG_RGB) && !(d->flags & AV_PIX_FMT_FLAG_PAL)) {
            const int matrix = f->colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709
                               : f->colorspace == AVCOL_SPC_BT2020_NCL || f->colorspace == AVCOL_SPC_BT2020_CL
                                   ? SWS_CS_BT2020
                                   : SWS_CS_DEFAULT;
            const int srcFull = f->color_range == AVCOL_RANGE_JPEG ? 1 : 0;
            sws_setColorspaceDetails(sws_.get(), sws_getCoefficients(matrix), srcFull,
                                     sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        }
        RgbFrame out(f->width, f->height);
        uint8_t* dst[4] = {out.pixels.data(), nullptr, nullptr, nullptr};
        int dstStride[4] = {f->width * 3, 0, 0, 0};
        sws_scale(sws_.get(), f->data, f->linesize, 0, f->height, dst, dstStride);
        return out;
    }

private:
    SwsPtr sws_;
};

// Decodes up to `maxFrames` frames of one file into `out`; with `lastOnly`, only the file's last frame
// (every frame decoded, only that one converted to RGB and kept).
void decodeFile(const fs::path& path, int maxFrames, VideoFrames& out, bool lastOnly = false) {
    OpenedInput in = openInput(path);
    const AVCodecParameters* par = in.fmt->streams[in.stream]->codecpar;
    const AVCodec* dec = avcodec_find_decoder(par->codec_id);
    if (!dec)
        throw IoError("cannot read " + path.string() + ": no " + avcodec_get_name(par->codec_id) +
                      " decoder in this FFmpeg build");
    CodecContextPtr ctx(avcodec_alloc_context3(dec));
    if (!ctx)
        throw std::bad_alloc();
    int err = avcodec_parameters_to_context(ctx.get(), par);
    if (err >= 0)
        err = avcodec_open2(ctx.get(), dec, nullptr);
    if (err < 0)
        throw IoError("cannot read " + path.string() + ": " + errorText(err));
    RgbConverter conv;
    PacketPtr pkt = allocPacket();
    FramePtr frame = allocFrame();
    auto full = [&] { return maxFrames >= 0 && static_cast<int>(out.size()) >= maxFrames; };
    FramePtr last = lastOnly ? allocFrame() : FramePtr();
    bool haveLast = false;
    auto receive = [&] {
        while (!full() && avcodec_receive_frame(ctx.get(), frame.get()) >= 0) {
            if (lastOnly) {
                av_frame_unref(last.get());
                av_frame_move_ref(last.get(), frame.get());
                haveLast = true;
            } else {
                out.push_back(conv.convert(frame.get()));
                av_frame_unref(frame.get());
            }
        }
    };
    while (!full() && av_read_frame(in.fmt.get(), pkt.get()) >= 0) {
        if (pkt->stream_index == in.stream) {
            err = avcodec_send_packet(ctx.get(), pkt.get());
            if (err < 0 && err != AVERROR(EAGAIN)) {
                av_packet_unref(pkt.get());
                throw IoError("cannot decode " + path.string() + ": " + errorText(err));
            }
            receive();
        }
        av_packet_unref(pkt.get());
    }
    avcodec_send_packet(ctx.get(), nullptr);
    receive();
    if (haveLast)
        out.push_back(conv.convert(last.get()));
}

} // namespace

VideoInfo FfmpegVideoReader::info(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return pngSequenceInfo(path);
    OpenedInput in = openInput(path);
    VideoInfo info;
    info.path = path;
    readStreamFacts(info, in);
    const std::string demuxer = in.fmt->iformat->name;
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (demuxer.rfind("mov", 0) == 0) {
        auto brand = info.tags.find("major_brand");
        info.container = brand != info.tags.end() && brand->second.rfind("qt", 0) == 0 ? "mov" : "mp4";
    } else if (demuxer.find("webm") != std::string::npos) {
        info.container = ext == ".webm" ? "webm" : "matroska";
    } else if (demuxer == "gif") {
        info.container = "gif";
    } else if (info.codec == "png") {
        info.container = "png";
    } else {
        info.container = demuxer;
    }

    if (info.container == "gif") {
        const GifComment::Parsed gif = GifComment::parse(readAll(path));
        info.loopsForever = gif.loopCount == 0;
        // The image descriptors are the frames: FFmpeg 7's demuxer also returns an extension that follows
        // the last image as a packet.
        if (gif.complete && gif.frames > 0)
            info.frames = gif.frames;
        for (const auto& c : gif.comments) {
            info.tags["comment"] = c;
            takeParameters(info, c);
            if (info.hasParameters)
                break;
        }
        if (info.durationSeconds > 0)
            info.fps = info.frames / info.durationSeconds;  // GIF stores delays, not a rate
    } else if (info.container == "png") {
        for (const auto& [k, v] : PngTextChunks::readFile(path))
            info.tags[k] = v;
        if (auto it = info.tags.find("i2v-parameters"); it != info.tags.end())
            takeParameters(info, it->second);
    } else {
        for (const auto& [k, v] : info.tags) {
            std::string key = k;
            std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            if (key == "comment") {
                takeParameters(info, v);
                break;
            }
        }
    }
    return info;
}

VideoFrames FfmpegVideoReader::decode(const fs::path& path, int maxFrames) {
    VideoFrames out;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        for (const auto& file : pngFrames(path)) {
            if (maxFrames >= 0 && static_cast<int>(out.size()) >= maxFrames)
                break;
            VideoFrames one;
            decodeFile(file, 1, one);
            for (auto& f : one)
                out.push_back(std::move(f));
        }
        return out;
    }
    decodeFile(path, maxFrames, out);
    return out;
}

std::optional<RgbFrame> FfmpegVideoReader::decodeLast(const fs::path& path) {
    VideoFrames out;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        const auto files = pngFrames(path);
        if (!files.empty())
            decodeFile(files.back(), 1, out);
    } else {
        decodeFile(path, -1, out, /*lastOnly=*/true);
    }
    if (out.empty())
        return std::nullopt;
    return std::move(out.back());
}

} // namespace i2v
