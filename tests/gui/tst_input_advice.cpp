// Input guidance (issue 16): the window says when the picture is far smaller than what the video takes
// from it, when the video's shape throws most of the picture away, and offers the turned size for an upright
// picture under a wide video (one click sets it in the form). The crop outline can be dragged to move the
// crop window, a double click centres it, and the job (and a reused one) carries the position.
#include "MainWindowDriver.h"

#include "ui/InputAdvice.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>

#include <cmath>

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

    // A strip the engine refuses to scale (20000 x 1 would become 30 GB under 1280 x 704): said when it is dropped.
    void aPictureFarFromTheVideosShapeIsSaidToBeUnusable() {
        DropZone zone;
        const QImage strip = picture(20000, 1);
        const QRectF crop = cropOf(zone, strip, {1280, 704});
        QVERIFY(crop.isEmpty());
        const InputAdvice a = adviseInput(strip.size(), crop, {1280, 704});
        QCOMPARE(a.warnings.size(), 1);
        QVERIFY2(a.warnings[0].contains(QStringLiteral("too far from the shape of a 1280 × 704 video")), qPrintable(a.warnings[0]));
        QVERIFY(a.turnedSize.isEmpty());
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

    // Without a mouse: the zone takes the focus (Tab or a click), the arrow keys move the crop a twentieth of its
    // room (Shift a quarter) on the axis that has room, and Home centres it.
    void theArrowKeysMoveTheCrop() {
        DropZone zone;
        QVERIFY(zone.focusPolicy() & Qt::TabFocus);
        zone.setTargetSize(512, 512);
        zone.setImage(picture(1920, 1080), {}, QStringLiteral("wide"));
        QTest::keyClick(&zone, Qt::Key_Right);
        QCOMPARE(zone.cropPosition().x, 0.55);
        QTest::keyClick(&zone, Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(zone.cropPosition().x, 0.30);
        QTest::keyClick(&zone, Qt::Key_Left, Qt::ShiftModifier);
        QTest::keyClick(&zone, Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(zone.cropPosition().x, 0.0);  // stops at the picture's edge
        QTest::keyClick(&zone, Qt::Key_Up);
        QCOMPARE(zone.cropPosition().y, 0.5);  // 1920x1080 under 512x512: no room up or down
        QTest::keyClick(&zone, Qt::Key_Home);
        QVERIFY(zone.cropPosition().isCentred());
        // The same shape as the video: nothing to move.
        zone.setTargetSize(1920, 1080);
        QTest::keyClick(&zone, Qt::Key_Right);
        QVERIFY(zone.cropPosition().isCentred());
    }

    void dragTheOutlineToMoveTheCrop() {
        DropZone zone;
        zone.resize(640, 420);
        zone.show();
        QVERIFY(QTest::qWaitForWindowExposed(&zone));
        zone.setTargetSize(512, 512);
        zone.setImage(picture(1920, 1080), {}, QStringLiteral("wide"));
        QVERIFY(zone.canMoveCrop());
        QVERIFY(zone.cropPosition().isCentred());
        const QRectF image = zone.shownImageRect();
        const double perSource = image.width() / 1920.0;
        auto shownCrop = [&] {
            const QRectF c = zone.cropRegion();
            return QRectF(image.left() + c.left() * perSource, image.top() + c.top() * perSource, c.width() * perSource,
                          c.height() * perSource);
        };
        QSignalSpy changed(&zone, &DropZone::cropChanged);

        // Far to the left: the window stops at the picture's edge.
        QPoint grab = shownCrop().center().toPoint();
        QTest::mousePress(&zone, Qt::LeftButton, {}, grab);
        QTest::mouseMove(&zone, grab - QPoint(500, 40));
        QTest::mouseRelease(&zone, Qt::LeftButton, {}, grab - QPoint(500, 40));
        QCOMPARE(zone.cropPosition().x, 0.0);
        QCOMPARE(zone.cropPosition().y, 0.5);  // 1920x1080 under 512x512: no room up or down
        QCOMPARE(zone.cropRegion().left(), 0.0);
        QVERIFY(changed.size() > 0);

        // A quarter of the room to the right: the room is 1920 - 1080 source pixels.
        grab = shownCrop().center().toPoint();
        const int quarter = int(std::lround(0.25 * (1920 - 1080) * perSource));
        QTest::mousePress(&zone, Qt::LeftButton, {}, grab);
        QTest::mouseMove(&zone, grab + QPoint(quarter, 0));
        QTest::mouseRelease(&zone, Qt::LeftButton, {}, grab + QPoint(quarter, 0));
        QVERIFY2(std::abs(zone.cropPosition().x - 0.25) < 0.01, qPrintable(QString::number(zone.cropPosition().x)));
        QVERIFY(std::abs(zone.cropRegion().left() - 0.25 * (1920 - 1080)) < 12);

        // Pressing outside the outline moves nothing.
        const double before = zone.cropPosition().x;
        const QPoint outside = image.topRight().toPoint() + QPoint(-3, 3);
        QVERIFY(!shownCrop().contains(outside));
        QTest::mousePress(&zone, Qt::LeftButton, {}, outside);
        QTest::mouseMove(&zone, outside - QPoint(100, 0));
        QTest::mouseRelease(&zone, Qt::LeftButton, {}, outside - QPoint(100, 0));
        QCOMPARE(zone.cropPosition().x, before);

        // A double click centres it again; so does a new picture.
        QTest::mouseDClick(&zone, Qt::LeftButton, {}, shownCrop().center().toPoint());
        QVERIFY(zone.cropPosition().isCentred());
        zone.setCropPosition({1.0, 0.5});
        zone.setImage(picture(1600, 900), {}, QStringLiteral("another"));
        QVERIFY(zone.cropPosition().isCentred());

        // A picture of the video's shape leaves the window no room.
        zone.setImage(picture(1024, 1024), {}, QStringLiteral("square"));
        QVERIFY(!zone.canMoveCrop());
        grab = shownCrop().center().toPoint();
        QTest::mousePress(&zone, Qt::LeftButton, {}, grab);
        QTest::mouseMove(&zone, grab + QPoint(80, 80));
        QTest::mouseRelease(&zone, Qt::LeftButton, {}, grab + QPoint(80, 80));
        QVERIFY(zone.cropPosition().isCentred());
    }

    void theJobCarriesTheMovedCrop() {
        auto settings = i2v::test::makeSettings(tmp_);
        MainWindow w(settings.get(), nullptr, tmp_.filePath("crop-history.sqlite"));
        w.form()->setSize(512, 512);
        w.dropZone()->setImage(picture(1920, 1080), {}, QStringLiteral("wide"));
        QVERIFY(w.form()->request().generation.cropPosition.isCentred());
        w.dropZone()->setCropPosition({0.2, 0.5});
        JobRequest job = w.form()->request();
        QVERIFY(job.generation.cropPosition == (i2v::CropPosition{0.2, 0.5}));
        // Reused from the history: the picture comes back with its crop where it was.
        w.dropZone()->clear();
        QVERIFY(w.form()->setRequest(job));
        QVERIFY(w.dropZone()->cropPosition() == (i2v::CropPosition{0.2, 0.5}));
        QVERIFY(w.form()->request().generation.cropPosition == (i2v::CropPosition{0.2, 0.5}));
    }
};

QTEST_MAIN(TestInputAdvice)
#include "tst_input_advice.moc"
