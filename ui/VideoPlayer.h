// VideoPlayer: plays an encoded video file (the finished job's mp4) with Qt Multimedia: QMediaPlayer
// into a QVideoWidget, with play/pause, loop, a scrub slider, single-frame steps and speed. Where Qt
// Multimedia has no back end (or cannot open the file) it says so through `failed` and the window
// falls back to the FramePlayer; it never throws.
#pragma once
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;
class QVideoWidget;

namespace i2v::ui {

class VideoPlayer : public QWidget {
    Q_OBJECT
public:
    explicit VideoPlayer(QWidget* parent = nullptr);
    ~VideoPlayer() override;

    // Whether Qt Multimedia has a working back end here.
    bool isAvailable() const;
    // Starts loading `path`; `loaded` or `failed` follows.
    void openFile(const QString& path);
    void clear();
    QString file() const { return file_; }

    bool isPlaying() const;
    bool isLooping() const;
    qint64 position() const;     // ms
    qint64 duration() const;     // ms
    double playbackRate() const;
    double frameRate() const;    // from the file's metadata; 8 when it has none
    int frameCount() const;      // from the duration and the frame rate; at least 1
    int currentFrame() const;    // 0-based, the frame on screen
    QString positionText() const;  // "frame 5 / 16"
    QMediaPlayer* mediaPlayer() const { return player_; }

public slots:
    void play();
    void pause();
    void togglePlay();
    void setLooping(bool loop);
    void setSpeed(double rate);
    void seek(qint64 ms);
    void showFrame(int frame);  // pauses
    void stepForward();
    void stepBackward();

signals:
    void loaded();   // once per openFile(), when the file can play
    void failed(const QString& message);

private:
    void updatePosition(qint64 ms);
    void updatePlayIcon();

    QString file_;
    QMediaPlayer* player_ = nullptr;
    QVideoWidget* video_ = nullptr;
    QToolButton* playButton_;
    QToolButton* prevButton_;
    QToolButton* nextButton_;
    QSlider* slider_;
    QLabel* position_;
    QCheckBox* loop_;
    QComboBox* speed_;
    bool reportedFailure_ = false;
    bool announcedLoaded_ = false;  // `loaded` was emitted for file_
    bool looping_ = true;
    bool steppedToEnd_ = false;  // a frame step reached the end: do not loop from there
};

} // namespace i2v::ui
