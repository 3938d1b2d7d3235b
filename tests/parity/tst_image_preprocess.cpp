// I2VGenXLPipeline's image preprocessing against the diffusers goldens, for every case: the PIL crops
// (clip_image_crop_u8, vae_image_crop_u8) bit-exact, and the float inputs of the CLIP image encoder and the
// VAE. Those are computed in float32 with the same operation order as numpy/torch, so they are compared
// exactly too (tolerance 0): any difference means a different formula, not rounding noise.
// Also Pillow's BOX/BILINEAR resampler and _center_crop_wide on odd sizes (tests/data/images fixtures).
#include "image/CenterCropWide.h"
#include "image/ImageLoader.h"
#include "image/ImagePreprocessor.h"
#include "image/PilResample.h"
#include "io/SafetensorsFile.h"
#include "support/TensorCompare.h"
#include "support/TestData.h"
#include "util/Errors.h"

#include <limits>
#include <utility>
#include <vector>

using namespace i2v;

namespace {

at::Tensor toTensor(const RgbImage& im) {
    return at::from_blob(const_cast<uint8_t*>(im.pixels.data()), {im.height, im.width, 3}, at::kByte).clone();
}

RgbImage fromTensor(const at::Tensor& t) {
    const at::Tensor c = t.contiguous();
    RgbImage im(static_cast<int>(c.size(1)), static_cast<int>(c.size(0)));
    std::memcpy(im.pixels.data(), c.data_ptr<uint8_t>(), im.pixels.size());
    return im;
}

const char* kCases[] = {"ddim_h64w96_f4",  "ddim_h96w64_f8",  "ddim_eta05_h64w96_f4", "dpmpp_h64w96_f4",
                        "euler_h64w96_f4", "nocfg_h64w64_f4", "ddim_h64w96_f1"};

const SafetensorsFile& fixtures() {
    static const SafetensorsFile f(test::dataDir() / "images" / "expected.safetensors");
    return f;
}

} // namespace

class TestImagePreprocess : public QObject {
    Q_OBJECT
private slots:
    void inputImageLoadsAsGolden();
    void goldenCases_data();
    void goldenCases();
    void geometryMatchesManifest_data();
    void geometryMatchesManifest();
    void resamplerMatchesPil_data();
    void resamplerMatchesPil();
    void centerCropWideMatchesPil_data();
    void centerCropWideMatchesPil();
    void pythonFloorDivision();
    void centredPositionIsDiffusersCrop();
    void movedCropWindow();
    void invalidSizesRejected();
    void configFromModelFolder();
};

void TestImagePreprocess::inputImageLoadsAsGolden() {
    const RgbImage im = loadImage(test::goldenInputImage());
    I2V_COMPARE_TENSORS_EXACT(toTensor(im), test::goldenTensor("input_image_u8"), "input_image_u8");
}

void TestImagePreprocess::goldenCases_data() {
    QTest::addColumn<QString>("name");
    for (const char* c : kCases)
        QTest::newRow(c) << QString(c);
}

void TestImagePreprocess::goldenCases() {
    QFETCH(QString, name);
    const std::string c = name.toStdString();
    const auto& call = test::goldenManifest().at("cases").at(c).at("call");
    const int width = call.at("width").get<int>(), height = call.at("height").get<int>();
    const ImagePreprocessor pre(
        ClipImageConfig::fromFile(test::tinyModelDir() / "feature_extractor" / "preprocessor_config.json"));
    const PreprocessedImage p = pre.run(loadImage(test::goldenInputImage()), width, height);

    I2V_COMPARE_TENSORS_EXACT(toTensor(p.clipCrop), test::goldenTensor(c + "/clip_image_crop_u8"), c + " clip crop");
    I2V_COMPARE_TENSORS_EXACT(toTensor(p.vaeCrop), test::goldenTensor(c + "/vae_image_crop_u8"), c + " vae crop");
    I2V_COMPARE_TENSORS_EXACT(p.clipPixelValues, test::goldenTensor(c + "/clip_pixel_values"), c + " clip_pixel_values");
    I2V_COMPARE_TENSORS_EXACT(p.vaeImage, test::goldenTensor(c + "/vae_image"), c + " vae_image");
    QCOMPARE(p.clipPixelValues.scalar_type(), at::kFloat);
    QCOMPARE(p.vaeImage.sizes().vec(), (std::vector<int64_t>{1, 3, height, width}));
}

