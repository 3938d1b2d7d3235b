#include "ui/JobLauncher.h"

#include "ui/ActiveModel.h"
#include "ui/DropZone.h"
#include "ui/FrameExport.h"
#include "ui/GenerationForm.h"
#include "ui/JobController.h"
#include "ui/JobStatusBar.h"

#include <QDir>
#include <QFileInfo>

namespace i2v::ui {

JobLauncher::JobLauncher(JobController* jobs, const ActiveModel* model, const DropZone* picture, GenerationForm* form,
                         JobStatusBar* status, QObject* parent)
    : QObject(parent), jobs_(jobs), model_(model), picture_(picture), form_(form), status_(status) {}

void JobLauncher::generate() {
    if (!model_->isReady() || picture_->isReading())   // Generate is disabled then
        return;
    if (!picture_->hasImage()) {
        emit refused(ErrorBanner::Topic::Picture,
                     tr("Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)"));
        return;
    }
    emit accepted(ErrorBanner::Topic::Picture);
    if (!outputFolderUsable())
        return;
    const QVector<JobRequest> requests = form_->requestsToQueue();
    emit queueingForm();
    for (const JobRequest& r : requests)
        submit(r);
}

void JobLauncher::continueFromLastFrame() {
    if (!jobs_->hasResult() || !model_->isReady())   // Continue is disabled then
        return;
    if (!outputFolderUsable())
        return;
    JobRequest next = form_->continuation(jobs_->result().frames.last(), tr("the last frame of the previous video"));
    next.joinAfter = joinedSource(jobs_->result().videoPath);
    submit(next);
}

void JobLauncher::continueFrom(const HistoryEntry& entry) {
    QImage last;
    if (entry.outcome == JobOutcome::Finished && !entry.videoPath.isEmpty())
        last = lastVideoFrame(entry.videoPath);
    if (last.isNull()) {
        emit refused(ErrorBanner::Topic::Job,
                     tr("The last frame of %1 cannot be read").arg(QDir::toNativeSeparators(entry.videoPath)));
        return;
    }
    if (!outputFolderUsable())
        return;
    JobRequest next = form_->continuation(last, tr("the last frame of %1").arg(QFileInfo(entry.videoPath).fileName()), &entry.request);
    next.joinAfter = joinedSource(entry.videoPath);
    submit(next);
}

void JobLauncher::cancel() {
    if (jobs_->runningJob() == 0)
        return;
    status_->showStage(tr("Cancelling…"));
    jobs_->cancelRunning();
}

void JobLauncher::cancelAll() {
    if (!jobs_->isGenerating())
        return;
    status_->showStage(tr("Cancelling…"));
    jobs_->cancelAll();
}

bool JobLauncher::outputFolderUsable() {
    const QString problem = jobs_->outputFolderProblem();
    if (problem.isEmpty())
        return true;
    emit refused(ErrorBanner::Topic::Job, tr("%1. Choose another output folder in Settings.").arg(problem));
    return false;
}

void JobLauncher::submit(const JobRequest& request) {
    if (!jobs_->isGenerating())
        status_->showStarting(request.generation.numInferenceSteps);
    jobs_->submit(request);
}

QString JobLauncher::joinedSource(const QString& earlierVideo) const {
    return joinContinuations_ && !earlierVideo.isEmpty() && QFileInfo::exists(earlierVideo) ? earlierVideo : QString();
}

} // namespace i2v::ui
