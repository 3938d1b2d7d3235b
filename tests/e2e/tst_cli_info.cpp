// `i2v info`: the real CLI reads back what the exporter embedded (format, codec, size, frames, fps,
// duration, generation parameters), as text and as one JSON object; errors name the file.
#include "export/VideoExporter.h"
#include "support/ProcessRun.h"
#include "support/TestData.h"

#include <QProcess>
#include <QTemporaryDir>

namespace fs = std::filesystem;
using namespace i2v;

namespace {

struct Run {
    int code = -1;
    std::string out, err;
};

Run runCli(const QStringList& args) {
    const i2v::test::ProcessRun r = i2v::test::runCli(args, QProcessEnvironment::systemEnvironment(), 60000);
    return {r.exitCode, r.out.toStdString(), r.err.toStdString()};
}

VideoFrames frames(int w, int h, int n) {
    VideoFrames out;
    for (int i = 0; i < n; ++i) {
        RgbFrame f(w, h);
        for (size_t k = 0; k < f.pixels.size(); ++k)
            f.pixels[k] = static_cast<uint8_t>((k * 7 + i * 13) & 0xff);
        out.push_back(std::move(f));
    }
    return out;
}

ExportMetadata parameters() {
    ExportMetadata m;
    m.set("prompt", "a lighthouse at dusk, «ü»");
    m.set("negative_prompt", "text, watermark");
    m.set("seed", 7);
    m.set("scheduler", "ddim");
    m.set("steps", 30);
    m.set("guidance", 9.0);
    m.set("model", "i2vgen-xl");
    m.set("app_version", I2V_VERSION);
    return m;
}

} // namespace

class TestCliInfo : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    fs::path video_;

private slots:
    void initTestCase() {
        if (!haveVideoExport())
            QSKIP("this build has no FFmpeg: video export unavailable");
        setVideoExportVerbose(false);
        video_ = fs::path(tmp_.path().toStdString()) / "clip.mp4";
        exportVideo(frames(64, 48, 16), {}, parameters(), video_);
    }

    void printsFactsAndParameters() {
        const Run r = runCli({"info", QString::fromStdString(video_.string())});
        QVERIFY2(r.code == 0, r.err.c_str());
        for (const char* needle : {"Format:     mp4", "Codec:      h264", "yuv420p", "Size:       64x48",
                                   "Frames:     16", "FPS:        8\n", "Duration:   2 s",
                                   "prompt: a lighthouse at dusk, «ü»", "seed: 7", "guidance: 9.0"})
            QVERIFY2(r.out.find(needle) != std::string::npos, (std::string(needle) + " missing in:\n" + r.out).c_str());
    }

    void printsOneJsonObject() {
        const Run r = runCli({"info", "--json", QString::fromStdString(video_.string())});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto j = nlohmann::ordered_json::parse(r.out, nullptr, false);
        QVERIFY2(j.is_object(), r.out.c_str());
        QCOMPARE(j["format"].get<std::string>(), std::string("mp4"));
        QCOMPARE(j["codec"].get<std::string>(), std::string("h264"));
        QCOMPARE(j["width"].get<int>(), 64);
        QCOMPARE(j["frames"].get<int>(), 16);
        QCOMPARE(j["fps"].get<double>(), 8.0);
        QVERIFY(std::abs(j["duration"].get<double>() - 2.0) < 0.01);
        QCOMPARE(j["color"]["space"].get<std::string>(), std::string("bt709"));
        QVERIFY(j["parameters"] == parameters().json());  // order and types preserved
    }

    void readsGifAndPngSequence() {
        const fs::path dir = fs::path(tmp_.path().toStdString());
        ExportSettings s;
        s.format = VideoFormat::Gif;
        exportVideo(frames(31, 17, 4), s, parameters(), dir / "a.gif");
        Run r = runCli({"info", "--json", QString::fromStdString((dir / "a.gif").string())});
        QVERIFY2(r.code == 0, r.err.c_str());
        auto j = nlohmann::ordered_json::parse(r.out);
        QCOMPARE(j["format"].get<std::string>(), std::string("gif"));
        QCOMPARE(j["frames"].get<int>(), 4);
        QCOMPARE(j["loops_forever"].get<bool>(), true);
        QVERIFY(j["parameters"] == parameters().json());

        s.format = VideoFormat::PngSequence;
        exportVideo(frames(31, 17, 4), s, parameters(), dir / "seq");
        r = runCli({"info", QString::fromStdString((dir / "seq").string())});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("Format:     png sequence") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("Frames:     4") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("steps: 30") != std::string::npos, r.out.c_str());
    }

    void listsFormats() {
        const Run r = runCli({"info", "--formats", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j.size(), allVideoFormats().size());
        QCOMPARE(j[0]["name"].get<std::string>(), std::string("mp4"));
        QCOMPARE(j[0]["available"].get<bool>(), true);
    }

    void failsWithThePathNamed() {
        const std::string missing = (fs::path(tmp_.path().toStdString()) / "nope.mp4").string();
        Run r = runCli({"info", QString::fromStdString(missing)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find(missing) != std::string::npos, r.err.c_str());
        r = runCli({"info"});
        QVERIFY(r.code != 0);
    }
};

QTEST_APPLESS_MAIN(TestCliInfo)
#include "tst_cli_info.moc"
