#include "ui/PlayerTabs.h"

#include "ui/FramePlayer.h"
#include "ui/JobController.h"
#include "ui/ResultView.h"

namespace i2v::ui {

PlayerTabs::PlayerTabs(JobController* jobs, QWidget* parent) : QTabWidget(parent) {
    preview_ = new FramePlayer(this);
    preview_->setControlsVisible(false);
    preview_->setPlaceholderText(tr("The estimate of every frame appears here while the video denoises"));
    result_ = new ResultView(this);
    addTab(preview_, tr("Live preview"));
    addTab(result_, tr("Result"));

    connect(jobs, &JobController::jobStarted, this, [this] {
        preview_->clear();
        setCurrentWidget(preview_);
    });
    connect(jobs, &JobController::previewReady, this, [this](const QVector<QImage>& frames) {
        preview_->setFrames(frames);
        if (!preview_->isPlaying())
            preview_->play();
    });
    connect(jobs, &JobController::resultReady, this, [this](const JobResult& r) {
        preview_->pause();
        result_->setResult(r.frames, r.videoPath);
        setCurrentWidget(result_);
    });
}

} // namespace i2v::ui
