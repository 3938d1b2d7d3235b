#include "ui/ResultView.h"

#include "ui/FramePlayer.h"
#include "ui/VideoPlayer.h"

#include <QDir>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace i2v::ui {

ResultView::ResultView(QWidget* parent) : QWidget(parent) {
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("playbackNote"));
    note_->setWordWrap(true);
    note_->setVisible(false);
    video_ = new VideoPlayer(this);
    frames_ = new FramePlayer(this);
    frames_->setPlaceholderText(tr("The finished video plays here"));
    stack_ = new QStackedWidget(this);
    stack_->addWidget(frames_);
    stack_->addWidget(video_);
    stack_->setCurrentWidget(frames_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(note_);
    layout->addWidget(stack_, 1);

    connect(video_, &VideoPlayer::loaded, this, [this] {
        opening_ = false;
        note_->clear();
        note_->setVisible(false);
        frames_->pause();
        stack_->setCurrentWidget(video_);
        video_->play();
    });
    connect(video_, &VideoPlayer::failed, this, [this](const QString& message) {
        opening_ = false;
        showFrames(tr("Playing the decoded frames: the video file cannot be played here (%1)").arg(message));
    });
}

void ResultView::setResult(const QVector<QImage>& frames, const QString& videoPath) {
    opening_ = false;
    video_->clear();
    frames_->setFrames(frames);
    frames_->showFrame(0);
    if (videoPath.isEmpty()) {
        showFrames(QString());
        return;
    }
    // The frames play until the file is loaded, so there is never an empty view.
    showFrames(QString());
    note_->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(videoPath)));
    note_->setVisible(true);
    opening_ = true;
    video_->openFile(videoPath);
}

void ResultView::showFrames(const QString& note) {
    video_->pause();
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
    stack_->setCurrentWidget(frames_);
    if (frames_->frameCount() > 0)
        frames_->play();
}

void ResultView::clear() {
    opening_ = false;
    video_->clear();
    frames_->clear();
    showFrames(QString());
}

bool ResultView::isShowingVideo() const { return stack_->currentWidget() == video_; }

QString ResultView::note() const { return note_->isHidden() ? QString() : note_->text(); }

} // namespace i2v::ui
