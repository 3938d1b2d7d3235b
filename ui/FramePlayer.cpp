#include "ui/FramePlayer.h"

#include "ui/FrameStepButton.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace i2v::ui {

FramePlayer::FramePlayer(QWidget* parent) : QWidget(parent) {
    view_ = new QLabel(this);
    view_->setAlignment(Qt::AlignCenter);
    view_->setMinimumSize(160, 100);
    view_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);  // the pixmap must not grow the label
    view_->setStyleSheet(QStringLiteral("QLabel { background: #202020; color: #a0a0a0; }"));

    playButton_ = new QToolButton(this);
    playButton_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    playButton_->setToolTip(tr("Play / pause (Space)"));
    prevButton_ = makeFrameStepButton(this, FrameStep::Backward);
    prevButton_->setObjectName(QStringLiteral("framesPreviousFrame"));
    nextButton_ = makeFrameStepButton(this, FrameStep::Forward);
    nextButton_->setObjectName(QStringLiteral("framesNextFrame"));
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setRange(0, 0);
    slider_->setToolTip(tr("Scrub through the frames"));
    position_ = new QLabel(this);
    position_->setObjectName(QStringLiteral("framesPosition"));
    position_->setMinimumWidth(90);
    loop_ = new QCheckBox(tr("Loop"), this);
    loop_->setChecked(true);
    speed_ = new QComboBox(this);
    for (double s : {0.25, 0.5, 1.0, 1.5, 2.0})
        speed_->addItem(tr("%1×").arg(s), s);
    speed_->setCurrentIndex(2);
    speed_->setToolTip(tr("Playback speed"));

    controls_ = new QWidget(this);
    auto* row = new QHBoxLayout(controls_);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(prevButton_);
    row->addWidget(playButton_);
    row->addWidget(nextButton_);
    row->addWidget(slider_, 1);
    row->addWidget(position_);
    row->addWidget(loop_);
    row->addWidget(speed_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_, 1);
    layout->addWidget(controls_);

    timer_ = new QTimer(this);
    connect(timer_, &QTimer::timeout, this, &FramePlayer::advance);
    connect(playButton_, &QToolButton::clicked, this, &FramePlayer::togglePlay);
    connect(prevButton_, &QToolButton::clicked, this, &FramePlayer::stepBackward);
    connect(nextButton_, &QToolButton::clicked, this, &FramePlayer::stepForward);
    connect(slider_, &QSlider::valueChanged, this, &FramePlayer::showFrame);
    connect(speed_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { updateTimer(); });
    render();
}

void FramePlayer::setFrames(const QVector<QImage>& frames) {
    frames_ = frames;
    if (current_ >= frames_.size())
        current_ = 0;
    {
        const QSignalBlocker block(slider_);
        slider_->setRange(0, std::max(0, int(frames_.size()) - 1));
        slider_->setValue(current_);
    }
    render();
}

void FramePlayer::clear() {
    pause();
    frames_.clear();
    current_ = 0;
    setFrames({});
}

QString FramePlayer::positionText() const { return position_->text(); }

bool FramePlayer::isPlaying() const { return timer_->isActive(); }
bool FramePlayer::isLooping() const { return loop_->isChecked(); }
void FramePlayer::setLooping(bool loop) { loop_->setChecked(loop); }

void FramePlayer::setFps(double fps) {
    fps_ = std::clamp(fps, 0.5, 120.0);
    updateTimer();
}

void FramePlayer::setControlsVisible(bool visible) { controls_->setVisible(visible); }

void FramePlayer::setPlaceholderText(const QString& text) {
    placeholder_ = text;
    render();
}

void FramePlayer::play() {
    if (frames_.size() < 2)
        return;
    if (!loop_->isChecked() && current_ == frames_.size() - 1)
        current_ = 0;
    updateTimer();
    timer_->start();
    playButton_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
}

void FramePlayer::pause() {
    timer_->stop();
    playButton_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
}

void FramePlayer::togglePlay() { isPlaying() ? pause() : play(); }

void FramePlayer::showFrame(int index) {
    if (frames_.isEmpty())
        return;
    current_ = std::clamp(index, 0, int(frames_.size()) - 1);
    {
        const QSignalBlocker block(slider_);
        slider_->setValue(current_);
    }
    render();
    emit frameChanged(current_);
}

void FramePlayer::stepForward() {
    pause();
    showFrame(current_ + 1 < frames_.size() ? current_ + 1 : (loop_->isChecked() ? 0 : current_));
}

void FramePlayer::stepBackward() {
    pause();
    showFrame(current_ > 0 ? current_ - 1 : (loop_->isChecked() ? int(frames_.size()) - 1 : 0));
}

void FramePlayer::advance() {
    if (frames_.isEmpty()) {
        pause();
        return;
    }
    if (current_ + 1 < frames_.size()) {
        showFrame(current_ + 1);
    } else if (loop_->isChecked()) {
        showFrame(0);
    } else {
        pause();
    }
}

void FramePlayer::updateTimer() {
    const double speed = speed_->currentData().toDouble();
    timer_->setInterval(std::max(1, int(1000.0 / (fps_ * (speed > 0 ? speed : 1.0)))));
}

void FramePlayer::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    render();
}

void FramePlayer::render() {
    const bool have = !frames_.isEmpty();
    playButton_->setEnabled(frames_.size() > 1);
    prevButton_->setEnabled(have);
    nextButton_->setEnabled(have);
    slider_->setEnabled(have);
    position_->setText(have ? tr("frame %1 / %2").arg(current_ + 1).arg(frames_.size()) : QString());
    if (!have) {
        view_->setPixmap({});
        view_->setText(placeholder_);
        return;
    }
    const QImage& frame = frames_[current_];
    const QSize box = view_->contentsRect().size();
    // Small previews (1/8 resolution latents) are scaled up without smoothing so they stay readable.
    const Qt::TransformationMode mode =
        frame.width() * 2 < box.width() ? Qt::FastTransformation : Qt::SmoothTransformation;
    view_->setPixmap(QPixmap::fromImage(frame.scaled(box, Qt::KeepAspectRatio, mode)));
}

} // namespace i2v::ui
