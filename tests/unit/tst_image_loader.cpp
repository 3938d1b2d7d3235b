// ImageLoader: every fixture in tests/data/images decodes to exactly the pixels Pillow 9.4 gives for
// ImageOps.exif_transpose(Image.open(f)).convert("RGB") (expected.safetensors, made by make_fixtures.py),
// and every way a file can be unusable gives an InputError naming it.
#include "image/ImageLoader.h"
#include "io/SafetensorsFile.h"
#include "support/TensorCompare.h"
#include "support/TestData.h"
#include "util/Errors.h"

#include <QTemporaryDir>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using i2v::ImageLoader;
using i2v::InputError;
namespace fs = std::filesystem;

namespace {

fs::path imagesDir() { return i2v::test::dataDir() / "images"; }

at::Tensor toTensor(const i2v::RgbImage& im) {
    return at::from_blob(const_cast<uint8_t*>(im.pixels.data()), {im.height, im.width, 3}, at::kByte).clone();
}

std::vector<uint8_t> readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const fs::path& p, const std::vector<uint8_t>& bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// Loading `p` must throw InputError whose message names the file and contains `needle`.
void expectInputError(const fs::path& p, const std::string& needle, const ImageLoader& loader = ImageLoader()) {
    try {
        loader.load(p);
        QFAIL(("accepted " + p.string() + ", expected an error containing: " + needle).c_str());
    } catch (const InputError& e) {
        const std::string msg = e.what();
        QVERIFY2(msg.find(p.filename().string()) != std::string::npos, msg.c_str());
        QVERIFY2(msg.find(needle) != std::string::npos, (msg + "  [expected: " + needle + "]").c_str());
    }
}

} // namespace

class TestImageLoader : public QObject {
    Q_OBJECT
private slots:
    void everyFixtureMatchesPil_data();
    void everyFixtureMatchesPil();
    void formatComesFromMagicBytes();
    void orientationAndAnimationReported();
    void decodeFromMemory();
    void goldenInputAsBmp();
    void missingFile();
    void directory();
    void emptyFile();
    void notARegularFile();
    void textRenamedPng();
    void unknownFormatNamesSupportedOnes();
    void truncatedFiles_data();
    void truncatedFiles();
    void corruptPngCrc();
    void damagedGifs();
    void noReadPermission();
    void pixelLimitBeforeDecoding();
};

void TestImageLoader::everyFixtureMatchesPil_data() {
    QTest::addColumn<QString>("file");
    const i2v::SafetensorsFile expected(imagesDir() / "expected.safetensors");
    int n = 0;
    for (const auto& key : expected.keys())
        if (key.rfind("load/", 0) == 0) {
            QTest::newRow(key.c_str() + 5) << QString::fromStdString(key.substr(5));
            ++n;
        }
    QVERIFY(n >= 40);
}

void TestImageLoader::everyFixtureMatchesPil() {
    QFETCH(QString, file);
    const i2v::SafetensorsFile expected(imagesDir() / "expected.safetensors");
    const auto loaded = ImageLoader().load(imagesDir() / file.toStdString());
    I2V_COMPARE_TENSORS_EXACT(toTensor(loaded.image), expected.tensor("load/" + file.toStdString()),
                              file.toStdString());
}

void TestImageLoader::formatComesFromMagicBytes() {
    QTemporaryDir tmp;
    // a JPEG named .png and a PNG named .jpg decode by content
    const fs::path a = fs::path(tmp.path().toStdString()) / "really_a_jpeg.png";
    const fs::path b = fs::path(tmp.path().toStdString()) / "really_a_png.jpg";
    fs::copy_file(imagesDir() / "jpg_rgb420.jpg", a);
    fs::copy_file(imagesDir() / "png_rgb8.png", b);
    QCOMPARE(int(ImageLoader().load(a).format), int(i2v::ImageFormat::Jpeg));
    QCOMPARE(int(ImageLoader().load(b).format), int(i2v::ImageFormat::Png));
    QVERIFY(ImageLoader().load(a).image == ImageLoader().load(imagesDir() / "jpg_rgb420.jpg").image);
}

