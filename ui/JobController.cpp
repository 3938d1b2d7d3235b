#include "ui/JobController.h"

#include "ui/FrameExport.h"
#include "ui/GenerationWorker.h"
#include "ui/JobQueueModel.h"
#include "ui/OutputFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

namespace i2v::ui {
namespace {

// <history>-unfinished-jobs beside the history file: a test's window with a history of its own has its own.
QString unfinishedRoot(const QString& historyPath) {
    const QFileInfo history(historyPath);
    return history.absoluteDir().filePath(history.completeBaseName() + QStringLiteral("-unfinished-jobs"));
}

JobState stateOf(JobOutcome outcome) {
    switch (outcome) {
    case JobOutcome::Finished: return JobState::Finished;
    case JobOutcome::NotSaved: return JobState::NotSaved;
    case JobOutcome::Cancelled: return JobState::Cancelled;
    case JobOutcome::Failed: break;
    }
    return JobState::Failed;
}

} // namespace

JobController::JobController(const QString& historyPath, QObject* parent)
    : QObject(parent), history_(std::make_unique<JobHistory>(historyPath)), unfinished_(unfinishedRoot(historyPath)),
      queue_(new JobQueueModel(this)) {
    qRegisterMetaType<JobResult>();
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("GenerationWorker"));
    worker_ = new GenerationWorker;
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connectWorker();
    tick_ = new QTimer(this);
    tick_->setInterval(1000);
    connect(tick_, &QTimer::timeout, this, &JobController::updateTiming);
    thread_->start();
}

JobController::~JobController() {
    // Queued signals of the running job would arrive after this object is gone: record what is left here.
    disconnect(worker_, nullptr, this, nullptr);
    worker_->cancelAll();
    thread_->quit();
    thread_->wait();
    for (QThread* thread : {exportThread_.data(), readThread_.data()})
        if (thread)
            thread->wait();
    for (const TrackedJob& job : std::as_const(jobs_))
        history_->record(entryFor(job, JobOutcome::Cancelled, tr("I2V Studio was closed before the job ended")));
}

void JobController::loadModel(const QString& dir, const EngineSettings& engine) {
    modelDir_ = dir;
    QMetaObject::invokeMethod(worker_, [worker = worker_, dir, engine] { worker->loadModel(dir, engine); },
                              Qt::QueuedConnection);
}

