// FramePlayer: plays a clip held as QImages (the live preview and the finished result) with a QTimer:
// play/pause, loop, scrub slider, single-frame steps and a speed factor. The encoded file's playback
// through Qt Multimedia is a separate widget.
#pragma once
#include <QImage>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace i2v::ui {

class FramePlayer : public QWidget {
    Q_OBJECT
public:
    explicit FramePlayer(QWidget* parent = nullptr);

    void setFrames(const QVector<QImage>& frames);  // keeps the current frame index when it still exists
    const QVector<QImage>& frames() const { return frames_; }
    int frameCount() const { return frames_.size(); }
    int currentFrame() const { return current_; }
    bool isPlaying() const;
    bool isLooping() const;
    void setFps(double fps);
    double fps() const { return fps_; }
    void setControlsVisible(bool visible);
    void setPlaceholderText(const QString& text);
    void clear();
    QString positionText() const;  // "frame 5 / 16"

public slots:
    void play();
    void pause();
    void togglePlay();
    void setLooping(bool loop);
    void showFrame(int index);
    void stepForward();
    void stepBackward();

signals:
    void frameChanged(int index);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void advance();
    void updateTimer();
    void render();

    QVector<QImage> frames_;
    int current_ = 0;
    double fps_ = 8.0;
    QString placeholder_;
    QLabel* view_;
    QWidget* controls_;
    QToolButton* playButton_;
    QToolButton* prevButton_;
    QToolButton* nextButton_;
    QSlider* slider_;
    QLabel* position_;
    QCheckBox* loop_;
    QComboBox* speed_;
    QTimer* timer_;
};

} // namespace i2v::ui
