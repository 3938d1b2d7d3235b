// MainWindow, second part: the jobs. Generate queues one job per seed, the worker's signals move each
// through the queue model, every ended job is recorded in the history, and history entries come back
// as settings (Reuse settings) or as the picture of a new job (Continue from last frame).
#include "ui/MainWindow.h"

#include "ui/DropZone.h"
#include "ui/ExportDialog.h"
#include "ui/FramePlayer.h"
#include "ui/GenerationWorker.h"
#include "ui/HistoryPanel.h"
#include "ui/JobQueueModel.h"
#include "ui/OutputFolder.h"
#include "ui/ResultView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QUrl>

#include <algorithm>
#include <climits>

namespace i2v::ui {

bool MainWindow::isGenerating() const { return queue_->hasUnfinished(); }

FramePlayer* MainWindow::resultPlayer() const { return result_->framePlayer(); }

int MainWindow::submit(JobRequest request) {
    const int id = worker_->enqueue(request);
    request.id = id;
    jobs_.insert(id, TrackedJob{request, QDateTime::currentDateTime(), {}, {}, {}});
    queue_->addJob(request);
    if (!queueDock_->isVisible())
        queueDock_->show();
    queueDock_->raise();
    emit jobSubmitted(id);
    return id;
}

bool MainWindow::outputFolderUsable() {
    if (app_.outputFolder.isEmpty())   // no video asked for
        return true;
    const QString problem = outputFolderProblem(app_.outputFolder);
    if (problem.isEmpty())
        return true;
    reportError(ErrorBanner::Topic::Job, tr("%1. Choose another output folder in Settings.").arg(problem));
    return false;
}

void MainWindow::chooseSeed() {
    if (!seedLock_->isChecked())
        seed_->setValue(int(QRandomGenerator::global()->bounded(INT_MAX)));
}

void MainWindow::generate() {
    if (!modelReady_)   // Generate is disabled then
        return;
    if (!dropZone_->hasImage()) {
        reportError(ErrorBanner::Topic::Picture,
                    tr("Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)"));
        return;
    }
    errorBanner_->clearTopic(ErrorBanner::Topic::Picture);
    if (!outputFolderUsable())
        return;
    chooseSeed();
    saveSettings();
    JobRequest request = currentRequest();
    const bool consecutive = seedMode_->currentData().toString() == QLatin1String("consecutive");
    const quint64 first = request.seed;
    if (!isGenerating()) {
        stage_->setText(tr("Starting…"));
        progress_->setRange(0, request.steps);
        progress_->setValue(0);
        progress_->setVisible(true);
    }
    for (int i = 0; i < runs_->value(); ++i) {
        if (i > 0)
            request.seed = consecutive ? first + quint64(i) : QRandomGenerator::global()->bounded(quint64(INT_MAX));
        submit(request);
    }
    updateButtons();
}

void MainWindow::cancel() {
    if (runningJob_ == 0)
        return;
    stage_->setText(tr("Cancelling…"));
    worker_->cancelJob(runningJob_);
}

void MainWindow::cancelJob(int jobId) {
    if (JobQueueModel::isEnded(queue_->stateOf(jobId)) || queue_->rowOf(jobId) < 0)
        return;
    if (jobId == runningJob_)
        stage_->setText(tr("Cancelling…"));
    worker_->cancelJob(jobId);
}

void MainWindow::cancelAll() {
    if (!isGenerating())
        return;
    stage_->setText(tr("Cancelling…"));
    worker_->cancelAll();
}

void MainWindow::onJobFinished(int jobId, const QVector<QImage>& frames, const QString& parameters, const QString& video) {
    bool notSaved = false;  // a video was asked for and could not be written: the frames are all there is
    QString why;
    if (const auto it = jobs_.constFind(jobId); it != jobs_.cend()) {
        resultSeed_ = it->request.seed;
        notSaved = video.isEmpty() && !it->request.outputFolder.isEmpty();
        why = it->warning;
    }
    resultFrames_ = frames;
    resultParameters_ = parameters;
    resultVideoPath_ = video;
    preview_->pause();
    result_->setResult(frames, video);
    players_->setCurrentWidget(result_);
    if (notSaved) {
        stage_->setText(tr("Not saved: %1 frames").arg(frames.size()));
        const QString message = tr("The video was not saved; its %1 frames are kept until the next result. %2")
                                    .arg(frames.size()).arg(why);
        if (ExportDialog::exportAvailable())
            errorBanner_->showMessage(ErrorBanner::Topic::Output, message, tr("Save as…"), [this] { exportResult(); });
        else
            reportError(ErrorBanner::Topic::Output, message);
    } else {
        errorBanner_->clearTopic(ErrorBanner::Topic::Output);  // the unsaved result is gone from the view
        stage_->setText(video.isEmpty() ? tr("Done: %1 frames").arg(frames.size())
                                        : tr("Done: %1 frames, saved as %2").arg(frames.size()).arg(QDir::toNativeSeparators(video)));
    }
    const QImage thumb = frames.isEmpty() ? QImage() : frames.at(frames.size() / 2);
    onJobEnded(jobId, notSaved ? JobOutcome::NotSaved : JobOutcome::Finished, notSaved ? why : QString(), thumb, parameters, video);
}

void MainWindow::onJobEnded(int jobId, JobOutcome outcome, const QString& message, const QImage& thumbnail,
                            const QString& parameters, const QString& video) {
    queue_->setEnded(jobId, outcome == JobOutcome::Finished    ? JobState::Finished
                            : outcome == JobOutcome::NotSaved  ? JobState::NotSaved
                            : outcome == JobOutcome::Cancelled ? JobState::Cancelled
                                                               : JobState::Failed,
                     message);
    const auto it = jobs_.constFind(jobId);
    if (it != jobs_.cend()) {
        HistoryEntry e;
        e.started = it->started.isValid() ? it->started : it->queued;
        e.ended = QDateTime::currentDateTime();
        e.outcome = outcome;
        e.message = message.isEmpty() ? it->warning : message;
        e.request = it->request;
        e.parametersJson = parameters;
        e.videoPath = video;
        e.modelDir = modelDir_;
        e.thumbnail = thumbnail;
        jobs_.erase(it);
        if (history_->isOpen()) {
            e.id = history_->record(e);
            if (e.id != 0) {
                historyPanel_->addEntry(e);
                emit historyRecorded(e.id);
            } else {
                statusBar()->showMessage(tr("The job could not be recorded in the history: %1").arg(history_->errorString()), 8000);
            }
        }
    }
    if (jobId == runningJob_)
        runningJob_ = 0;
    if (!isGenerating())
        progress_->setVisible(false);
    updateButtons();
}

void MainWindow::continueFromLastFrame() {
    if (resultFrames_.isEmpty() || !modelReady_)   // Continue is disabled then
        return;
    if (!outputFolderUsable())
        return;
    dropZone_->setImage(resultFrames_.last(), QString(), tr("the last frame of the previous video"));
    chooseSeed();
    submit(currentRequest());
    updateButtons();
}

void MainWindow::continueFromHistory(const HistoryEntry& entry) {
    QImage last;
    if (entry.outcome == JobOutcome::Finished && !entry.videoPath.isEmpty())
        last = lastVideoFrame(entry.videoPath);
    if (last.isNull()) {
        reportError(ErrorBanner::Topic::Job, tr("The last frame of %1 cannot be read").arg(QDir::toNativeSeparators(entry.videoPath)));
        return;
    }
    if (!outputFolderUsable())
        return;
    // The entry's settings, but the seed as the Seed row says: reuseSettings() puts the entry's seed in
    // the box and locks it, which would override the user's locked seed (or the fresh one when unlocked).
    const int seed = seed_->value();
    const bool locked = seedLock_->isChecked();
    reuseSettings(entry);
    seed_->setValue(seed);
    seedLock_->setChecked(locked);
    dropZone_->setImage(last, QString(), tr("the last frame of %1").arg(QFileInfo(entry.videoPath).fileName()));
    chooseSeed();
    submit(currentRequest());
    updateButtons();
}

void MainWindow::reuseSettings(const HistoryEntry& entry) {
    const JobRequest& r = entry.request;
    bool pictureOk = true;
    if (!r.imagePath.isEmpty())
        pictureOk = dropZone_->loadFile(r.imagePath);
    else if (!r.image.isNull())
        dropZone_->setImage(r.image.convertToFormat(QImage::Format_RGB888), QString(),
                            r.imageName.isEmpty() ? tr("the picture of job %1").arg(entry.id) : r.imageName);
    prompt_->setPlainText(r.prompt);
    negative_->setPlainText(r.negativePrompt);
    scheduler_->setCurrentIndex(std::max(0, scheduler_->findData(r.scheduler)));
    steps_->setValue(r.steps);
    guidance_->setValue(r.guidance);
    eta_->setValue(r.eta);
    seed_->setValue(int(std::min<quint64>(r.seed, INT_MAX)));
    seedLock_->setChecked(true);  // reusing means the same seed
    runs_->setValue(1);
    frames_->setValue(r.frames);
    fps_->setValue(r.fps);
    int preset = sizePreset_->count() - 1;  // Custom
    for (int i = 0; i < sizePreset_->count() - 1; ++i)
        if (sizePreset_->itemData(i).toSize() == QSize(r.width, r.height))
            preset = i;
    sizePreset_->setCurrentIndex(preset);
    width_->setValue(r.width);
    height_->setValue(r.height);
    updateSizeControls();
    app_.decodeChunk = r.decodeChunk;
    app_.preview = r.preview;
    updateEtaEnabled();
    if (pictureOk)
        statusBar()->showMessage(tr("Settings of job %1 restored").arg(entry.id), 5000);
}

void MainWindow::deleteHistoryEntry(qint64 id) {
    if (!history_->remove(id)) {
        showError(tr("The history entry could not be deleted: %1").arg(history_->errorString()));
        return;
    }
    historyPanel_->removeEntry(id);
}

void MainWindow::openHistoryFolder(const HistoryEntry& entry) {
    const QString folder = QFileInfo(entry.videoPath).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        showError(tr("The folder %1 no longer exists").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        showError(tr("No file manager could open %1").arg(QDir::toNativeSeparators(folder)));
}

} // namespace i2v::ui