void JobController::connectWorker() {
    connect(worker_, &GenerationWorker::modelLoaded, this, &JobController::modelLoaded);
    connect(worker_, &GenerationWorker::modelFailed, this, [this](const QString& dir, const QString& message) {
        costModel_ = {};
        emit estimateInputsChanged();
        emit modelFailed(dir, message);
    });
    connect(worker_, &GenerationWorker::costModelReady, this, [this](const CostModelInfo& info) {
        costModel_ = info;
        // Once per machine, model and engine setting; every job refines it afterwards.
        if (!speeds_.knows(info.speedKey))
            QMetaObject::invokeMethod(worker_, &GenerationWorker::calibrate, Qt::QueuedConnection);
        updateTiming();
        emit estimateInputsChanged();
    });
    connect(worker_, &GenerationWorker::stageMeasured, this,
            [this](const QString& key, int stage, double flops, double s, bool busy) {
        speeds_.record(key, CostStage(stage), flops, s, busy);
        emit estimateInputsChanged();
    });
    connect(worker_, &GenerationWorker::calibrationStarted, this, [this] {
        calibrating_ = true;
        emit calibratingChanged(true);
    });
    connect(worker_, &GenerationWorker::calibrated, this, [this](const QString&, bool) {
        calibrating_ = false;
        emit calibratingChanged(false);
        updateTiming();
        emit estimateInputsChanged();
    });
    connect(worker_, &GenerationWorker::jobStarted, this, [this](int id, const JobRequest&) {
        runningJob_ = id;
        if (auto it = jobs_.find(id); it != jobs_.end()) {
            it->started = QDateTime::currentDateTime();
            it->estimate = estimateLeft(*it);
            it->clock.start();
        }
        queue_->setRunning(id);
        tick_->start();
        updateTiming();
        emit jobStarted(id);
        emit progressChanged(0, 0);
    });
    connect(worker_, &GenerationWorker::stageChanged, this, [this](int id, const QString& stage) {
        queue_->setStage(id, stage);
        if (id != runningJob_)
            return;
        const auto it = jobs_.constFind(id);
        const double left = it == jobs_.cend() ? -1 : remainingSeconds(*it);
        emit statusChanged(left >= 0 ? tr("%1, %2 left").arg(stage, formatDuration(left)) : stage);
    });
    connect(worker_, &GenerationWorker::stepProgress, this, [this](int id, int step, int total, double eta) {
        queue_->setProgress(id, step, total);
        if (auto it = jobs_.find(id); it != jobs_.end()) {
            it->stepsLeft = eta;
            it->sinceStep.start();
        }
        updateTiming();
        if (id != runningJob_)
            return;
        emit progressChanged(step, total);
        const auto it = jobs_.constFind(id);
        const double left = it == jobs_.cend() ? -1 : remainingSeconds(*it);
        emit statusChanged(left >= 0 ? tr("Denoising: step %1 of %2, %3 left").arg(step).arg(total).arg(formatDuration(left))
                                     : tr("Denoising: step %1 of %2").arg(step).arg(total));
    });
    connect(worker_, &GenerationWorker::decodeProgress, this, [this](int id, int done, int total) {
        if (id != runningJob_)
            return;
        emit decodeProgressChanged(done, total);
        emit statusChanged(tr("Decoding frames: %1 of %2").arg(done).arg(total));
    });
    connect(worker_, &GenerationWorker::previewReady, this, [this](int id, const QVector<QImage>& frames) {
        if (auto it = jobs_.find(id); it != jobs_.end() && !frames.isEmpty())
            it->lastPreview = frames.first();
        if (id == runningJob_)
            emit previewReady(frames);
    });
    connect(worker_, &GenerationWorker::warning, this, [this](int id, const QString& message) {
        if (auto it = jobs_.find(id); it != jobs_.end())
            it->warning = it->warning.isEmpty() ? message : it->warning + QLatin1Char('\n') + message;
        emit warning(message);
    });
    connect(worker_, &GenerationWorker::finished, this, &JobController::onFinished);
    connect(worker_, &GenerationWorker::failed, this, [this](int id, const QString& message) {
        // Steps that finished before the failure are kept: the job is offered again (after a change of memory
        // settings, say) from there. Without any, there is nothing to go on with.
        const auto it = jobs_.constFind(id);
        const auto [saved, total] = it == jobs_.cend() ? std::pair(0, 0) : UnfinishedJobs::savedSteps(it->request.progressFile);
        const bool kept = saved > 0;
        if (it != jobs_.cend())
            kept ? unfinished_.release(it->request.progressFile) : unfinished_.remove(it->request.progressFile);
        const QString shown =
            kept ? tr("%1. Its progress is kept (%2 of %3 steps): Resume goes on from there.").arg(message).arg(saved).arg(total)
                 : message;
        emit jobFailed(shown);
        onEnded(id, JobOutcome::Failed, shown, it == jobs_.cend() ? QImage() : it->thumbnail());
        if (kept)
            emit unfinishedJobsChanged();
    });
    connect(worker_, &GenerationWorker::cancelled, this, [this](int id) {
        emit jobCancelled(id);
        const auto it = jobs_.constFind(id);
        if (it != jobs_.cend() && !closing_)
            unfinished_.remove(it->request.progressFile);
        onEnded(id, JobOutcome::Cancelled, QString(), it == jobs_.cend() ? QImage() : it->thumbnail());
    });
}

QString JobController::outputFolderProblem() const {
    if (preferences_.outputFolder.isEmpty())  // no video asked for
        return {};
    return ui::outputFolderProblem(preferences_.outputFolder);
}

int JobController::submit(JobRequest request) {
    request.generation.preview = preferences_.preview;
    request.generation.decodeChunkSize = preferences_.decodeChunk;
    request.outputFolder = preferences_.outputFolder;
    if (request.progressFile.isEmpty()) {
        QString error;
        request = unfinished_.keep(request, &error);
        if (!error.isEmpty())
            emit warning(tr("This job cannot go on after a stop (%1): it runs all the same").arg(error));
    }
    const int id = worker_->enqueue(request);
    request.id = id;
    TrackedJob job;
    job.request = request;
    job.queued = QDateTime::currentDateTime();
    job.stepsSaved = UnfinishedJobs::savedSteps(request.progressFile).first;
    job.estimate = estimateLeft(job);
    jobs_.insert(id, job);
    queue_->addJob(request);
    queue_->setTiming(id, -1, job.estimate.seconds.value_or(-1));
    emit jobSubmitted(id);
    return id;
}

