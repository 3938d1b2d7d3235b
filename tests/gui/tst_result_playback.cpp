// Playback of the encoded result with Qt Multimedia: an mp4 made by the export unit opens in the
// VideoPlayer (play/pause, loop, speed, frame steps, scrub) when a media back end is there; a file
// that cannot be played, a missing file, and no file at all fall back to the frame player with a note
// and never crash.
#include "MainWindowDriver.h"

#include "ui/ExportDialog.h"
#include "ui/FramePlayer.h"
#include "ui/ResultView.h"
#include "ui/VideoPlayer.h"

#include <QFile>
#include <QMediaPlayer>
#include <QSignalSpy>

using namespace i2v::ui;

namespace {

QVector<QImage> colourFrames(int count) {
    QVector<QImage> frames;
    for (int i = 0; i < count; ++i) {
        QImage image(64, 48, QImage::Format_RGB888);
        image.fill(QColor::fromHsv(i * 360 / count, 200, 220));
        frames << image;
    }
    return frames;
}

bool settled(const ResultView& view) {
    return !view.isOpening() && (view.isShowingVideo() || !view.note().isEmpty());
}

} // namespace

class TestResultPlayback : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    QString clip_;

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
        if (!ExportDialog::exportAvailable())
            return;
        clip_ = tmp_.filePath("clip.mp4");
        ExportChoice choice;  // mp4 at 8 fps: 8 frames = 1 s
        QCOMPARE(exportFrames(colourFrames(8), choice, QString(), clip_, false), QString());
    }

    void videoPlayerControls() {
        if (clip_.isEmpty())
            QSKIP("no FFmpeg in this build");
        VideoPlayer player;
        player.resize(320, 240);
        player.show();
        if (!player.isAvailable())
            QSKIP("Qt Multimedia has no back end here (the fallback is tested below)");
        QSignalSpy loaded(&player, &VideoPlayer::loaded);
        QSignalSpy failed(&player, &VideoPlayer::failed);
        player.openFile(clip_);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty(), 15000);
        if (!failed.isEmpty())
            QSKIP(qPrintable("the media back end cannot open mp4 here: " + failed.first().at(0).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(player.duration() > 0, 5000);
        QVERIFY2(qAbs(player.duration() - 1000) <= 150, qPrintable(QString::number(player.duration())));

        QVERIFY(player.isLooping());
        player.setLooping(false);
        QCOMPARE(player.mediaPlayer()->loops(), int(QMediaPlayer::Once));
        player.setLooping(true);
        QCOMPARE(player.mediaPlayer()->loops(), int(QMediaPlayer::Infinite));

        player.setSpeed(2.0);
        QCOMPARE(player.playbackRate(), 2.0);
        player.setSpeed(0.5);
        QCOMPARE(player.playbackRate(), 0.5);

        player.play();
        QVERIFY(player.isPlaying());
        player.pause();
        QVERIFY(!player.isPlaying());

        // Frame steps move by one frame (1/8 s) and pause.
        player.seek(0);
        QTRY_COMPARE(player.position(), qint64(0));
        player.stepForward();
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.position() - 125) <= 1, 3000);
        QVERIFY(!player.isPlaying());
        player.stepForward();
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.position() - 250) <= 1, 3000);
        player.stepBackward();
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.position() - 125) <= 1, 3000);
        // Scrub: seek is clamped to the clip.
        player.seek(600);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.position() - 600) <= 1, 3000);
        player.seek(99999);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() <= player.duration(), 3000);
    }

    void resultViewPlaysTheFile() {
        if (clip_.isEmpty())
            QSKIP("no FFmpeg in this build");
        ResultView view;
        view.resize(400, 300);
        view.show();
        view.setResult(colourFrames(8), clip_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(view), 15000);
        qInfo("shown as %s %s", view.isShowingVideo() ? "video" : "frames", qPrintable(view.note()));
        if (view.videoPlayer()->isAvailable() && !view.isShowingVideo())
            qWarning("Qt Multimedia is present but could not play the mp4: %s", qPrintable(view.note()));
        QCOMPARE(view.framePlayer()->frameCount(), 8);
        if (view.isShowingVideo())
            QTRY_VERIFY_WITH_TIMEOUT(view.videoPlayer()->isPlaying(), 5000);
    }

    void unplayableFileFallsBackToFrames() {
        const QString garbage = tmp_.filePath("garbage.mp4");
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        ResultView view;
        view.show();
        view.setResult(colourFrames(5), garbage);
        QTRY_VERIFY_WITH_TIMEOUT(settled(view), 15000);
        QVERIFY(!view.isShowingVideo());
        QVERIFY(view.note().contains(QLatin1String("decoded frames")));
        QCOMPARE(view.framePlayer()->frameCount(), 5);
        QVERIFY(view.framePlayer()->isPlaying());
    }

    void missingFileFallsBackToFrames() {
        ResultView view;
        view.setResult(colourFrames(3), tmp_.filePath("gone.mp4"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(view), 5000);
        QVERIFY(!view.isShowingVideo());
        QCOMPARE(view.framePlayer()->frameCount(), 3);
    }

    void noFileShowsFramesWithoutNote() {
        ResultView view;
        view.setResult(colourFrames(3), QString());
        QVERIFY(!view.isShowingVideo());
        QVERIFY(view.note().isEmpty());
        QCOMPARE(view.framePlayer()->frameCount(), 3);
        view.clear();
        QCOMPARE(view.framePlayer()->frameCount(), 0);
    }
};

QTEST_MAIN(TestResultPlayback)
#include "tst_result_playback.moc"
