// GenerationRequest::validate(): every impossible setting is an InputError that names the setting, the
// value and the allowed range, before any work; the limits themselves are accepted; an empty prompt is
// fine (diffusers allows it). settingsToJson/settingsFromJson (how the app stores a job) round-trip every
// setting and keep the defaults for what is missing or damaged.
#include "pipeline/GenerationLimits.h"
#include "pipeline/GenerationRequest.h"
#include "pipeline/GenerationRequestJson.h"
#include "util/Errors.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using i2v::GenerationRequest;
using i2v::InputError;

namespace {

GenerationRequest validRequest() {
    GenerationRequest r;
    r.image = i2v::RgbImage(7, 5);
    r.prompt = "a red fox";
    r.width = 96;
    r.height = 64;
    r.numFrames = 4;
    r.numInferenceSteps = 4;
    return r;
}

// The message of the InputError validate() throws for `r` ("(accepted)" when it throws none).
std::string errorOf(const GenerationRequest& r) {
    try {
        r.validate();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(accepted)";
}

using Edit = std::function<void(GenerationRequest&)>;

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestGenerationRequest : public QObject {
    Q_OBJECT
private slots:
    void defaultsAndLimitsAreAccepted() {
        QCOMPARE(errorOf(validRequest()), std::string("(accepted)"));
        GenerationRequest r = validRequest();
        r.prompt.clear();           // empty prompt: allowed, as diffusers
        r.negativePrompt.clear();
        QCOMPARE(errorOf(r), std::string("(accepted)"));
        r.width = r.height = 8;
        r.numFrames = 1;
        r.numInferenceSteps = 1;
        r.guidanceScale = 0.0;
        r.eta = 1.0;
        r.targetFps = 1;
        QCOMPARE(errorOf(r), std::string("(accepted)"));
        r.width = r.height = 4096;
        r.numFrames = 256;
        r.numInferenceSteps = 1000;
        r.guidanceScale = 100.0;
        r.eta = 0.0;
        r.targetFps = 240;
        QCOMPARE(errorOf(r), std::string("(accepted)"));
        for (const char* s : {"ddim", "dpmpp-2m", "euler", "euler-a", "unipc", "ddpm"}) {
            r.scheduler = s;
            QCOMPARE(errorOf(r), std::string("(accepted)"));
        }
        r.prompt = "Fuchs über dem Fluss, 狐狸 🦊";  // any valid UTF-8
        QCOMPARE(errorOf(r), std::string("(accepted)"));
    }

    void impossibleSettingsAreNamed_data() {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("needle");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("no image") << Edit([](GenerationRequest& r) { r.image = {}; }) << "no input image";
        QTest::newRow("image buffer short") << Edit([](GenerationRequest& r) { r.image.pixels.pop_back(); })
                                            << "does not match its size";
        QTest::newRow("width 100") << Edit([](GenerationRequest& r) { r.width = 100; })
                                   << "width must be a multiple of 8 between 8 and 4096, got 100";
        QTest::newRow("height 63") << Edit([](GenerationRequest& r) { r.height = 63; })
                                   << "height must be a multiple of 8 between 8 and 4096, got 63";
        QTest::newRow("width 0") << Edit([](GenerationRequest& r) { r.width = 0; }) << "got 0";
        QTest::newRow("width -8") << Edit([](GenerationRequest& r) { r.width = -8; }) << "got -8";
        QTest::newRow("height 4104") << Edit([](GenerationRequest& r) { r.height = 4104; }) << "got 4104";
        QTest::newRow("frames 0") << Edit([](GenerationRequest& r) { r.numFrames = 0; })
                                  << "frames must be between 1 and 256, got 0";
        QTest::newRow("frames huge") << Edit([](GenerationRequest& r) { r.numFrames = 100000; }) << "got 100000";
        QTest::newRow("steps 0") << Edit([](GenerationRequest& r) { r.numInferenceSteps = 0; })
                                 << "steps must be between 1 and 1000, got 0";
        QTest::newRow("steps huge") << Edit([](GenerationRequest& r) { r.numInferenceSteps = 1 << 30; })
                                    << "steps must be between 1 and 1000";
        QTest::newRow("guidance -1") << Edit([](GenerationRequest& r) { r.guidanceScale = -1; })
                                     << "guidance scale must be between 0 and 100, got -1";
        QTest::newRow("guidance NaN") << Edit([nan](GenerationRequest& r) { r.guidanceScale = nan; })
                                      << "guidance scale must be between 0 and 100";
        QTest::newRow("guidance inf") << Edit([inf](GenerationRequest& r) { r.guidanceScale = inf; })
                                      << "guidance scale must be between 0 and 100";
        QTest::newRow("eta -0.1") << Edit([](GenerationRequest& r) { r.eta = -0.1; })
                                  << "eta must be between 0 and 1, got -0.1";
        QTest::newRow("eta 1.5") << Edit([](GenerationRequest& r) { r.eta = 1.5; }) << "eta must be between 0 and 1, got 1.5";
        QTest::newRow("eta NaN") << Edit([nan](GenerationRequest& r) { r.eta = nan; }) << "eta must be between 0 and 1";
        QTest::newRow("fps 0") << Edit([](GenerationRequest& r) { r.targetFps = 0; })
                               << "fps conditioning must be between 1 and 240, got 0";
        QTest::newRow("decode chunk 0") << Edit([](GenerationRequest& r) { r.decodeChunkSize = 0; })
                                        << "decode chunk size must be between 1 and 256, got 0";
        QTest::newRow("decode chunk 257") << Edit([](GenerationRequest& r) { r.decodeChunkSize = 257; }) << "got 257";
        QTest::newRow("crop position x -0.1") << Edit([](GenerationRequest& r) { r.cropPosition = {-0.1, 0.5}; })
                                              << "the crop position must be between 0 and 1 on each axis (0.5,0.5 = centred), got -0.1,0.5";
        QTest::newRow("crop position y 2") << Edit([](GenerationRequest& r) { r.cropPosition = {0.5, 2}; }) << "got 0.5,2";
        QTest::newRow("crop position NaN") << Edit([nan](GenerationRequest& r) { r.cropPosition = {nan, 0.5}; })
                                           << "the crop position must be between 0 and 1";
        QTest::newRow("unknown scheduler") << Edit([](GenerationRequest& r) { r.scheduler = "lms"; })
                                           << "unknown scheduler 'lms': choose one of ddim";
        QTest::newRow("prompt not UTF-8") << Edit([](GenerationRequest& r) { r.prompt = "fox \xff\xfe river"; })
                                          << "the prompt is not valid UTF-8 (bad byte sequence at byte 4)";
        QTest::newRow("negative prompt not UTF-8")
            << Edit([](GenerationRequest& r) { r.negativePrompt = "blurry \xc3"; })
            << "the negative prompt is not valid UTF-8";
    }

    void impossibleSettingsAreNamed() {
        QFETCH(Edit, edit);
        QFETCH(QString, needle);
        GenerationRequest r = validRequest();
        edit(r);
        const std::string message = errorOf(r);
        QVERIFY2(message.find(needle.toStdString()) != std::string::npos,
                 (message + "  [expected: " + needle.toStdString() + "]").c_str());
    }

    void limitsAreAccepted() {
        using namespace i2v::limits;
        GenerationRequest r = validRequest();
        r.width = kSize.max;
        r.height = kSize.min;
        r.numFrames = kFrames.max;
        r.numInferenceSteps = kSteps.max;
        r.guidanceScale = kGuidance.max;
        r.targetFps = kFps.min;
        r.eta = kEta.max;
        r.decodeChunkSize = kDecodeChunk.max;
        QCOMPARE(errorOf(r), std::string("(accepted)"));
    }

    void settingsJsonRoundTrips() {
        GenerationRequest r = validRequest();
        r.negativePrompt = "blurry, «static»";
        r.guidanceScale = 3.25;
        r.targetFps = 10;
        r.scheduler = "dpmpp-2m";
        r.eta = 0.5;
        r.seed = 18446744073709551557ull;  // all 64 bits: stored as a string
        r.vaeSeed = 7;
        r.decodeChunkSize = 3;
        r.preview = i2v::PreviewMode::FullDecode;
        r.cropPosition = {0.0, 0.75};
        const nlohmann::json j = i2v::settingsToJson(r);
        QVERIFY(j["seed"].is_string());
        QVERIFY(!j.contains("image"));
        GenerationRequest back;
        i2v::settingsFromJson(nlohmann::json::parse(j.dump()), back);
        QVERIFY(back.image.empty());  // the picture is not a setting
        QCOMPARE(back.describe(), r.describe());
        QCOMPARE(back.vaeSeed, r.vaeSeed);
        QCOMPARE(int(back.preview), int(r.preview));
        QVERIFY(back.cropPosition == r.cropPosition);
        QCOMPARE(i2v::settingsToJson(back), j);
    }

    // A moved crop is part of the parameters (metadata, history, settings); the centre, diffusers' own crop,
    // adds nothing, so the parameters of every unmoved job stay as they were.
    void onlyAMovedCropIsDescribed() {
        GenerationRequest r = validRequest();
        auto hasKey = [&](const std::string& key) {
            for (const auto& [k, v] : r.describe())
                if (k == key)
                    return v;
            return std::string("(absent)");
        };
        QCOMPARE(hasKey("crop_position"), std::string("(absent)"));
        QVERIFY(!i2v::settingsToJson(r).contains("cropPosition"));
        r.cropPosition = {0.25, 1};
        QCOMPARE(hasKey("crop_position"), std::string("0.25,1"));
        QCOMPARE(i2v::settingsToJson(r)["cropPosition"], nlohmann::json({0.25, 1.0}));
    }

    void settingsJsonKeepsDefaultsForMissingOrDamagedValues() {
        const GenerationRequest defaults;
        GenerationRequest r;
        i2v::settingsFromJson(nlohmann::json::parse(R"({
            "width": 1e300, "height": -9223372036854775808, "frames": "16", "steps": 18446744073709551615,
            "guidance": "high", "seed": "12x", "vaeSeed": -1, "prompt": 5, "scheduler": null, "preview": 3,
            "cropPosition": [0.2, 1.5], "unknown": true})"),
                              r);
        QCOMPARE(r.describe(), defaults.describe());
        QVERIFY(r.cropPosition.isCentred());
        for (const char* damaged : {R"({"cropPosition": [0.2]})", R"({"cropPosition": ["0", 1]})", R"({"cropPosition": 0.3})"}) {
            i2v::settingsFromJson(nlohmann::json::parse(damaged), r);
            QVERIFY2(r.cropPosition.isCentred(), damaged);
        }
        QVERIFY(!r.vaeSeed.has_value());
        QCOMPARE(int(r.preview), int(defaults.preview));
        i2v::settingsFromJson(nlohmann::json::parse("[1, 2]"), r);  // not an object: nothing read
        i2v::settingsFromJson(nlohmann::json(), r);
        QCOMPARE(r.describe(), defaults.describe());
        i2v::settingsFromJson(nlohmann::json::parse(R"({"width": 512, "seed": 42})"), r);
        QCOMPARE(r.width, 512);
        QCOMPARE(r.seed, uint64_t(42));
        QCOMPARE(r.height, defaults.height);
    }
};

QTEST_APPLESS_MAIN(TestGenerationRequest)
#include "tst_generation_request.moc"
