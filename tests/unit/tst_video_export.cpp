// Video export end to end through FFmpeg: every format written from synthetic frames (gradients and a
// moving square, odd sizes included), then checked twice: by ffprobe (run as a separate process, JSON
// output: codec, pixel format, frame count, fps, duration, size, colour tags, metadata) and by
// decoding back with libav (PSNR against the input above a stated bound; exact for PNG and for GIF
// with few colours). Failure paths: existing file, missing/read-only folder, disk full (tmpfs of 64 KiB
// when mounting is permitted, RLIMIT_FSIZE always), cancel mid-export, missing encoder; none may leave
// a file behind.
#include "export/VideoExporter.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <QProcess>
#include <QTemporaryDir>
#include <cmath>
#include <csignal>
#include <fstream>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace i2v;
using json = nlohmann::json;

Q_DECLARE_METATYPE(i2v::VideoFormat)

namespace {

// Horizontal/vertical gradients with a bright square moving right by 3 px per frame.
VideoFrames syntheticFrames(int w, int h, int n) {
    VideoFrames frames;
    for (int i = 0; i < n; ++i) {
        RgbFrame f(w, h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                uint8_t* p = f.at(x, y);
                p[0] = static_cast<uint8_t>(255 * x / std::max(1, w - 1));
                p[1] = static_cast<uint8_t>(255 * y / std::max(1, h - 1));
                p[2] = static_cast<uint8_t>(128 + 60 * std::sin((x + y + 4 * i) * 0.15));
                const int sx = 4 + 3 * i, sy = h / 3;
                if (x >= sx && x < sx + w / 5 && y >= sy && y < sy + h / 3) {
                    p[0] = 250;
                    p[1] = 240;
                    p[2] = 30;
                }
            }
        frames.push_back(std::move(f));
    }
    return frames;
}

// Frames built from at most 4 colours (for the exact GIF check).
VideoFrames flatFrames(int w, int h, int n) {
    const uint8_t colours[4][3] = {{10, 20, 30}, {200, 40, 40}, {40, 200, 90}, {250, 250, 240}};
    VideoFrames frames;
    for (int i = 0; i < n; ++i) {
        RgbFrame f(w, h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                std::memcpy(f.at(x, y), colours[((x + 2 * i) / 8 + y / 8) % 4], 3);
        frames.push_back(std::move(f));
    }
    return frames;
}

// Incompressible frames (a fixed LCG, so runs are repeatable) to fill a small disk quickly.
VideoFrames noiseFrames(int w, int h, int n) {
    VideoFrames frames;
    uint32_t state = 12345;
    for (int i = 0; i < n; ++i) {
        RgbFrame f(w, h);
        for (auto& b : f.pixels) {
            state = state * 1664525u + 1013904223u;
            b = static_cast<uint8_t>(state >> 24);
        }
        frames.push_back(std::move(f));
    }
    return frames;
}

// Unmounts on every exit path of a test (QFAIL returns early).
struct MountGuard {
    fs::path at;
    bool mounted = false;
    ~MountGuard() {
        if (mounted)
            ::umount(at.c_str());
    }
};

// PSNR over the top-left a.width x a.height region of b (b may be padded to even size).
double psnr(const RgbFrame& a, const RgbFrame& b) {
    double se = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            for (int c = 0; c < 3; ++c) {
                const double d = double(a.at(x, y)[c]) - double(b.at(x, y)[c]);
                se += d * d;
            }
    const double mse = se / (double(a.width) * a.height * 3);
    return mse == 0 ? 99.0 : 10 * std::log10(255.0 * 255.0 / mse);
}

double minPsnr(const VideoFrames& in, const VideoFrames& out) {
    double m = 99;
    for (size_t i = 0; i < in.size() && i < out.size(); ++i)
        m = std::min(m, psnr(in[i], out[i]));
    return m;
}

// ffprobe's view of a file: format + first video stream, with frames counted by decoding.
json ffprobe(const fs::path& p) {
    QProcess proc;
    proc.start("ffprobe", {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_streams", "-show_format",
                           "-of", "json", QString::fromStdString(p.string())});
    if (!proc.waitForFinished(30000) || proc.exitCode() != 0)
        return json();
    return json::parse(proc.readAllStandardOutput().toStdString(), nullptr, false);
}

// The colour range of the first decoded frame, as ffprobe reports it.
std::string firstFrameColorRange(const fs::path& p) {
    QProcess proc;
    proc.start("ffprobe", {"-v", "error", "-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries",
                           "frame=color_range", "-of", "json", QString::fromStdString(p.string())});
    if (!proc.waitForFinished(30000) || proc.exitCode() != 0)
        return "(ffprobe failed)";
    const json j = json::parse(proc.readAllStandardOutput().toStdString(), nullptr, false);
    return j.is_object() && !j["frames"].empty() ? j["frames"][0].value("color_range", std::string()) : std::string();
}

ExportMetadata sampleParameters() {
    ExportMetadata m;
    m.set("prompt", "a red fox in the snow, «ü» 🦊");
    m.set("negative_prompt", "blurry");
    m.set("seed", 1234);
    m.set("vae_seed", 99);
    m.set("scheduler", "ddim");
    m.set("steps", 50);
    m.set("guidance", 9.0);
    m.set("fps_conditioning", 16);
    m.set("size", "1280x704");
    m.set("model", "ali-vilab/i2vgen-xl");
    m.set("model_hash", "sha256:0123abcd");
    m.set("app_version", I2V_VERSION);
    return m;
}

// A field of ffprobe's JSON as text ("" when absent), whatever its JSON type.
std::string field(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key))
        return {};
    return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

size_t entryCount(const fs::path& d) {
    return static_cast<size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator()));
}

} // namespace

