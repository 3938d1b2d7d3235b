#include "ui/ResultView.h"

#include "ui/FramePlayer.h"
#include "ui/VideoPlayer.h"

#include <QDir>
#include <QHideEvent>
#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QShowEvent>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

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

    // Clicking the picture gives the view the focus, so the keys work without tabbing to a button; the
    // shortcuts beat the focused child's own use of the keys (a check box toggles on Space).
    for (QWidget* picture : {static_cast<QWidget*>(video_), static_cast<QWidget*>(frames_)})
        picture->setFocusPolicy(Qt::StrongFocus);
    const auto addKey = [this](Qt::Key key, void (ResultView::*slot)()) {
        auto* shortcut = new QShortcut(QKeySequence(key), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    addKey(Qt::Key_Space, &ResultView::togglePlay);
    addKey(Qt::Key_Left, &ResultView::stepBackward);
    addKey(Qt::Key_Right, &ResultView::stepForward);

    connect(video_, &VideoPlayer::loaded, this, [this] {
        opening_ = false;
        note_->clear();
        note_->setVisible(false);
        frames_->pause();
        stack_->setCurrentWidget(video_);
        playShown();
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
    playShown();
}

void ResultView::playShown() {
    if (!isVisible()) {
        playWhenShown_ = true;
        return;
    }
    if (isShowingVideo())
        video_->play();
    else if (frames_->frameCount() > 0)
        frames_->play();
}

void ResultView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    playWhenShown_ = playWhenShown_ || (isShowingVideo() ? video_->isPlaying() : frames_->isPlaying());
    video_->pause();
    frames_->pause();
}

void ResultView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (std::exchange(playWhenShown_, false))
        playShown();
}

void ResultView::clear() {
    opening_ = false;
    video_->clear();
    frames_->clear();
    showFrames(QString());
}

void ResultView::togglePlay() { isShowingVideo() ? video_->togglePlay() : frames_->togglePlay(); }
void ResultView::stepForward() { isShowingVideo() ? video_->stepForward() : frames_->stepForward(); }
void ResultView::stepBackward() { isShowingVideo() ? video_->stepBackward() : frames_->stepBackward(); }

bool ResultView::isShowingVideo() const { return stack_->currentWidget() == video_; }

QString ResultView::note() const { return note_->isHidden() ? QString() : note_->text(); }

} // namespace i2v::ui
