// The FFmpeg-free parts of video export: loop order and interpolation counts, even padding, PNG text
// chunks, GIF comments, parameter JSON, format/setting names and validation, and the staged write
// policy (temporary in the target folder, rename on commit, removal otherwise, no silent overwrite).
#include "export/ExportMetadata.h"
#include "export/ExportSettings.h"
#include "export/FrameSequence.h"
#include "export/GifComment.h"
#include "export/PngTextChunks.h"
#include "export/StagedOutput.h"
#include "export/VideoExporter.h"
#include "export/VideoFormat.h"
#include "util/Errors.h"

#include <QTemporaryDir>
#include <fstream>

namespace fs = std::filesystem;
using namespace i2v;

namespace {

// A minimal valid PNG (1x1 red pixel) to insert chunks into.
std::string tinyPng() {
    const unsigned char bytes[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00,
        0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01,
        0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
        0x82};
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

// A minimal GIF89a: header, 2-colour global table, NETSCAPE loop forever, one 1x1 image, trailer.
std::string tinyGif() {
    std::string g = "GIF89a";
    g += std::string("\x01\x00\x01\x00\x80\x00\x00", 7);  // 1x1, global table of 2 colours
    g += std::string("\x00\x00\x00\xff\xff\xff", 6);
    g += std::string("\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00", 19);
    g += std::string("\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00", 10);
    g += std::string("\x02\x02\x44\x01\x00", 5);  // LZW min size 2, one sub-block, end
    g += "\x3b";
    return g;
}

} // namespace

class TestExportHelpers : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    fs::path path(const std::string& name) const { return fs::path(dir_.path().toStdString()) / name; }
    static size_t entries(const fs::path& d) {
        return static_cast<size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator()));
    }