void TestImagePreprocess::geometryMatchesManifest_data() { goldenCases_data(); }

void TestImagePreprocess::geometryMatchesManifest() {
    QFETCH(QString, name);
    const auto& geo = test::goldenManifest().at("cases").at(name.toStdString()).at("image_geometry");
    const auto& in = test::goldenManifest().at("input_image").at("size_wh");
    for (const char* key : {"clip_center_crop_wide", "vae_center_crop_wide"}) {
        const auto& e = geo.at(key);
        const int tw = e.at("target_wh").at(0), th = e.at("target_wh").at(1);
        const CenterCropWideGeometry g = centerCropWideGeometry(in.at(0), in.at(1), tw, th);
        QCOMPARE(g.scale, e.at("scale").get<double>());
        QCOMPARE(g.resizedWidth, e.at("box_resize_wh").at(0).get<int>());
        QCOMPARE(g.resizedHeight, e.at("box_resize_wh").at(1).get<int>());
        QCOMPARE(g.cropLeft, e.at("crop_box_ltrb").at(0).get<int>());
        QCOMPARE(g.cropTop, e.at("crop_box_ltrb").at(1).get<int>());
        QCOMPARE(g.outOfBoundsZeroFill, e.at("out_of_bounds_zero_fill").get<bool>());
        // the overlay rectangle covers the target's aspect ratio around the image centre
        QVERIFY(std::abs((g.sourceLeft + g.sourceRight) / 2 - in.at(0).get<double>() / 2) < 1.0);
        QVERIFY(std::abs((g.sourceTop + g.sourceBottom) / 2 - in.at(1).get<double>() / 2) < 1.0);
    }
}

void TestImagePreprocess::resamplerMatchesPil_data() {
    QTest::addColumn<QString>("name");
    for (const auto& key : fixtures().keys())
        if (key.rfind("resample/", 0) == 0 && key.size() > 4 && key.compare(key.size() - 4, 4, "/src") == 0) {
            const std::string n = key.substr(9, key.size() - 13);
            QTest::newRow(n.c_str()) << QString::fromStdString(n);
        }
}

void TestImagePreprocess::resamplerMatchesPil() {
    QFETCH(QString, name);
    const std::string n = name.toStdString();
    const at::Tensor expected = fixtures().tensor("resample/" + n + "/out");
    const ResampleFilter f = n.rfind("box", 0) == 0 ? ResampleFilter::Box : ResampleFilter::Bilinear;
    const RgbImage out = pilResize(fromTensor(fixtures().tensor("resample/" + n + "/src")),
                                   static_cast<int>(expected.size(1)), static_cast<int>(expected.size(0)), f);
    I2V_COMPARE_TENSORS_EXACT(toTensor(out), expected, n);
}

void TestImagePreprocess::centerCropWideMatchesPil_data() {
    QTest::addColumn<QString>("name");
    for (const auto& key : fixtures().keys())
        if (key.rfind("cropwide/", 0) == 0 && key.compare(key.size() - 4, 4, "/src") == 0) {
            const std::string n = key.substr(9, key.size() - 13);
            QTest::newRow(n.c_str()) << QString::fromStdString(n);
        }
}

