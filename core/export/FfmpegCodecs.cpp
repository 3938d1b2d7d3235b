// FfmpegCodecs: encoder selection, run-time availability and per-encoder settings.
#include "export/FfmpegCodecs.h"

#include "export/FfmpegUtil.h"
#include "util/Errors.h"

#include <cmath>

namespace i2v {

namespace {

AVCodecID codecOf(VideoFormat f) {
    switch (f) {
    case VideoFormat::Mp4H264: return AV_CODEC_ID_H264;
    case VideoFormat::WebmVp9: return AV_CODEC_ID_VP9;
    case VideoFormat::Gif: return AV_CODEC_ID_GIF;
    case VideoFormat::PngSequence: return AV_CODEC_ID_PNG;
    case VideoFormat::MovProRes: return AV_CODEC_ID_PRORES;
    case VideoFormat::Mp4Av1:
    case VideoFormat::WebmAv1: return AV_CODEC_ID_AV1;
    }
    return AV_CODEC_ID_NONE;
}

std::string muxerOf(VideoFormat f) {
    switch (f) {
    case VideoFormat::Mp4H264:
    case VideoFormat::Mp4Av1: return "mp4";
    case VideoFormat::WebmVp9:
    case VideoFormat::WebmAv1: return "webm";
    case VideoFormat::Gif: return "gif";
    case VideoFormat::MovProRes: return "mov";
    case VideoFormat::PngSequence: return "";
    }
    return "";
}

// Encoders in order of preference. SVT-AV1 is far faster at real sizes but refuses frames under 64
// pixels a side, where libaom takes over.
std::vector<std::string> candidates(VideoFormat f, int width, int height) {
    switch (f) {
    case VideoFormat::Mp4H264: return {"libx264"};
    case VideoFormat::WebmVp9: return {"libvpx-vp9"};
    case VideoFormat::Gif: return {"gif"};
    case VideoFormat::PngSequence: return {"png"};
    case VideoFormat::MovProRes: return {"prores_ks"};
    case VideoFormat::Mp4Av1:
    case VideoFormat::WebmAv1:
        if (width >= 64 && height >= 64)
            return {"libsvtav1", "libaom-av1", "librav1e"};
        return {"libaom-av1", "librav1e"};
    }
    return {};
}

std::string pixelFormatOf(VideoFormat f) {
    switch (f) {
    case VideoFormat::Gif: return "pal8";
    case VideoFormat::PngSequence: return "rgb24";
    case VideoFormat::MovProRes: return "yuv422p10le";
    default: return "yuv420p";
    }
}

bool encoderAvailable(const std::string& name) { return avcodec_find_encoder_by_name(name.c_str()) != nullptr; }

} // namespace

void FfmpegCodecs::requireEncoder(const std::string& name) {
    if (!encoderAvailable(name))
        throw InputError(name + " is not available in this FFmpeg build (install an FFmpeg with " + name +
                         " or choose another format or encoder)");
}

FormatSupport FfmpegCodecs::support(VideoFormat format) {
    FormatSupport s{format, false, "", ""};
    const std::string muxer = muxerOf(format);
    if (!muxer.empty() && !av_guess_format(muxer.c_str(), nullptr, nullptr)) {
        s.reason = "the " + muxer + " muxer is not available in this FFmpeg build";
        return s;
    }
    const auto names = candidates(format, 1 << 12, 1 << 12);
    for (const auto& name : names) {
        if (encoderAvailable(name)) {
            s.available = true;
            s.encoder = name;
            return s;
        }
    }
    s.reason = names.front() + " is not available in this FFmpeg build";
    for (size_t i = 1; i < names.size(); ++i)
        s.reason += (i + 1 == names.size() ? " (nor " : ", ") + names[i] + (i + 1 == names.size() ? ")" : "");
    return s;
}

EncoderChoice FfmpegCodecs::choose(const ExportSettings& s, int width, int height) {
    EncoderChoice c;
    c.muxer = muxerOf(s.format);
    c.pixelFormat = pixelFormatOf(s.format);
    c.yuv = s.format != VideoFormat::Gif && s.format != VideoFormat::PngSequence;
    if (!c.muxer.empty() && !av_guess_format(c.muxer.c_str(), nullptr, nullptr))
        throw InputError("the " + c.muxer + " muxer is not available in this FFmpeg build (choose another format)");
    if (!s.encoder.empty()) {
        requireEncoder(s.encoder);
        const AVCodec* codec = avcodec_find_encoder_by_name(s.encoder.c_str());
        if (codec->type != AVMEDIA_TYPE_VIDEO || codec->id != codecOf(s.format))
            throw InputError("encoder " + s.encoder + " does not make " + avcodec_get_name(codecOf(s.format)) +
                             ", which " + formatDescription(s.format) + " needs");
        c.encoder = s.encoder;
        return c;
    }
    const auto names = candidates(s.format, width, height);
    for (const auto& name : names) {
        if (encoderAvailable(name)) {
            c.encoder = name;
            return c;
        }
    }
    requireEncoder(names.front());  // throws with the first choice named
    return c;
}

void FfmpegCodecs::setVerbose(bool verbose) { av_log_set_level(verbose ? AV_LOG_INFO : AV_LOG_ERROR); }

int FfmpegCodecs::mapQuality(int q, int at0, int at50, int at80, int at100) {
    double v;
    if (q <= 50)
        v = at0 + (at50 - at0) * q / 50.0;
    else if (q <= 80)
        v = at50 + (at80 - at50) * (q - 50) / 30.0;
    else
        v = at80 + (at100 - at80) * (q - 80) / 20.0;
    return static_cast<int>(std::lround(v));
}

void FfmpegCodecs::configure(AVCodecContext* ctx, AVDictionary** opts, const EncoderChoice& c,
                             const ExportSettings& s) {
    const int q = s.quality;
    const EncoderSpeed sp = s.speed;
    auto set = [&](const char* key, const std::string& v) { av_dict_set(opts, key, v.c_str(), 0); };
    auto pick = [&](const char* fast, const char* balanced, const char* small) {
        return std::string(sp == EncoderSpeed::Fast ? fast : sp == EncoderSpeed::Balanced ? balanced : small);
    };
    if (c.yuv) {
        ctx->color_range = AVCOL_RANGE_MPEG;
        ctx->color_primaries = AVCOL_PRI_BT709;
        ctx->color_trc = AVCOL_TRC_BT709;
        ctx->colorspace = AVCOL_SPC_BT709;
        ctx->chroma_sample_location = AVCHROMA_LOC_LEFT;
    } else {
        ctx->color_range = AVCOL_RANGE_JPEG;
        ctx->color_primaries = AVCOL_PRI_BT709;
        ctx->color_trc = AVCOL_TRC_IEC61966_2_1;  // sRGB: PNG gets cHRM/gAMA for correct display
    }
    const std::string& e = c.encoder;
    if (e == "libx264") {
        set("crf", std::to_string(mapQuality(q, 45, 28, 18, 10)));
        set("preset", pick("veryfast", "medium", "slow"));
    } else if (e == "libvpx-vp9") {
        ctx->bit_rate = 0;  // constant quality: CRF needs a zero bit rate in libvpx
        set("crf", std::to_string(mapQuality(q, 55, 38, 28, 15)));
        set("deadline", "good");
        set("cpu-used", pick("5", "2", "1"));
        set("row-mt", "1");
    } else if (e == "libsvtav1") {
        set("crf", std::to_string(mapQuality(q, 55, 40, 30, 18)));
        set("preset", pick("10", "8", "5"));
    } else if (e == "libaom-av1") {
        ctx->bit_rate = 0;
        set("crf", std::to_string(mapQuality(q, 55, 40, 30, 18)));
        set("cpu-used", pick("8", "6", "4"));
        set("row-mt", "1");
    } else if (e == "librav1e") {
        set("qp", std::to_string(mapQuality(q, 200, 120, 80, 40)));
        set("speed", pick("10", "6", "4"));
    } else if (e == "prores_ks") {
        // ProRes has no CRF: quality picks the 422 flavour (Proxy, LT, Standard, HQ).
        set("profile", std::to_string(q < 35 ? 0 : q < 60 ? 1 : q < 85 ? 2 : 3));
        set("vendor", "apl0");  // what Apple's encoder writes; some editors check it
    } else if (e == "png") {
        ctx->compression_level = sp == EncoderSpeed::Fast ? 1 : sp == EncoderSpeed::Balanced ? 6 : 9;
    }
}

} // namespace i2v