private slots:
    void loopModesOrderFrames() {
        QCOMPARE(FrameSequence::order(4, LoopMode::Once, 3), (std::vector<int>{0, 1, 2, 3}));
        QCOMPARE(FrameSequence::order(3, LoopMode::Repeat, 3), (std::vector<int>{0, 1, 2, 0, 1, 2, 0, 1, 2}));
        // Boomerang: no end frame shown twice, so it loops seamlessly.
        QCOMPARE(FrameSequence::order(5, LoopMode::PingPong, 1), (std::vector<int>{0, 1, 2, 3, 4, 3, 2, 1}));
        QCOMPARE(FrameSequence::order(1, LoopMode::PingPong, 1), (std::vector<int>{0}));
        QCOMPARE(FrameSequence::order(2, LoopMode::PingPong, 1), (std::vector<int>{0, 1}));
        const auto once = FrameSequence::order(4, LoopMode::Once, 1);
        QCOMPARE(FrameSequence::tailIndex(once, LoopMode::Once), 3);
        QCOMPARE(FrameSequence::tailIndex(once, LoopMode::Once, 2), 3);
        const auto pp = FrameSequence::order(4, LoopMode::PingPong, 1);
        QCOMPARE(FrameSequence::tailIndex(pp, LoopMode::PingPong), 0);
        QCOMPARE(FrameSequence::tailIndex(pp, LoopMode::PingPong, 1), 1);
    }

    void interpolationKeepsDuration() {
        QCOMPARE(FrameSequence::outputCount(16, 8, 24), 48);
        QCOMPARE(FrameSequence::outputCount(16, 8, 25), 50);
        QCOMPARE(FrameSequence::outputCount(5, 8, 30), 19);  // times k/30 < 5/8 s: k = 0..18
        ExportSettings s;
        s.loop = LoopMode::PingPong;
        QCOMPARE(exportedFrameCount(5, s), 8);
        s.interpolation = Interpolation::Blend;
        s.interpolatedFps = 16;
        QCOMPARE(exportedFrameCount(5, s), 16);
    }

    void padsOddSizesByRepeatingEdges() {
        RgbFrame f(3, 3);
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 3; ++x)
                f.at(x, y)[0] = static_cast<uint8_t>(10 * y + x);
        const RgbFrame p = FrameSequence::padToEven(f);
        QCOMPARE(p.width, 4);
        QCOMPARE(p.height, 4);
        QCOMPARE(int(p.at(3, 1)[0]), 12);  // last column repeated
        QCOMPARE(int(p.at(1, 3)[0]), 21);  // last row repeated
        QCOMPARE(int(p.at(3, 3)[0]), 22);
        QCOMPARE(int(p.at(1, 1)[0]), 11);
        RgbFrame even(4, 2);
        QCOMPARE(FrameSequence::padToEven(even).width, 4);
    }

    void pngTextRoundTripsUtf8() {
        QCOMPARE(PngTextChunks::crc32("IEND"), 0xae426082u);
        const std::string json = R"({"prompt":"chat 🐱 — «ü»","seed":42})";
        const std::string png = PngTextChunks::insert(tinyPng(), {{"i2v-parameters", json}, {"Software", "I2V"}});
        // Non-ASCII text goes in iTXt (4 extra header bytes), ASCII in tEXt.
        QCOMPARE(png.size(), tinyPng().size() + (12 + 19 + json.size()) + (12 + 9 + 3));
        QCOMPARE(png.substr(33 + 4, 4), std::string("iTXt"));
        QCOMPARE(png.substr(33 + 12 + 19 + json.size() + 4, 4), std::string("tEXt"));
        const auto texts = PngTextChunks::read(png);
        QCOMPARE(texts.size(), size_t(2));
        QCOMPARE(texts[0].first, std::string("i2v-parameters"));
        QCOMPARE(texts[0].second, json);
        QCOMPARE(texts[1].second, std::string("I2V"));
        QVERIFY_THROWS_EXCEPTION(InputError, PngTextChunks::insert("not a png", {{"a", "b"}}));
        QVERIFY_THROWS_EXCEPTION(InputError, PngTextChunks::insert(tinyPng(), {{std::string(80, 'k'), "b"}}));
        QVERIFY(PngTextChunks::read(png.substr(0, 40)).empty());  // truncated: no crash, nothing half-read
    }

    void gifCommentRoundTrips() {
        const std::string text(700, 'x');  // more than two 255-byte sub-blocks
        std::string gif = tinyGif();
        gif.insert(gif.size() - 1, GifComment::block(text));
        const auto p = GifComment::parse(gif);
        QVERIFY(p.complete);
        QCOMPARE(p.frames, 1);
        QCOMPARE(p.loopCount, 0);
        QCOMPARE(p.comments.size(), size_t(1));
        QCOMPARE(p.comments[0], text);
        QVERIFY(!GifComment::parse(gif.substr(0, 30)).complete);
        QVERIFY(GifComment::parse("garbage").comments.empty());
    }

    void metadataKeepsOrderAndTypes() {
        ExportMetadata m{{"prompt", "a fox"}, {"negative_prompt", ""}};
        m.set("seed", 42);
        m.set("guidance", 9.0);
        m.set("prompt", "a red fox");  // replaced in place
        QCOMPARE(m.json().begin().key(), std::string("prompt"));
        QCOMPARE(m.text("prompt"), std::string("a red fox"));
        QCOMPARE(m.text("seed"), std::string("42"));
        QCOMPARE(m.summary(), std::string("prompt: a red fox\nnegative_prompt: \nseed: 42\nguidance: 9.0"));
        const ExportMetadata back = ExportMetadata::fromJsonText(m.toJsonText());
        QVERIFY(back == m);
        ExportMetadata u{{"prompt", "chat 🐱 «ü»"}};
        const std::string ascii = u.toJsonText(true);
        QVERIFY(std::all_of(ascii.begin(), ascii.end(), [](char c) { return (c & 0x80) == 0; }));
        QVERIFY(ExportMetadata::fromJsonText(ascii) == u);
        QVERIFY_THROWS_EXCEPTION(InputError, ExportMetadata::fromJsonText("[1,2]"));
        QVERIFY_THROWS_EXCEPTION(InputError, ExportMetadata::fromJsonText("not json"));
        QVERIFY_THROWS_EXCEPTION(InputError, ExportMetadata(nlohmann::ordered_json(3)));
    }

    void namesParseAndValidate() {
        for (VideoFormat f : allVideoFormats())
            QCOMPARE(parseVideoFormat(formatName(f)), f);
        QCOMPARE(parseVideoFormat("MP4"), VideoFormat::Mp4H264);
        QCOMPARE(formatForPath("a/b.webm"), VideoFormat::WebmVp9);
        QCOMPARE(formatForPath("frames"), VideoFormat::PngSequence);
        QVERIFY_THROWS_EXCEPTION(InputError, formatForPath("x.avi"));
        QVERIFY_THROWS_EXCEPTION(InputError, parseVideoFormat("mkv"));
        QCOMPARE(parseLoopMode("pingpong"), LoopMode::PingPong);
        QCOMPARE(parseInterpolation("motion"), Interpolation::Motion);
        QCOMPARE(gifDitherName(parseGifDither("floyd_steinberg")), std::string("floyd_steinberg"));
        ExportSettings s;
        validateSettings(s);
        QCOMPARE(s.fps, 8.0);
        s.quality = 101;
        QVERIFY_THROWS_EXCEPTION(InputError, validateSettings(s));
        s = {};
        s.interpolation = Interpolation::Motion;
        s.interpolatedFps = 8;  // not above fps
        QVERIFY_THROWS_EXCEPTION(InputError, validateSettings(s));
        s = {};
        s.fps = 0;
        QVERIFY_THROWS_EXCEPTION(InputError, validateSettings(s));
    }

    void stagedFileIsRenamedOnCommit() {
        const fs::path target = path("clip.bin");
        {
            StagedOutput out(target, StagedOutput::Kind::File, false);
            QCOMPARE(out.stagingPath().parent_path(), target.parent_path());
            QVERIFY(out.stagingPath().filename().string().rfind(".clip.bin.part", 0) == 0);
            std::ofstream(out.stagingPath()) << "data";
            QVERIFY(!fs::exists(target));
            out.commit();
        }
        QVERIFY(fs::exists(target));
        QCOMPARE(entries(target.parent_path()), size_t(1));
        fs::remove(target);
    }

    void stagedFileIsRemovedWithoutCommit() {
        const fs::path target = path("lost.bin");
        fs::path staging;
        {
            StagedOutput out(target, StagedOutput::Kind::File, false);
            staging = out.stagingPath();
            std::ofstream(staging) << "partial";
        }
        QVERIFY(!fs::exists(staging));
        QVERIFY(!fs::exists(target));
    }

    void stagedOutputNeverOverwritesSilently() {
        const fs::path target = path("keep.bin");
        std::ofstream(target) << "old";
        try {
            StagedOutput out(target, StagedOutput::Kind::File, false);
            QFAIL("accepted an existing target");
        } catch (const IoError& e) {
            QVERIFY2(std::string(e.what()).find(target.string()) != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("already exists") != std::string::npos, e.what());
        }
        {
            StagedOutput out(target, StagedOutput::Kind::File, true);
            std::ofstream(out.stagingPath()) << "new";
            out.commit();
        }
        std::ifstream in(target);
        std::string s;
        in >> s;
        QCOMPARE(s, std::string("new"));
        fs::remove(target);
    }

    void stagedFolderReplacesFolder() {
        const fs::path target = path("frames");
        fs::create_directory(target);
        std::ofstream(target / "old.png") << "old";
        {
            StagedOutput out(target, StagedOutput::Kind::Directory, true);
            std::ofstream(out.stagingPath() / "frame_0001.png") << "new";
            out.commit();
        }
        QVERIFY(!fs::exists(target / "old.png"));
        QVERIFY(fs::exists(target / "frame_0001.png"));
        QCOMPARE(entries(target.parent_path()), size_t(1));  // no leftover ".old" folder
        fs::remove_all(target);
        QVERIFY_THROWS_EXCEPTION(IoError, StagedOutput(path("no/such/folder/x.mp4"), StagedOutput::Kind::File, false));
    }
};

QTEST_APPLESS_MAIN(TestExportHelpers)
#include "tst_export_helpers.moc"