JobEstimate JobController::estimate(const JobRequest& request) const {
    GenerationRequest r = request.generation;
    r.preview = preferences_.preview;
    r.decodeChunkSize = preferences_.decodeChunk;
    return estimateJob(costModel_, speeds_, r);
}

JobEstimate JobController::estimateLeft(const TrackedJob& job) const {
    JobEstimate e = estimate(job.request);
    // A job that goes on from saved progress has those steps behind it.
    if (job.stepsSaved > 0 && e.seconds && e.secondsPerStep)
        e.seconds = std::max(0.0, *e.seconds - job.stepsSaved * *e.secondsPerStep);
    return e;
}

JobEstimate JobController::estimate(const JobRequest& request, const AppSettings& preferences) const {
    GenerationRequest r = request.generation;
    r.preview = preferences.preview;
    r.decodeChunkSize = preferences.decodeChunk;
    CostModelInfo info = costModel_;
    info.memory = withEngine(info.memory, preferences.engine);
    return estimateJob(info, speeds_, r);
}

std::optional<double> JobController::measuredBf16SpeedUp(const JobRequest& request) const {
    if (!costModel_.model)
        return std::nullopt;
    const double flops = costModel_.model->estimate(request.generation, costModel_.memory).step.total();
    const auto key = [&](const QString& dtype) {
        return GenerationWorker::speedKey(costModel_.fingerprint, costModel_.device, dtype, false, costModel_.threads);
    };
    const auto fp32 = speeds_.seconds(key(QStringLiteral("fp32")), CostStage::Denoise, flops);
    const auto bf16 = speeds_.seconds(key(QStringLiteral("bf16")), CostStage::Denoise, flops);
    // Both from a quiet machine: a time measured beside other programs would make the ratio say nothing.
    if (!fp32 || !bf16 || fp32->measuredBusy || bf16->measuredBusy || bf16->seconds <= 0)
        return std::nullopt;
    return fp32->seconds / bf16->seconds;
}

double JobController::remainingSeconds(const TrackedJob& job) const {
    const double elapsed = job.clock.isValid() ? job.clock.elapsed() / 1000.0 : 0.0;
    if (job.stepsLeft >= 0)  // measured steps: what is left of them, then the decode
        return std::max(0.0, job.stepsLeft - job.sinceStep.elapsed() / 1000.0) + job.estimate.decodeSeconds.value_or(0.0);
    if (job.estimate.seconds)
        return std::max(0.0, *job.estimate.seconds - elapsed);
    return -1;
}

void JobController::updateTiming() {
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
        if (it.key() == runningJob_ && it->clock.isValid()) {
            queue_->setTiming(it.key(), it->clock.elapsed() / 1000.0, remainingSeconds(*it));
        } else if (!it->clock.isValid()) {
            it->estimate = estimateLeft(*it);  // the model or the measured speeds may have changed
            queue_->setTiming(it.key(), -1, it->estimate.seconds.value_or(-1));
        }
    }
    if (runningJob_ == 0)
        tick_->stop();
}

void JobController::cancelRunning() {
    if (runningJob_ != 0)
        worker_->cancelJob(runningJob_);
}

void JobController::cancelJob(int jobId) {
    if (queue_->rowOf(jobId) < 0 || JobQueueModel::isEnded(queue_->stateOf(jobId)))
        return;
    worker_->cancelJob(jobId);
}

void JobController::cancelAll() { worker_->cancelAll(); }

void JobController::stopForClose() {
    closing_ = true;
    worker_->cancelAll();
}

QList<UnfinishedJob> JobController::unfinishedJobs() const {
    QList<UnfinishedJob> jobs = unfinished_.list();
    jobs.removeIf([this](const UnfinishedJob& job) {
        return std::any_of(jobs_.cbegin(), jobs_.cend(),
                           [&](const TrackedJob& t) { return t.request.progressFile == job.request.progressFile; });
    });
    return jobs;
}

void JobController::resumeUnfinished() {
    for (const UnfinishedJob& job : unfinishedJobs())
        if (unfinished_.claim(job.request.progressFile))  // not one another app took meanwhile
            submit(job.request);
    emit unfinishedJobsChanged();
}

void JobController::discardUnfinished() {
    for (const UnfinishedJob& job : unfinishedJobs())
        if (unfinished_.claim(job.request.progressFile))
            unfinished_.remove(job.request.progressFile);
    emit unfinishedJobsChanged();
}

bool JobController::isGenerating() const { return queue_->hasUnfinished(); }