void TestImagePreprocess::centerCropWideMatchesPil() {
    QFETCH(QString, name);
    const std::string n = name.toStdString();
    const at::Tensor expected = fixtures().tensor("cropwide/" + n + "/out");
    const RgbImage out = centerCropWide(fromTensor(fixtures().tensor("cropwide/" + n + "/src")),
                                        static_cast<int>(expected.size(1)), static_cast<int>(expected.size(0)));
    I2V_COMPARE_TENSORS_EXACT(toTensor(out), expected, n);
}

void TestImagePreprocess::pythonFloorDivision() {
    QCOMPARE(pythonFloorDiv(160.0, 160.0 / 96.0), 95.0);  // not 96: the source of the -1 crop starts
    QCOMPARE(pythonFloorDiv(7.0, 2.0), 3.0);
    QCOMPARE(pythonFloorDiv(-7.0, 2.0), -4.0);
    QCOMPARE(pythonFloorDiv(112.0, 112.0 / 64.0), 64.0);
}

// The default position's floor(0.5 * room) is Python's room // 2 for every room a picture gives, the -1 of a
// one-pixel-short resize included (the golden cases check diffusers' own geometry).
void TestImagePreprocess::centredPositionIsDiffusersCrop() {
    auto pyFloorDiv2 = [](int a) { return a >= 0 ? a / 2 : -((-a + 1) / 2); };
    int negativeRooms = 0;
    for (int srcW = 20; srcW <= 420; srcW += 3)
        for (int srcH : {37, 64, 97, 160}) {
            const CenterCropWideGeometry g = centerCropWideGeometry(srcW, srcH, 96, 64);
            QCOMPARE(g.cropLeft, pyFloorDiv2(g.resizedWidth - 96));
            QCOMPARE(g.cropTop, pyFloorDiv2(g.resizedHeight - 64));
            negativeRooms += g.cropLeft < 0 || g.cropTop < 0;
            const CenterCropWideGeometry explicitCentre = centerCropWideGeometry(srcW, srcH, 96, 64, CropPosition{0.5, 0.5});
            QCOMPARE(explicitCentre.cropLeft, g.cropLeft);
            QCOMPARE(explicitCentre.cropTop, g.cropTop);
        }
    QVERIFY(negativeRooms > 0);  // the -1 case was among them
}

// A moved window cuts the same resized picture at floor(position * room), on both branches.
void TestImagePreprocess::movedCropWindow() {
    RgbImage src(200, 100);  // 2:1, so a 64x64 target has 64 resized pixels of room across and none down
    for (size_t i = 0; i < src.pixels.size(); ++i)
        src.pixels[i] = uint8_t((i * 7) % 251);
    const RgbImage resized = pilResize(src, 128, 64, ResampleFilter::Box);
    for (const auto& [x, left] : std::vector<std::pair<double, int>>{{0.0, 0}, {0.25, 16}, {0.5, 32}, {0.999, 63}, {1.0, 64}}) {
        const RgbImage out = centerCropWide(src, 64, 64, {x, 0.0});
        I2V_COMPARE_TENSORS_EXACT(toTensor(out), toTensor(pilCrop(resized, left, 0, left + 64, 64)), std::to_string(x));
        const CenterCropWideGeometry g = centerCropWideGeometry(200, 100, 64, 64, {x, 1.0});
        QCOMPARE(g.cropLeft, left);
        QCOMPARE(g.cropTop, 0);  // no room down: y changes nothing
        QCOMPARE(g.sourceLeft, left * 200.0 / 128.0);
    }
    // The preprocessor moves the CLIP square and the VAE crop alike.
    const ImagePreprocessor pre(ClipImageConfig{});
    const PreprocessedImage moved = pre.run(src, 64, 48, {1.0, 0.0});
    QCOMPARE(moved.vaeGeometry.cropLeft, moved.vaeGeometry.resizedWidth - 64);
    QCOMPARE(moved.clipGeometry.cropLeft, moved.clipGeometry.resizedWidth - 64);
    I2V_COMPARE_TENSORS_EXACT(toTensor(moved.vaeCrop), toTensor(centerCropWide(src, 64, 48, {1.0, 0.0})), "vae");
    const PreprocessedImage centred = pre.run(src, 64, 48);
    QVERIFY(!at::equal(toTensor(moved.vaeCrop), toTensor(centred.vaeCrop)));
    QVERIFY(!at::equal(moved.clipPixelValues, centred.clipPixelValues));

    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const CropPosition bad : {CropPosition{-0.01, 0.5}, CropPosition{0.5, 1.01}, CropPosition{nan, 0.5}})
        QVERIFY_THROWS_EXCEPTION(InputError, centerCropWideGeometry(200, 100, 64, 64, bad));
}

