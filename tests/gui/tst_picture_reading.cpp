// The picture zone reads pictures on a pool thread: a camera's 24-megapixel picture leaves the window answering
// while it decodes, the previous picture stays (veiled) until the new one is read, a later picture (or a pasted
// one, or Clear) supersedes a read still running, Generate waits for it, the zone may close mid-read, and a
// reused job's moved crop lands on its picture once that is read. Screen readers hear what the zone shows.
#include "MainWindowDriver.h"

#include "ui/DropZone.h"
#include "ui/GenerationForm.h"
#include "ui/JobRequest.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

using i2v::ui::DropZone;
using i2v::ui::JobRequest;
using i2v::ui::MainWindow;

namespace {

QImage filled(int width, int height, QColor color) {
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(color);
    return image;
}

// Lets every read still running on the pool end and deliver (or drop) its result.
void settleReads() {
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

} // namespace

class TestPictureReading : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString large_, wide_, small_;

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        large_ = tmp_.filePath("camera.png");  // 6000x4000, as a 24-megapixel camera takes them
        wide_ = tmp_.filePath("wide.png");
        small_ = tmp_.filePath("small.png");
        QVERIFY(filled(6000, 4000, QColor(30, 90, 160)).save(large_));
        QVERIFY(filled(1920, 1080, QColor(200, 120, 40)).save(wide_));
        QVERIFY(filled(320, 240, QColor(10, 200, 30)).save(small_));
    }

    void aLargePictureIsReadWhileTheWindowGoesOn() {
        DropZone zone;
        zone.resize(800, 600);
        zone.setImage(filled(64, 48, Qt::red), {}, QStringLiteral("before"));
        QSignalSpy reading(&zone, &DropZone::readingChanged);
        QSignalSpy changed(&zone, &DropZone::imageChanged);
        zone.loadFile(large_);
        // loadFile returned before the picture was decoded: the previous one is still shown, veiled.
        QVERIFY(zone.isReading());
        QCOMPARE(reading.size(), 1);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(zone.image().size(), QSize(64, 48));
        QVERIFY(!zone.grab().isNull());  // paints "Reading camera.png…" over it
        QCOMPARE(zone.accessibleName(), QStringLiteral("Picture"));  // and a screen reader says the same
        QCOMPARE(zone.accessibleDescription(), QStringLiteral("Reading camera.png…"));
        int turns = 0;  // the event loop turns while the picture is decoded elsewhere
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] { turns += zone.isReading(); });
        tick.start(0);
        QVERIFY(i2v::test::waitForPicture(&zone));
        tick.stop();
        QVERIFY(turns > 0);
        QCOMPARE(reading.size(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(zone.image().size(), QSize(6000, 4000));
        QCOMPARE(zone.image().pixelColor(5999, 3999), QColor(30, 90, 160));
        QCOMPARE(zone.imagePath(), large_);
        QCOMPARE(zone.sourceName(), QStringLiteral("camera.png"));
        QVERIFY(!zone.cropRegion().isEmpty());
        QVERIFY(!zone.grab().isNull());
        QVERIFY2(zone.accessibleDescription().startsWith(QStringLiteral("camera.png — 6000×4000, the model sees")),
                 qPrintable(zone.accessibleDescription()));
    }

    // Whatever the user chose last is the picture, whichever read ends first.
    void aLaterChoiceSupersedesARead() {
        DropZone zone;
        zone.loadFile(large_);
        zone.loadFile(small_);
        QVERIFY(i2v::test::waitForPicture(&zone));
        settleReads();
        QCOMPARE(zone.imagePath(), small_);
        QCOMPARE(zone.image().size(), QSize(320, 240));

        QSignalSpy reading(&zone, &DropZone::readingChanged);
        zone.loadFile(large_);
        zone.setImage(filled(40, 30, Qt::blue), {}, QStringLiteral("pasted"));  // Qt already decoded it
        QVERIFY(!zone.isReading());
        QCOMPARE(reading.size(), 2);
        settleReads();
        QCOMPARE(zone.sourceName(), QStringLiteral("pasted"));
        QCOMPARE(zone.image().size(), QSize(40, 30));

        zone.loadFile(large_);
        zone.clear();
        QVERIFY(!zone.isReading());
        settleReads();
        QVERIFY(!zone.hasImage());
    }

    void aFailedReadKeepsThePicture() {
        DropZone zone;
        QVERIFY(i2v::test::readPicture(&zone, small_));
        QSignalSpy failed(&zone, &DropZone::loadFailed);
        const QString text = tmp_.filePath("notes.png");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is text, not a PNG");
        f.close();
        zone.loadFile(text);
        QVERIFY(i2v::test::waitForPicture(&zone));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains("notes.png"), qPrintable(failed.first().first().toString()));
        QCOMPARE(zone.imagePath(), small_);
    }

    void theZoneMayCloseWhileReading() {
        auto zone = std::make_unique<DropZone>();
        zone->loadFile(large_);
        QVERIFY(zone->isReading());
        zone.reset();
        settleReads();  // the read ends into nothing
    }

    // Generate would start the job on the previous picture (or refuse for none): it waits for the read.
    void generateWaitsForThePicture() {
        auto settings = i2v::test::makeSettings(tmp_);
        MainWindow w(settings.get(), nullptr, tmp_.filePath("history.sqlite"));
        QVERIFY2(i2v::test::waitForModel(w), qPrintable(w.errorText()));
        auto* generate = i2v::test::childOf<QAction>(&w, "generateAction");
        QVERIFY(generate->isEnabled());
        w.dropZone()->loadFile(large_);
        QVERIFY(!generate->isEnabled());
        QVERIFY(i2v::test::waitForPicture(w.dropZone()));
        QVERIFY(generate->isEnabled());
        QCOMPARE(w.dropZone()->imagePath(), large_);

        // A job reused from the history: its picture is read again and its moved crop put back on it.
        JobRequest job = w.form()->request();
        job.imagePath = wide_;
        job.generation.width = 512;
        job.generation.height = 512;
        job.generation.cropPosition = {0.2, 0.5};
        QVERIFY(w.form()->setRequest(job));
        QVERIFY(w.dropZone()->isReading());
        QVERIFY(i2v::test::waitForPicture(w.dropZone()));
        QCOMPARE(w.dropZone()->imagePath(), wide_);
        QVERIFY(w.dropZone()->cropPosition() == (i2v::CropPosition{0.2, 0.5}));
        QVERIFY(w.form()->request().generation.cropPosition == (i2v::CropPosition{0.2, 0.5}));

        job.imagePath = tmp_.filePath("gone.png");  // moved away since
        QVERIFY(!w.form()->setRequest(job));
        QVERIFY(i2v::test::waitForPicture(w.dropZone()));
        QVERIFY(!w.errorText().isEmpty());
        QCOMPARE(w.dropZone()->imagePath(), wide_);
    }
};

QTEST_MAIN(TestPictureReading)
#include "tst_picture_reading.moc"
