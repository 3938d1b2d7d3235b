// Input guidance (issue 16): the window says when the picture is far smaller than what the video takes
// from it, when the video's shape throws most of the picture away, and offers the turned size for an upright
// picture under a wide video (one click sets it in the form).
#include "MainWindowDriver.h"

#include "ui/InputAdvice.h"

#include <QLabel>
#include <QPushButton>

using namespace i2v::ui;
using i2v::test::childOf;

namespace {

QImage picture(int width, int height) {
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(Qt::darkCyan);
    return image;
}

// The crop DropZone shows for `image` under a `video` size.
QRectF cropOf(DropZone& zone, const QImage& image, QSize video) {
    zone.setImage(image, {}, QStringLiteral("test"));
    zone.setTargetSize(video.width(), video.height());
    return zone.cropRegion();
}

} // namespace

class TestInputAdvice : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void initTestCase() { i2v::test::enterTestMode(); }

    void aLargePictureOfTheVideosShapeNeedsNoAdvice() {
        DropZone zone;
        const QImage image = picture(1920, 1080);
        const InputAdvice a = adviseInput(image.size(), cropOf(zone, image, {1280, 704}), {1280, 704});
        QVERIFY2(a.warnings.isEmpty(), qPrintable(a.warnings.join(" | ")));
        QVERIFY(a.turnedSize.isEmpty());
    }

    void aSmallPictureIsSaidToBeEnlarged() {
        DropZone zone;
        const QImage image = picture(320, 180);
        const InputAdvice a = adviseInput(image.size(), cropOf(zone, image, {1280, 704}), {1280, 704});
        QCOMPARE(a.warnings.size(), 1);
        QVERIFY2(a.warnings[0].contains(QStringLiteral("enlarged 4.0×")), qPrintable(a.warnings[0]));
        // Twice the crop's size is the limit: no warning at 2×, one just above.
        const QImage twice = picture(640, 352);
        QVERIFY(adviseInput(twice.size(), cropOf(zone, twice, {1280, 704}), {1280, 704}).warnings.isEmpty());
        const QImage below = picture(630, 346);
        QCOMPARE(adviseInput(below.size(), cropOf(zone, below, {1280, 704}), {1280, 704}).warnings.size(), 1);
    }

    void aCropKeepingLessThanHalfIsNamedWithItsShare() {
        DropZone zone;
        const QImage image = picture(3000, 1000);  // 3:1 under a 1:1 video keeps a third
        const InputAdvice a = adviseInput(image.size(), cropOf(zone, image, {512, 512}), {512, 512});
        QCOMPARE(a.warnings.size(), 1);
        QVERIFY2(a.warnings[0].contains(QStringLiteral("33 %")), qPrintable(a.warnings[0]));
        QVERIFY(a.turnedSize.isEmpty());  // a square video has no orientation to turn
    }

    void anUprightPictureUnderAWideVideoIsOfferedTheTurnedSize() {
        DropZone zone;
        const QImage image = picture(1080, 1920);
        const InputAdvice a = adviseInput(image.size(), cropOf(zone, image, {1280, 704}), {1280, 704});
        QCOMPARE(a.turnedSize, QSize(704, 1280));
        QVERIFY(a.warnings.join(' ').contains(QStringLiteral("704 × 1280")));
        // Turned, the crop fits it: nothing more to say.
        QVERIFY(adviseInput(image.size(), cropOf(zone, image, {704, 1280}), {704, 1280}).warnings.isEmpty());
    }

    void theWindowShowsTheAdviceAndTurnsTheSize() {
        auto settings = i2v::test::makeSettings(tmp_);
        MainWindow w(settings.get(), nullptr, tmp_.filePath("history.sqlite"));
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.form()->setSize(1280, 704);
        auto* advice = childOf<QLabel>(&w, "inputAdvice");
        auto* turn = childOf<QPushButton>(&w, "turnSizeButton");
        w.dropZone()->setImage(picture(1920, 1080), {}, QStringLiteral("wide"));
        QVERIFY(!advice->isVisible());

        w.dropZone()->setImage(picture(540, 960), {}, QStringLiteral("upright"));
        QVERIFY(advice->isVisible());
        QVERIFY(turn->isVisible());
        QCOMPARE(turn->text(), QStringLiteral("Use 704 × 1280"));
        turn->click();
        QCOMPARE(childOf<QSpinBox>(&w, "width")->value(), 704);
        QCOMPARE(childOf<QSpinBox>(&w, "height")->value(), 1280);
        QCOMPARE(w.dropZone()->targetSize(), QSize(704, 1280));
        // 540x960 is enlarged 1.3x at 704x1280: nothing left to say.
        QVERIFY(!advice->isVisible());
    }
};

QTEST_MAIN(TestInputAdvice)
#include "tst_input_advice.moc"