class TestVideoExport : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    fs::path root() const { return fs::path(tmp_.path().toStdString()); }
    // A fresh empty folder per test, so "nothing left behind" is one entry count.
    fs::path freshDir(const std::string& name) {
        const fs::path d = root() / name;
        fs::remove_all(d);
        fs::create_directories(d);
        return d;
    }

private slots:
    void initTestCase() {
        if (!haveVideoExport())
            QSKIP("this build has no FFmpeg: video export unavailable");
        setVideoExportVerbose(false);
    }

    void listsFormats() {
        const auto support = formatSupport();
        QCOMPARE(support.size(), allVideoFormats().size());
        for (const auto& s : support) {
            QVERIFY2(s.available || !s.reason.empty(), formatName(s.format).c_str());
            if (!s.available)
                qWarning("%s unavailable: %s", formatName(s.format).c_str(), s.reason.c_str());
        }
        // Debian's FFmpeg (../shared/docs/toolchain.md) has every encoder we use.
        QCOMPARE(availableFormats().size(), allVideoFormats().size());
    }

    void writesEveryFormat_data() {
        QTest::addColumn<VideoFormat>("format");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("pixFmt");
        QTest::addColumn<int>("outWidth");
        QTest::addColumn<int>("outHeight");
        QTest::addColumn<double>("minPsnr");  // 99 = exact
        // Bounds: measured at the default quality 80, minus ~2 dB of margin. RGB PSNR of these frames is
        // capped near 31 dB by 4:2:0/4:2:2 chroma at the saturated square's edges (quality 100 gives
        // the same); colour accuracy itself is pinned by colourRoundTripIsBt709LimitedRange (>= 40 dB).
        // Measured: mp4 97x61 31.4, mp4 64x48 28.9, webm 30.4, mov 33.8, av1 (aom) 30.9, av1 (svt)
        // 31.0, gif 26.7, png exact.
        QTest::newRow("mp4 97x61") << VideoFormat::Mp4H264 << 97 << 61 << "h264" << "yuv420p" << 98 << 62 << 29.0;
        QTest::newRow("mp4 64x48") << VideoFormat::Mp4H264 << 64 << 48 << "h264" << "yuv420p" << 64 << 48 << 27.0;
        QTest::newRow("webm 97x61") << VideoFormat::WebmVp9 << 97 << 61 << "vp9" << "yuv420p" << 98 << 62 << 28.5;
        QTest::newRow("mov 97x61") << VideoFormat::MovProRes << 97 << 61 << "prores" << "yuv422p10le" << 98 << 62
                                   << 31.5;
        QTest::newRow("mp4-av1 97x61 (libaom)") << VideoFormat::Mp4Av1 << 97 << 61 << "av1" << "yuv420p" << 98 << 62
                                                << 28.5;
        QTest::newRow("webm-av1 130x72 (svt)") << VideoFormat::WebmAv1 << 130 << 72 << "av1" << "yuv420p" << 130
                                               << 72 << 28.5;
        // FFmpeg's GIF decoder reports bgra (it expands the palette and transparency).
        QTest::newRow("gif 97x61") << VideoFormat::Gif << 97 << 61 << "gif" << "bgra" << 97 << 61 << 24.5;
        QTest::newRow("png 97x61") << VideoFormat::PngSequence << 97 << 61 << "png" << "rgb24" << 97 << 61 << 99.0;
    }

    void writesEveryFormat() {
        QFETCH(VideoFormat, format);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, codec);
        QFETCH(QString, pixFmt);
        QFETCH(int, outWidth);
        QFETCH(int, outHeight);
        QFETCH(double, minPsnr);
        const VideoFrames frames = syntheticFrames(width, height, 8);
        const fs::path dir = freshDir("formats");
        const fs::path out = dir / ("clip" + formatExtension(format));
        ExportSettings s;
        s.format = format;
        std::vector<int> progress;
        const ExportResult r = exportVideo(frames, s, sampleParameters(), out, nullptr,
                                           [&](int done, int total) {
                                               QCOMPARE(total, 8);
                                               progress.push_back(done);
                                           });
        QCOMPARE(r.frames, 8);
        QCOMPARE(r.width, outWidth);
        QCOMPARE(progress, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8}));
        QCOMPARE(entryCount(dir), size_t(1));  // the output only: no temporary left

        // Independent check: ffprobe (for the PNG sequence: its first frame).
        const fs::path probed = format == VideoFormat::PngSequence ? out / "frame_0001.png" : out;
        const json p = ffprobe(probed);
        QVERIFY2(p.is_object() && !p["streams"].empty(),
                 ("ffprobe could not read " + probed.string() + " (is ffprobe installed? apt-get install ffmpeg)").c_str());
        const json& st = p["streams"][0];
        QCOMPARE(QString::fromStdString(field(st, "codec_name")), codec);
        QCOMPARE(QString::fromStdString(field(st, "pix_fmt")), pixFmt);
        QCOMPARE(st["width"].get<int>(), outWidth);
        QCOMPARE(st["height"].get<int>(), outHeight);
        if (format != VideoFormat::PngSequence) {
            QCOMPARE(field(st, "nb_read_frames"), std::string("8"));
            QVERIFY2(std::abs(std::stod(field(p["format"], "duration")) - 1.0) < 0.02,
                     p["format"].dump().c_str());
        }
        if (format != VideoFormat::Gif && format != VideoFormat::PngSequence) {
            QCOMPARE(field(st, "r_frame_rate"), std::string("8/1"));
            QCOMPARE(field(st, "color_space"), std::string("bt709"));
            QCOMPARE(field(st, "color_primaries"), std::string("bt709"));
            QCOMPARE(field(st, "color_transfer"), std::string("bt709"));
            // Every frame is limited range. MOV's colour box (nclc) has no range flag: FFmpeg 5 and 6 report the
            // ProRes decoder's "tv" for the stream too, FFmpeg 7 only for the frames (the same file, read
            // differently; docs/robustness.md, "Distributions").
            QCOMPARE(firstFrameColorRange(out), std::string("tv"));
            const std::string streamRange = field(st, "color_range");
            QVERIFY2(streamRange == "tv" || (format == VideoFormat::MovProRes && (streamRange.empty() || streamRange == "unknown")),
                     streamRange.c_str());
            // Container tags: the parameters as one JSON text in `comment` (ffprobe lowercases nothing
            // for mp4/mov; matroska writes COMMENT).
            const json& tags = p["format"]["tags"];
            const std::string comment = tags.value("comment", tags.value("COMMENT", std::string()));
            QCOMPARE(comment, sampleParameters().toJsonText());
        }

        // Our reader: the parameters come back as they went in, with the stream facts.
        const VideoInfo info = readVideoInfo(out);
        QVERIFY(info.hasParameters);
        QVERIFY(info.parameters == sampleParameters());
        QCOMPARE(info.frames, int64_t(8));
        QCOMPARE(info.width, outWidth);
        QVERIFY2(std::abs(info.fps - 8.0) < 0.05, std::to_string(info.fps).c_str());
        QVERIFY2(std::abs(info.durationSeconds - 1.0) < 0.02, std::to_string(info.durationSeconds).c_str());

        // Decode back with libav and compare pixels.
        const VideoFrames back = decodeVideo(out);
        QCOMPARE(back.size(), frames.size());
        QCOMPARE(back[0].width, outWidth);
        const double m = ::minPsnr(frames, back);
        qInfo("%s: min PSNR %.2f dB (bound %.1f)", QTest::currentDataTag(), m, minPsnr);
        QVERIFY2(m >= minPsnr, std::to_string(m).c_str());
    }

    void mp4IsFastStartAndQualityScales() {
        const fs::path dir = freshDir("faststart");
        ExportSettings s;
        s.quality = 100;
        exportVideo(noiseFrames(96, 64, 6), s, sampleParameters(), dir / "a.mp4");
        std::ifstream in(dir / "a.mp4", std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // +faststart: the index (moov) precedes the media data (mdat).
        QVERIFY(bytes.find("moov") < bytes.find("mdat"));
        // The 0..100 scale moves the CRF: smaller files at lower quality.
        uintmax_t previous = fs::file_size(dir / "a.mp4");
        for (int q : {60, 20}) {
            s.quality = q;
            const fs::path out = dir / ("q" + std::to_string(q) + ".mp4");
            exportVideo(noiseFrames(96, 64, 6), s, {}, out);
            const uintmax_t size = fs::file_size(out);
            QVERIFY2(size < previous, (std::to_string(q) + ": " + std::to_string(size)).c_str());
            previous = size;
        }
    }

    // Smooth colour ramps survive 4:2:0 nearly untouched, so what remains measures the colour path:
    // a BT.601/BT.709 or tv/pc range mismatch anywhere costs far more than this bound.
    void colourRoundTripIsBt709LimitedRange_data() {
        QTest::addColumn<VideoFormat>("format");
        QTest::addColumn<double>("minPsnr");
        QTest::newRow("mp4") << VideoFormat::Mp4H264 << 40.0;
        QTest::newRow("webm") << VideoFormat::WebmVp9 << 40.0;
        QTest::newRow("mov") << VideoFormat::MovProRes << 40.0;
    }
    void colourRoundTripIsBt709LimitedRange() {
        QFETCH(VideoFormat, format);
        QFETCH(double, minPsnr);
        const double bound = minPsnr;
        VideoFrames frames;
        for (int i = 0; i < 3; ++i) {
            RgbFrame f(96, 64);
            for (int y = 0; y < 64; ++y)
                for (int x = 0; x < 96; ++x) {
                    f.at(x, y)[0] = static_cast<uint8_t>(x * 255 / 95);
                    f.at(x, y)[1] = static_cast<uint8_t>(y * 255 / 63);
                    f.at(x, y)[2] = static_cast<uint8_t>(255 - x * 255 / 95 / 2 - i * 20);
                }
            frames.push_back(std::move(f));
        }
        const fs::path dir = freshDir("colour");
        ExportSettings s;
        s.format = format;
        s.quality = 100;
        const fs::path out = dir / ("c" + formatExtension(format));
        exportVideo(frames, s, {}, out);
        const double m = ::minPsnr(frames, decodeVideo(out));
        qInfo("%s smooth ramps at quality 100: min PSNR %.2f dB", formatName(format).c_str(), m);
        QVERIFY(m >= bound);
    }

    void gifLoopsForeverAndIsExactWithFewColours() {
        const fs::path dir = freshDir("gif");
        ExportSettings s;
        s.format = VideoFormat::Gif;
        s.gifDither = GifDither::None;
        const VideoFrames frames = flatFrames(45, 33, 5);
        exportVideo(frames, s, sampleParameters(), dir / "a.gif");
        const VideoInfo info = readVideoInfo(dir / "a.gif");
        QVERIFY(info.loopsForever);
        QCOMPARE(info.container, std::string("gif"));
        QCOMPARE(minPsnr(frames, decodeVideo(dir / "a.gif")), 99.0);
        // Every dithering choice produces a valid file.
        for (GifDither d : {GifDither::Bayer, GifDither::FloydSteinberg, GifDither::Sierra}) {
            s.gifDither = d;
            s.overwrite = true;
            exportVideo(syntheticFrames(45, 33, 3), s, {}, dir / "a.gif");
            QCOMPARE(readVideoInfo(dir / "a.gif").frames, int64_t(3));
        }
    }

    void pngSequenceIsExactWithNamedFramesAndText() {
        const fs::path dir = freshDir("png");
        ExportSettings s;
        s.format = VideoFormat::PngSequence;
        s.fps = 12;
        exportVideo(syntheticFrames(97, 61, 3), s, sampleParameters(), dir / "frames");
        QVERIFY(fs::exists(dir / "frames" / "frame_0001.png"));
        QVERIFY(fs::exists(dir / "frames" / "frame_0003.png"));
        QCOMPARE(entryCount(dir / "frames"), size_t(3));
        const VideoInfo info = readVideoInfo(dir / "frames");
        QCOMPARE(info.container, std::string("png sequence"));
        QCOMPARE(info.fps, 12.0);
        QCOMPARE(info.frames, int64_t(3));
        QVERIFY(info.parameters == sampleParameters());
        // FFmpeg's PNG decoder sees the text chunk too (frame tags).
        QProcess proc;
        proc.start("ffprobe", {"-v", "error", "-show_frames", "-of", "json",
                               QString::fromStdString((dir / "frames" / "frame_0001.png").string())});
        QVERIFY(proc.waitForFinished(30000));
        const json frameTags = json::parse(proc.readAllStandardOutput().toStdString())["frames"][0]["tags"];
        QCOMPARE(field(frameTags, "i2v-parameters"), sampleParameters().toJsonText(true));
        // A single frame file reads on its own too.
        QVERIFY(readVideoInfo(dir / "frames" / "frame_0002.png").parameters == sampleParameters());
    }

    void pingPongAndRepeatOrderFrames() {
        const fs::path dir = freshDir("loops");
        const VideoFrames frames = syntheticFrames(40, 30, 4);
        ExportSettings s;
        s.format = VideoFormat::PngSequence;
        s.loop = LoopMode::PingPong;
        exportVideo(frames, s, {}, dir / "pp");
        const VideoFrames pp = decodeVideo(dir / "pp");
        const std::vector<int> expect = {0, 1, 2, 3, 2, 1};
        QCOMPARE(pp.size(), expect.size());
        for (size_t i = 0; i < expect.size(); ++i)
            QVERIFY(pp[i].pixels == frames[expect[i]].pixels);
        s.loop = LoopMode::Repeat;
        s.repeatCount = 3;
        s.format = VideoFormat::Mp4H264;
        exportVideo(frames, s, {}, dir / "rep.mp4");
        const VideoInfo info = readVideoInfo(dir / "rep.mp4");
        QCOMPARE(info.frames, int64_t(12));
        QVERIFY(std::abs(info.durationSeconds - 1.5) < 0.02);
    }

    void blendInterpolationCrossFades() {
        const fs::path dir = freshDir("blend");
        const VideoFrames frames = syntheticFrames(40, 30, 4);
        ExportSettings s;
        s.format = VideoFormat::PngSequence;
        s.interpolation = Interpolation::Blend;
        s.interpolatedFps = 24;
        const ExportResult r = exportVideo(frames, s, {}, dir / "b");
        QCOMPARE(r.frames, 12);  // 4 frames at 8 fps = 0.5 s = 12 frames at 24 fps
        const VideoFrames out = decodeVideo(dir / "b");
        QCOMPARE(out.size(), size_t(12));
        // Source frames land on every third output frame; the ones between are weighted mixes.
        QVERIFY(psnr(frames[1], out[3]) > 40);
        RgbFrame mix(40, 30);
        for (size_t i = 0; i < mix.pixels.size(); ++i)
            mix.pixels[i] = static_cast<uint8_t>(std::lround((2.0 * frames[1].pixels[i] + frames[2].pixels[i]) / 3.0));
        const double p = psnr(mix, out[4]);
        qInfo("blend: PSNR of frame 4 against 2/3 f1 + 1/3 f2: %.2f dB", p);
        QVERIFY(p > 38);
        QVERIFY(psnr(frames[1], out[4]) < p);
    }

    void motionInterpolationKeepsDurationAndSourceFrames() {
        const fs::path dir = freshDir("motion");
        const VideoFrames frames = syntheticFrames(64, 48, 4);
        ExportSettings s;
        s.interpolation = Interpolation::Motion;
        s.interpolatedFps = 24;
        s.quality = 100;
        const ExportResult r = exportVideo(frames, s, sampleParameters(), dir / "m.mp4");
        QCOMPARE(r.frames, 12);
        const json p = ffprobe(dir / "m.mp4");
        QCOMPARE(field(p["streams"][0], "nb_read_frames"), std::string("12"));
        QCOMPARE(field(p["streams"][0], "r_frame_rate"), std::string("24/1"));
        QVERIFY(std::abs(std::stod(field(p["format"], "duration")) - 0.5) < 0.02);
        const VideoFrames out = decodeVideo(dir / "m.mp4");
        const double m = psnr(frames[2], out[6]);
        qInfo("motion: PSNR of a source frame after interpolation + H.264: %.2f dB", m);
        QVERIFY(m > 30);
    }

    void refusesToOverwriteUnlessAsked() {
        const fs::path dir = freshDir("overwrite");
        const fs::path out = dir / "a.mp4";
        std::ofstream(out) << "precious";
        try {
            exportVideo(syntheticFrames(32, 32, 2), {}, {}, out);
            QFAIL("overwrote an existing file");
        } catch (const IoError& e) {
            QVERIFY2(std::string(e.what()).find(out.string()) != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("already exists") != std::string::npos, e.what());
        }
        QCOMPARE(fs::file_size(out), uintmax_t(8));
        ExportSettings s;
        s.overwrite = true;
        exportVideo(syntheticFrames(32, 32, 2), s, {}, out);
        QCOMPARE(readVideoInfo(out).frames, int64_t(2));
        QCOMPARE(entryCount(dir), size_t(1));
    }

    void reportsMissingAndReadOnlyFolders() {
        try {
            exportVideo(syntheticFrames(32, 32, 2), {}, {}, root() / "no" / "such" / "a.mp4");
            QFAIL("wrote into a missing folder");
        } catch (const IoError& e) {
            QVERIFY2(std::string(e.what()).find("no/such") != std::string::npos, e.what());
        }
        // Read-only: root ignores permission bits, so as root use a read-only tmpfs.
        const fs::path ro = freshDir("readonly");
        MountGuard guard{ro};
        if (::geteuid() == 0) {
            guard.mounted = ::mount("tmpfs", ro.c_str(), "tmpfs", MS_RDONLY, "size=64k") == 0;
            if (!guard.mounted)
                QSKIP("running as root without permission to mount a read-only tmpfs");
        } else {
            fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
        }
        try {
            exportVideo(syntheticFrames(32, 32, 2), {}, {}, ro / "a.mp4");
            QFAIL("wrote into a read-only folder");
        } catch (const IoError& e) {
            QVERIFY2(std::string(e.what()).find(ro.string()) != std::string::npos, e.what());
            qInfo("read-only folder: %s", e.what());
        }
        QCOMPARE(entryCount(ro), size_t(0));
        if (!guard.mounted)
            fs::permissions(ro, fs::perms::owner_all);
    }

    // Disk full for real: a 64 KiB tmpfs (needs root and mount permission, skipped otherwise).
    void diskFullOnTinyTmpfsLeavesNothing() {
        const fs::path small = freshDir("tmpfs");
        MountGuard guard{small};
        guard.mounted = ::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=64k") == 0;
        if (!guard.mounted)
            QSKIP("cannot mount a tmpfs here (not root or no CAP_SYS_ADMIN); RLIMIT_FSIZE test covers this");
        for (VideoFormat f : {VideoFormat::Mp4H264, VideoFormat::PngSequence, VideoFormat::Gif}) {
            ExportSettings s;
            s.format = f;
            s.quality = 100;
            const fs::path out = small / ("full" + formatExtension(f));
            try {
                exportVideo(noiseFrames(160, 120, 8), s, sampleParameters(), out);
                QFAIL("a 64 KiB disk took the whole clip");
            } catch (const IoError& e) {
                qInfo("%s on a full disk: %s", formatName(f).c_str(), e.what());
                QVERIFY2(std::string(e.what()).find("No space left on device") != std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find(out.string()) != std::string::npos, e.what());
            }
            QCOMPARE(entryCount(small), size_t(0));
        }
    }

    // Disk full without privileges: the file-size limit makes writes fail with EFBIG.
    void writeFailureFromFileSizeLimitLeavesNothing() {
        const fs::path dir = freshDir("rlimit");
        rlimit old{};
        ::getrlimit(RLIMIT_FSIZE, &old);
        auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);  // get EFBIG instead of being killed
        rlimit lim = old;
        lim.rlim_cur = 16 * 1024;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &lim) == 0);
        std::string message;
        try {
            ExportSettings s;
            s.quality = 100;
            exportVideo(noiseFrames(160, 120, 8), s, sampleParameters(), dir / "big.mp4");
        } catch (const IoError& e) {
            message = e.what();
        }
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        qInfo("file size limit: %s", message.c_str());
        QVERIFY2(message.find("File too large") != std::string::npos, message.c_str());
        QVERIFY2(message.find((dir / "big.mp4").string()) != std::string::npos, message.c_str());
        QCOMPARE(entryCount(dir), size_t(0));
    }

    void cancelMidExportLeavesNothing_data() {
        QTest::addColumn<VideoFormat>("format");
        QTest::newRow("mp4") << VideoFormat::Mp4H264;
        QTest::newRow("gif") << VideoFormat::Gif;
        QTest::newRow("png") << VideoFormat::PngSequence;
    }
    void cancelMidExportLeavesNothing() {
        QFETCH(VideoFormat, format);
        const fs::path dir = freshDir("cancel");
        CancelToken cancel;
        ExportSettings s;
        s.format = format;
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(Cancelled, exportVideo(syntheticFrames(64, 48, 10), s, {}, dir / "c.out",
                                                        &cancel, [&](int done, int) {
                                                            ++calls;
                                                            if (done == 3)
                                                                cancel.cancel();
                                                        }));
        QCOMPARE(calls, 3);
        QCOMPARE(entryCount(dir), size_t(0));
        // Cancelled before starting: nothing is created either.
        QVERIFY_THROWS_EXCEPTION(Cancelled, exportVideo(syntheticFrames(8, 8, 2), s, {}, dir / "d.out", &cancel));
        QCOMPARE(entryCount(dir), size_t(0));
    }

    void reportsUnavailableEncoder() {
        const fs::path dir = freshDir("encoder");
        ExportSettings s;
        s.format = VideoFormat::Mp4Av1;
        s.encoder = "libnonexistent-av1";
        try {
            exportVideo(syntheticFrames(16, 16, 2), s, {}, dir / "a.mp4");
            QFAIL("used a missing encoder");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("libnonexistent-av1 is not available in this FFmpeg build") !=
                         std::string::npos,
                     e.what());
        }
        s.encoder = "libx264";  // exists, but makes H.264, not AV1
        QVERIFY_THROWS_EXCEPTION(InputError, exportVideo(syntheticFrames(16, 16, 2), s, {}, dir / "a.mp4"));
        s.encoder = "libaom-av1";  // forcing a real alternative works
        QCOMPARE(exportVideo(syntheticFrames(16, 16, 2), s, {}, dir / "a.mp4").encoder, std::string("libaom-av1"));
        QCOMPARE(entryCount(dir), size_t(1));
    }

    void rejectsBadFrames() {
        const fs::path dir = freshDir("bad");
        VideoFrames frames = syntheticFrames(16, 16, 2);
        frames.push_back(RgbFrame(18, 16));
        QVERIFY_THROWS_EXCEPTION(InputError, exportVideo(frames, {}, {}, dir / "a.mp4"));
        QVERIFY_THROWS_EXCEPTION(InputError, exportVideo({}, {}, {}, dir / "a.mp4"));
        frames = syntheticFrames(16, 16, 2);
        frames[1].pixels.pop_back();
        QVERIFY_THROWS_EXCEPTION(InputError, exportVideo(frames, {}, {}, dir / "a.mp4"));
        QCOMPARE(entryCount(dir), size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestVideoExport)
#include "tst_video_export.moc"