void JobController::onFinished(int jobId, const QVector<QImage>& frames, const QString& parameters, const QString& video) {
    JobResult r;
    r.frames = frames;
    r.parametersJson = parameters;
    r.videoPath = video;
    if (const auto it = jobs_.constFind(jobId); it != jobs_.cend()) {
        r.seed = it->request.generation.seed;
        r.notSaved = video.isEmpty() && !it->request.outputFolder.isEmpty();
        r.why = it->warning;
    }
    result_ = r;
    // Delivered: nothing of the job is left to go on with (a video that could not be written is in the window).
    if (const auto it = jobs_.constFind(jobId); it != jobs_.cend())
        unfinished_.remove(it->request.progressFile);
    emit resultReady(result_);
    const QImage thumb = frames.isEmpty() ? QImage() : frames.at(frames.size() / 2);
    onEnded(jobId, r.notSaved ? JobOutcome::NotSaved : JobOutcome::Finished, r.notSaved ? r.why : QString(), thumb,
            parameters, video);
}

HistoryEntry JobController::entryFor(const TrackedJob& job, JobOutcome outcome, const QString& message) const {
    HistoryEntry e;
    e.started = job.started.isValid() ? job.started : job.queued;
    e.ended = QDateTime::currentDateTime();
    e.outcome = outcome;
    e.message = message.isEmpty() ? job.warning : message;
    e.request = job.request;
    e.modelDir = modelDir_;
    e.thumbnail = job.thumbnail();
    return e;
}

void JobController::onEnded(int jobId, JobOutcome outcome, const QString& message, const QImage& thumbnail,
                            const QString& parameters, const QString& video) {
    queue_->setEnded(jobId, stateOf(outcome), message);
    if (const auto it = jobs_.constFind(jobId); it != jobs_.cend()) {
        queue_->setTiming(jobId, it->clock.isValid() ? it->clock.elapsed() / 1000.0 : -1, -1);
        HistoryEntry e = entryFor(*it, outcome, message);
        e.parametersJson = parameters;
        e.videoPath = video;
        e.thumbnail = thumbnail;
        jobs_.erase(it);
        if (history_->isOpen()) {
            e.id = history_->record(e);
            if (e.id != 0)
                emit historyRecorded(e.id);
            else
                emit historyFailed(tr("The job could not be recorded in the history: %1").arg(history_->errorString()));
        }
        emit jobConcluded(e);
    }
    if (jobId == runningJob_)
        runningJob_ = 0;
    emit jobEnded(jobId);
}

void JobController::exportTo(const ExportSettings& settings, const QString& path) {
    if (!hasResult() || exportThread_)
        return;
    auto error = std::make_shared<QString>();
    QThread* thread = QThread::create([=, frames = result_.frames, parameters = result_.parametersJson] {
        *error = exportFrames(frames, settings, parameters, path);
    });
    exportThread_ = thread;
    connect(thread, &QThread::finished, this, [this, thread, error, path] {
        // deleteLater() leaves the pointer set until the event loop gets to it: the export is over now.
        exportThread_.clear();
        thread->deleteLater();
        emit exportEnded(path, *error);
    });
    thread->start();
    emit exportStarted(path);
}

void JobController::openPastResult(const HistoryEntry& entry) {
    if (readThread_) {
        nextRead_ = entry;
        return;
    }
    auto clip = std::make_shared<VideoClip>();
    QThread* thread = QThread::create([clip, path = entry.videoPath] { *clip = readVideoClip(path, maxPastFrames()); });
    readThread_ = thread;
    connect(thread, &QThread::finished, this, [this, thread, clip, entry] {
        readThread_.clear();
        thread->deleteLater();
        if (clip->error.isEmpty()) {
            JobResult r;
            r.frames = clip->frames;
            r.parametersJson = entry.parametersJson;
            r.videoPath = entry.videoPath;
            r.seed = entry.request.generation.seed;
            r.historyId = entry.id;
            r.totalFrames = clip->totalFrames;
            result_ = std::move(r);
            emit resultReady(result_);
        } else {
            emit pastResultFailed(entry.id, tr("%1 cannot be played: %2")
                                                .arg(QDir::toNativeSeparators(entry.videoPath), clip->error));
        }
        if (nextRead_) {
            const HistoryEntry next = *std::exchange(nextRead_, std::nullopt);
            openPastResult(next);
        }
    });
    thread->start();
}

} // namespace i2v::ui
