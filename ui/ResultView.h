// ResultView: the finished clip. The encoded file plays through Qt Multimedia (VideoPlayer); when
// there is no file, no media back end, or the file cannot be played, the decoded frames play in the
// FramePlayer instead and a note says why.
#pragma once
#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace i2v::ui {

class FramePlayer;
class VideoPlayer;

class ResultView : public QWidget {
    Q_OBJECT
public:
    explicit ResultView(QWidget* parent = nullptr);

    // Shows a result: the file when it plays, else the frames.
    void setResult(const QVector<QImage>& frames, const QString& videoPath);
    void clear();

    bool isShowingVideo() const;
    bool isOpening() const { return opening_; }  // the file is still loading (the frames play meanwhile)
    QString note() const;  // why the frames are shown instead of the file; empty otherwise
    FramePlayer* framePlayer() const { return frames_; }
    VideoPlayer* videoPlayer() const { return video_; }

public slots:
    // Act on the player on screen; Space, Left and Right reach them while the view has the focus.
    void togglePlay();
    void stepForward();
    void stepBackward();

protected:
    // Hidden (behind the live preview while a job runs, another tab, the window minimized) the clip stops, so that
    // it is not decoded for nobody on the processor a job needs; shown again it goes on if it was playing.
    void hideEvent(QHideEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void showFrames(const QString& note);
    void playShown();

    QLabel* note_;
    QStackedWidget* stack_;
    VideoPlayer* video_;
    FramePlayer* frames_;
    bool opening_ = false;
    bool playWhenShown_ = false;
};

} // namespace i2v::ui