void TestImagePreprocess::invalidSizesRejected() {
    const RgbImage im(10, 10);
    QVERIFY_THROWS_EXCEPTION(InputError, centerCropWide(im, 0, 16));
    QVERIFY_THROWS_EXCEPTION(InputError, centerCropWide(RgbImage(), 16, 16));
    QVERIFY_THROWS_EXCEPTION(InputError, pilResize(im, 0, 3, ResampleFilter::Box));
    QVERIFY_THROWS_EXCEPTION(InputError, centerCropWide(im, -8, 16));
    QVERIFY_THROWS_EXCEPTION(InputError, pilCrop(im, 5, 5, 4, 8));
    // A strip far from the video's shape: covering 1280x704 would take 14079999x703 pixels (30 GB; Python's float
    // floor division, as diffusers computes it). Refused with
    // both shapes named, before anything is allocated (it was "out of memory", advising memory modes).
    const RgbImage strip(20000, 1);
    try {
        centerCropWide(strip, 1280, 704);
        QFAIL("a 20000x1 picture under 1280x704 was not refused");
    } catch (const InputError& e) {
        const QString m = QString::fromUtf8(e.what());
        QVERIFY2(m.contains("20000x1") && m.contains("1280x704") && m.contains("14079999x703") && m.contains("proportions"),
                 e.what());
    }
    QVERIFY_THROWS_EXCEPTION(InputError, centerCropWide(RgbImage(1, 20000), 1280, 1280));  // the CLIP crop's square
    // 200x1 under 1280x704: the video's crop would take 140799x703 (99 MP, allowed), the image encoder's 1280-wide
    // square 255999x1279 (327 MP): refused up front in words naming the video the user chose.
    QCOMPARE(centerCropWideGeometry(200, 1, 1280, 704, {}).resizedWidth, 140799);
    try {
        requireCroppableTo(200, 1, 1280, 704);
        QFAIL("a 200x1 picture under 1280x704 was not refused");
    } catch (const InputError& e) {
        const QString m = QString::fromUtf8(e.what());
        QVERIFY2(m.contains("1280x704 video") && m.contains("255999x1279"), e.what());
    }
    requireCroppableTo(16000, 1000, 1280, 704);  // a panorama is fine
    QVERIFY_THROWS_EXCEPTION(InputError, centerCropWideGeometry(100'000'000, 1, 4096, 4096, {}));  // no int overflow
    // A panorama well inside the limit is still cropped as diffusers crops it.
    QCOMPARE(centerCropWideGeometry(16000, 1000, 1280, 704, {}).resizedWidth, 11264);
}

void TestImagePreprocess::configFromModelFolder() {
    const ClipImageConfig c =
        ClipImageConfig::fromFile(test::tinyModelDir() / "feature_extractor" / "preprocessor_config.json");
    QCOMPARE(c.cropWidth, 32);
    QCOMPARE(c.cropHeight, 32);
    QCOMPARE(c.imageMean[0], 0.48145466f);
    QCOMPARE(c.imageStd[2], 0.27577711f);
    QVERIFY_THROWS_EXCEPTION(ModelError, ClipImageConfig::fromFile(test::tinyModelDir() / "no_such.json"));
}

QTEST_APPLESS_MAIN(TestImagePreprocess)
#include "tst_image_preprocess.moc"
