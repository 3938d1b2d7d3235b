#include "ui/JobStatusBar.h"

#include "ui/ActiveModel.h"
#include "ui/JobController.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>

namespace i2v::ui {

JobStatusBar::JobStatusBar(JobController* jobs, const ActiveModel* model, QWidget* parent) : QStatusBar(parent), jobs_(jobs) {
    stage_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(260);
    progress_->setVisible(false);
    addWidget(stage_, 1);
    addPermanentWidget(progress_);

    connect(jobs_, &JobController::statusChanged, stage_, &QLabel::setText);
    connect(jobs_, &JobController::progressChanged, this, [this](int step, int total) {
        progress_->setRange(0, total);
        progress_->setValue(step);
        progress_->setVisible(true);
    });
    connect(jobs_, &JobController::jobFailed, this, [this] { stage_->setText(tr("Failed")); });
    connect(jobs_, &JobController::jobCancelled, this, [this](int id) {
        // A queued job cancelled while another runs leaves the running one's stage alone.
        if (id == jobs_->runningJob() || jobs_->runningJob() == 0)
            stage_->setText(tr("Cancelled"));
    });
    connect(jobs_, &JobController::jobEnded, this, [this] {
        if (!jobs_->isGenerating())
            progress_->setVisible(false);
    });
    connect(jobs_, &JobController::resultReady, this, [this](const JobResult& r) {
        const QString name = QFileInfo(r.videoPath).fileName();
        if (r.historyId)
            stage_->setText(r.totalFrames > r.frames.size()
                                ? tr("Showing %1 from the gallery (its first %2 of %3 frames)").arg(name).arg(r.frames.size()).arg(r.totalFrames)
                                : tr("Showing %1 from the gallery: %2 frames").arg(name).arg(r.frames.size()));
        else if (r.notSaved)   // the window's banner says why
            stage_->setText(tr("Not saved: %1 frames").arg(r.frames.size()));
        else
            stage_->setText(r.videoPath.isEmpty() ? tr("Done: %1 frames").arg(r.frames.size())
                                                  : tr("Done: %1 frames, saved as %2")
                                                        .arg(r.frames.size()).arg(QDir::toNativeSeparators(r.videoPath)));
    });
    connect(jobs_, &JobController::exportStarted, this, [this](const QString& path) {
        stage_->setText(tr("Exporting %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(jobs_, &JobController::exportEnded, this, [this](const QString& path, const QString& error) {
        if (error.isEmpty())   // a failure is the window's banner's
            stage_->setText(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
    });

    connect(model, &ActiveModel::loading, this, [this](const QString& dir) {
        stage_->setText(tr("Loading the model from %1…").arg(QDir::toNativeSeparators(dir)));
    });
    connect(model, &ActiveModel::ready, this, [this](const QString& dir, const QString&, qint64 parameters) {
        stage_->setText(tr("Model ready: %1 (%2 M parameters)").arg(QDir(dir).dirName()).arg(parameters / 1'000'000));
    });
    connect(model, &ActiveModel::failed, this, [this] { stage_->setText(tr("No model")); });   // the banner says why
}

void JobStatusBar::showStage(const QString& text) { stage_->setText(text); }

void JobStatusBar::showStarting(int steps) {
    stage_->setText(tr("Starting…"));
    progress_->setRange(0, steps);
    progress_->setValue(0);
    progress_->setVisible(true);
}

void JobStatusBar::addPermanentWidgetBeforeProgress(QWidget* widget) {
    // Index 0 is the stage line, the only widget that is not permanent; the progress bar is at 1.
    insertPermanentWidget(1, widget);
}

} // namespace i2v::ui