void TestImageLoader::orientationAndAnimationReported() {
    const auto rotated = ImageLoader().load(imagesDir() / "jpg_exif6.jpg");
    QCOMPARE(rotated.exifOrientation, 6);
    QCOMPARE(rotated.storedWidth, 9);
    QCOMPARE(rotated.image.width, 6);  // rotated to portrait
    const auto anim = ImageLoader().load(imagesDir() / "webp_animated.webp");
    QVERIFY(anim.animated);
    QCOMPARE(anim.frameCount, 2);
    QCOMPARE(int(anim.warnings.size()), 1);
    QVERIFY(anim.warnings[0].find("first frame") != std::string::npos);
    const auto gif = ImageLoader().load(imagesDir() / "gif_animated.gif");
    QCOMPARE(int(gif.format), int(i2v::ImageFormat::Gif));
    QVERIFY(gif.animated);
    QCOMPARE(gif.frameCount, 2);
    QCOMPARE(int(gif.warnings.size()), 1);
    QVERIFY(gif.warnings[0].find("is an animated GIF with 2 frames; only the first frame is used") != std::string::npos);
    QCOMPARE(ImageLoader().load(imagesDir() / "gif_local_grow.gif").frameCount, 2);
    QVERIFY(!ImageLoader().load(imagesDir() / "gif_interlaced256.gif").animated);
    const auto still = ImageLoader().load(imagesDir() / "webp_lossy.webp");
    QVERIFY(!still.animated);
    QVERIFY(still.warnings.empty());
}

void TestImageLoader::decodeFromMemory() {
    for (const char* f : {"png_rgba8.png", "jpg_cmyk.jpg", "webp_alpha.webp", "bmp_pal4.bmp", "tif_rgb_lzw.tif"}) {
        const auto bytes = readAll(imagesDir() / f);
        QVERIFY(i2v::decodeImage(bytes) == i2v::loadImage(imagesDir() / f));
    }
    try {
        ImageLoader().decode(std::vector<uint8_t>{}, "the clipboard");
        QFAIL("accepted empty data");
    } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("the clipboard is empty") != std::string::npos, e.what());
    }
}

// scripts/gpu-smoke.sh feeds the golden input as a BMP, which the engine decodes itself: a GPU machine's
// build may have no libpng. The two files must be one picture.
void TestImageLoader::goldenInputAsBmp() {
    const fs::path golden = i2v::test::dataDir() / "golden";
    QVERIFY(i2v::loadImage(golden / "tiny-a.input.bmp") == i2v::loadImage(golden / "tiny-a.input.png"));
}

void TestImageLoader::missingFile() {
    QTemporaryDir tmp;
    expectInputError(fs::path(tmp.path().toStdString()) / "nope.png", "does not exist");
}

void TestImageLoader::directory() {
    QTemporaryDir tmp;
    const fs::path d = fs::path(tmp.path().toStdString()) / "folder.png";
    fs::create_directory(d);
    expectInputError(d, "is a folder");
}

void TestImageLoader::emptyFile() {
    QTemporaryDir tmp;
    const fs::path p = fs::path(tmp.path().toStdString()) / "empty.jpg";
    writeBytes(p, {});
    expectInputError(p, "is empty (0 bytes)");
}

// Refused without opening: a pipe nobody writes to would block the open for ever, /dev/zero read as empty.
void TestImageLoader::notARegularFile() {
    QTemporaryDir tmp;
    const fs::path fifo = fs::path(tmp.path().toStdString()) / "picture.png";
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    expectInputError(fifo, "is not a regular file");
    expectInputError("/dev/zero", "is not a regular file");
}

void TestImageLoader::textRenamedPng() {
    QTemporaryDir tmp;
    const fs::path p = fs::path(tmp.path().toStdString()) / "notes.png";
    std::ofstream(p) << "just some text, not a picture\n";
    expectInputError(p, "is not an image I2V Studio can read (PNG, JPEG, WebP, GIF, BMP, TIFF)");
}

void TestImageLoader::unknownFormatNamesSupportedOnes() {
    QTemporaryDir tmp;
    const fs::path p = fs::path(tmp.path().toStdString()) / "icon.ico";
    writeBytes(p, {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0});
    expectInputError(p, "(PNG, JPEG, WebP, GIF, BMP, TIFF)");
}

void TestImageLoader::truncatedFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("keep");  // > 0: bytes kept; -1: half the file; < -1: that many bytes cut off the end
    for (const char* f : {"png_rgb8.png", "png_gray16.png", "jpg_rgb420.jpg", "jpg_progressive.jpg", "jpg_cmyk.jpg",
                          "webp_lossless.webp", "webp_lossy.webp", "bmp_rgb24.bmp", "bmp_rle8.bmp", "tif_rgb.tif",
                          "tif_rgb_lzw.tif", "gif_palette.gif", "gif_interlaced256.gif"}) {
        QTest::newRow((std::string(f) + " half").c_str()) << QString(f) << -1;
        QTest::newRow((std::string(f) + " header only").c_str()) << QString(f) << 20;
        QTest::newRow((std::string(f) + " tail cut").c_str()) << QString(f) << -12;
    }
    // the last two bytes (JPEG EOI): Pillow still reports "image file is truncated" for this file
    QTest::newRow("jpg_rgb420.jpg without EOI") << QString("jpg_rgb420.jpg") << -2;
}

