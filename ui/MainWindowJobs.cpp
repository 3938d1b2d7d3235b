// MainWindow's jobs (the window is laid out in MainWindow.cpp): what it shows of the JobController's signals
// (the banner's job, output and export messages, the Queue dock, new gallery entries), and the commands its menus
// and the JobPanel's buttons share: Generate, Cancel, Cancel all, Continue from the last frame and Export….
// A job that cannot run is refused with the reason in the banner before anything is queued.
#include "ui/MainWindow.h"

#include "ui/ActiveModel.h"
#include "ui/DropZone.h"
#include "ui/ExportDialog.h"
#include "ui/ExportFlow.h"
#include "ui/GalleryPanel.h"
#include "ui/GenerationForm.h"
#include "ui/JobController.h"
#include "ui/JobStatusBar.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QStatusBar>

#include <utility>

namespace i2v::ui {

void MainWindow::connectJobs() {
    connect(jobs_, &JobController::jobSubmitted, this, [this] {
        if (!queueDock_->isVisible())
            queueDock_->show();
        queueDock_->raise();
        updateButtons();
    });
    connect(jobs_, &JobController::jobStarted, this, [this] {
        errorBanner_->clearTopic(ErrorBanner::Topic::Job);  // an earlier job's failure is not this one's
        updateButtons();
    });
    connect(jobs_, &JobController::warning, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(jobs_, &JobController::resultReady, this, &MainWindow::showResult);
    connect(jobs_, &JobController::jobFailed, this, [this](const QString& message) {
        reportError(ErrorBanner::Topic::Job, tr("Generation failed: %1").arg(message));
    });
    connect(jobs_, &JobController::jobEnded, this, &MainWindow::updateButtons);
    connect(jobs_, &JobController::historyRecorded, this, [this](qint64 id) {
        if (const auto entry = jobs_->history()->entry(id))
            gallery_->addEntry(*entry);
    });
    connect(jobs_, &JobController::pastResultFailed, this, [this](qint64 id, const QString& message) {
        if (id == exportWhenShown_)
            exportWhenShown_ = 0;
        reportError(ErrorBanner::Topic::Export, message);
    });
    connect(jobs_, &JobController::historyFailed, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(jobs_, &JobController::exportStarted, this, [this] {
        errorBanner_->clearTopic(ErrorBanner::Topic::Export);
        updateButtons();
    });
    connect(jobs_, &JobController::exportEnded, this, [this](const QString&, const QString& error) {
        if (error.isEmpty())
            errorBanner_->clearTopic(ErrorBanner::Topic::Output);  // the unsaved result is saved now
        else
            reportError(ErrorBanner::Topic::Export, tr("Export failed: %1").arg(error));
        updateButtons();
    });
}

bool MainWindow::outputFolderUsable() {
    const QString problem = jobs_->outputFolderProblem();
    if (problem.isEmpty())
        return true;
    reportError(ErrorBanner::Topic::Job, tr("%1. Choose another output folder in Settings.").arg(problem));
    return false;
}

void MainWindow::submit(const JobRequest& request) {
    if (!jobs_->isGenerating())
        jobStatus_->showStarting(request.generation.numInferenceSteps);
    jobs_->submit(request);
}

void MainWindow::generate() {
    if (!model_->isReady())   // Generate is disabled then
        return;
    if (!dropZone()->hasImage()) {
        reportError(ErrorBanner::Topic::Picture,
                    tr("Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)"));
        return;
    }
    errorBanner_->clearTopic(ErrorBanner::Topic::Picture);
    if (!outputFolderUsable())
        return;
    const QVector<JobRequest> requests = form()->requestsToQueue();
    saveSettings();
    for (const JobRequest& r : requests)
        submit(r);
}

void MainWindow::cancel() {
    if (jobs_->runningJob() == 0)
        return;
    jobStatus_->showStage(tr("Cancelling…"));
    jobs_->cancelRunning();
}

void MainWindow::cancelAll() {
    if (!jobs_->isGenerating())
        return;
    jobStatus_->showStage(tr("Cancelling…"));
    jobs_->cancelAll();
}

void MainWindow::showResult(const JobResult& r) {
    if (r.historyId) {
        updateButtons();
        if (std::exchange(exportWhenShown_, 0) == r.historyId)
            exportResult();
        return;
    }
    if (r.notSaved) {
        const QString message = tr("The video was not saved; its %1 frames are kept until the next result. %2")
                                    .arg(r.frames.size()).arg(r.why);
        if (ExportDialog::exportAvailable())
            errorBanner_->showMessage(ErrorBanner::Topic::Output, message, tr("Save as…"), [this] { exportResult(); });
        else
            reportError(ErrorBanner::Topic::Output, message);
    } else {
        errorBanner_->clearTopic(ErrorBanner::Topic::Output);  // the unsaved result is gone from the view
    }
}

void MainWindow::continueFromLastFrame() {
    if (!jobs_->hasResult() || !model_->isReady())   // Continue is disabled then
        return;
    if (!outputFolderUsable())
        return;
    JobRequest next = form()->continuation(jobs_->result().frames.last(), tr("the last frame of the previous video"));
    next.joinAfter = joinedSource(jobs_->result().videoPath);
    submit(next);
}

QString MainWindow::joinedSource(const QString& earlierVideo) const {
    return joinPartsAction_->isChecked() && !earlierVideo.isEmpty() && QFileInfo::exists(earlierVideo) ? earlierVideo : QString();
}

QString MainWindow::suggestedExportPath(const QString& format) const {
    return ExportFlow(*settings_, app_.outputFolder, jobs_->result().seed).suggestedPath(format);
}

void MainWindow::exportResult() {
    // The button and the menu entry are disabled then; a call from elsewhere does nothing.
    if (!jobs_->hasResult() || jobs_->isExporting() || !ExportDialog::exportAvailable())
        return;
    if (const auto target = ExportFlow(*settings_, app_.outputFolder, jobs_->result().seed).ask(this))
        jobs_->exportTo(target->settings, target->path);
}

} // namespace i2v::ui