void TestImageLoader::truncatedFiles() {
    QFETCH(QString, file);
    QFETCH(int, keep);
    QTemporaryDir tmp;
    auto bytes = readAll(imagesDir() / file.toStdString());
    bytes.resize(keep == -1 ? bytes.size() / 2 : (keep < 0 ? bytes.size() - size_t(-keep) : size_t(keep)));
    const fs::path p = fs::path(tmp.path().toStdString()) / ("cut_" + file.toStdString());
    writeBytes(p, bytes);
    try {
        ImageLoader().load(p);
        QFAIL(("accepted truncated " + p.string()).c_str());
    } catch (const InputError& e) {
        const std::string msg = e.what();
        QVERIFY2(msg.find(p.filename().string()) != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("truncated") != std::string::npos || msg.find("damaged") != std::string::npos,
                 msg.c_str());
    }
}

void TestImageLoader::corruptPngCrc() {
    QTemporaryDir tmp;
    auto bytes = readAll(imagesDir() / "png_rgb8.png");
    bytes[29] ^= 0xff;  // IHDR CRC
    const fs::path p = fs::path(tmp.path().toStdString()) / "badcrc.png";
    writeBytes(p, bytes);
    expectInputError(p, "damaged");
}

void TestImageLoader::damagedGifs() {
    QTemporaryDir tmp;
    const fs::path dir(tmp.path().toStdString());
    // 1x1, no palette, LZW code size 2 whose first code (7) is past the clear code: a broken stream
    const std::vector<uint8_t> head{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ',', 0, 0, 0, 0, 1, 0, 1, 0, 0};
    auto broken = head;
    broken.insert(broken.end(), {2, 1, 0x07, 0, ';'});
    writeBytes(dir / "broken.gif", broken);
    expectInputError(dir / "broken.gif", "is a damaged GIF file (LZW code 7 before any data)");
    auto noImage = head;
    noImage.resize(13);
    noImage.push_back(';');
    writeBytes(dir / "empty.gif", noImage);
    expectInputError(dir / "empty.gif", "is a damaged GIF file (it holds no image)");
    auto badCodeSize = head;
    badCodeSize.insert(badCodeSize.end(), {11, 1, 0x00, 0, ';'});
    writeBytes(dir / "codesize.gif", badCodeSize);
    expectInputError(dir / "codesize.gif", "LZW code size 11");
    // a 60000 x 60000 screen is refused before any pixel is decoded
    auto bomb = head;
    bomb[6] = bomb[8] = 0x60;
    bomb[7] = bomb[9] = 0xea;
    bomb.insert(bomb.end(), {2, 0, ';'});
    writeBytes(dir / "bomb.gif", bomb);
    expectInputError(dir / "bomb.gif", "more than the 100 megapixels I2V Studio accepts");
}

void TestImageLoader::noReadPermission() {
    QTemporaryDir tmp;
    const fs::path p = fs::path(tmp.path().toStdString()) / "secret.png";
    fs::copy_file(imagesDir() / "png_rgb8.png", p);
    fs::permissions(p, fs::perms::none);
    if (std::ifstream(p).good())
        QSKIP("running with privileges that ignore file permissions (root)");
    expectInputError(p, "permission");
}

void TestImageLoader::pixelLimitBeforeDecoding() {
    QTemporaryDir tmp;
    // A 100000 x 100000 PNG header with no pixel data: must be refused from the header alone.
    auto bytes = readAll(imagesDir() / "png_rgb8.png");
    bytes.resize(33);
    for (int i = 0; i < 2; ++i) {
        const uint32_t v = 100000;
        for (int k = 0; k < 4; ++k)
            bytes[16 + 4 * i + k] = static_cast<uint8_t>(v >> (24 - 8 * k));
    }
    // fix the IHDR CRC so that libpng accepts the header
    uint32_t crc = 0xffffffffu;
    for (size_t i = 12; i < 29; ++i) {
        crc ^= bytes[i];
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    crc ^= 0xffffffffu;
    for (int k = 0; k < 4; ++k)
        bytes[29 + k] = static_cast<uint8_t>(crc >> (24 - 8 * k));
    const fs::path p = fs::path(tmp.path().toStdString()) / "bomb.png";
    writeBytes(p, bytes);
    expectInputError(p, "(10000 megapixels), more than the 100 megapixels I2V Studio accepts");
    // and a lower limit refuses a small real image
    expectInputError(imagesDir() / "jpg_rgb420.jpg", "pixels I2V Studio accepts", ImageLoader(40));
    expectInputError(imagesDir() / "bmp_rgb24.bmp", "pixels I2V Studio accepts", ImageLoader(10));
    expectInputError(imagesDir() / "webp_lossy.webp", "pixels I2V Studio accepts", ImageLoader(10));
    expectInputError(imagesDir() / "tif_rgb.tif", "pixels I2V Studio accepts", ImageLoader(10));
}

QTEST_APPLESS_MAIN(TestImageLoader)
#include "tst_image_loader.moc"
