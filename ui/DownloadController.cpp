#include "ui/DownloadController.h"

#include "hub/RepoId.h"
#include "util/Errors.h"

#include <QSettings>
#include <QThread>
#include <QTimer>

namespace i2v::ui {

DownloadController::DownloadController(QSettings* settings, std::function<hub::HubSettings()> hubSettings,
                                       QObject* parent)
    : QObject(parent), settings_(settings), hubSettings_(std::move(hubSettings)) {
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("DownloadWorker"));
    worker_ = new DownloadWorker;
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);

    connect(worker_, &DownloadWorker::planReady, this, [this](const DownloadPlanSummary& plan) {
        plan_ = plan;
        status_ = DownloadStatus{};
        status_.done = plan.totalBytes - plan.bytesToFetch;
        status_.total = plan.totalBytes;
        status_.fileCount = plan.files;
        status_.freeBytes = plan.freeBytes;
        emit planReady(plan);
    });
    connect(
        worker_, &DownloadWorker::progress, this,
        [this](const DownloadStatus& s) {
            if (state_ == State::Idle || state_ == State::Finished)
                return;   // a last report of a download that has ended since
            if (s.done != status_.done || s.file != status_.file || s.verifying != status_.verifying)
                lastProgress_.restart();
            status_ = s;
            emit progress(s);
        },
        Qt::QueuedConnection);
    flush_ = new QTimer(this);
    flush_->setInterval(100);
    connect(flush_, &QTimer::timeout, worker_, [worker = worker_] { worker->flushProgress(); }, Qt::DirectConnection);
    connect(worker_, &DownloadWorker::fileDone, this, &DownloadController::fileDone);
    connect(worker_, &DownloadWorker::notice, this, [this](const QString& message) {
        notices_ << message;
        emit notice(message);
    });
    connect(worker_, &DownloadWorker::finished, this, [this](const QString& snapshot) {
        snapshotDir_ = snapshot;
        status_.done = status_.total = plan_.totalBytes;
        setPending(false);
        setState(State::Finished);
        emit finished(repo_, snapshot);
    });
    connect(worker_, &DownloadWorker::failed, this, [this](const QString& message, bool transient) {
        error_ = message;
        // A refusal (gated, not found, no space) would fail again at every start; a network failure may not.
        if (!transient)
            setPending(false);
        setState(State::Failed);
        emit failed(message);
    });
    connect(worker_, &DownloadWorker::stopped, this, &DownloadController::onStopped);
    thread_->start();
}

DownloadController::~DownloadController() { shutdown(); }

void DownloadController::shutdown() {
    if (!worker_)
        return;
    flush_->stop();
    disconnect(worker_, nullptr, this, nullptr);
    worker_->stop(DownloadWorker::StopMode::Quit);
    thread_->quit();
    thread_->wait();   // the worker is deleted as its thread ends
    worker_ = nullptr;
    // What a running download left is a paused one: `download/pending` resumes it at the next start.
    if (isActive())
        setState(State::Paused);
}

bool DownloadController::isActive() const {
    return state_ == State::Running || state_ == State::Pausing || state_ == State::Cancelling;
}

bool DownloadController::holds(const QString& repoId) const {
    if (!isActive() && state_ != State::Paused)
        return false;
    const auto mine = hub::RepoId::tryParse(repo_.toStdString());
    return mine && mine->id() == repoId.toStdString();
}

qint64 DownloadController::msSinceProgress() const {
    return state_ == State::Running && lastProgress_.isValid() ? lastProgress_.elapsed() : 0;
}

double DownloadController::fraction() const {
    return status_.total > 0 ? double(status_.done) / double(status_.total) : 0.0;
}

bool DownloadController::start(const QString& repo, const QString& variant) {
    if (isActive() || !worker_)
        return false;
    try {
        hub::RepoId::parse(repo.toStdString());
    } catch (const Error& e) {
        error_ = QString::fromStdString(e.what());
        setState(State::Failed);
        emit failed(error_);
        return false;
    }
    repo_ = repo;
    variant_ = variant;
    launch();
    return true;
}

void DownloadController::launch() {
    const hub::RepoId repo = hub::RepoId::parse(repo_.toStdString());
    const hub::HubSettings hub = hubSettings_();
    cacheDir_ = QString::fromStdString(hub.cacheDir.string());
    error_.clear();
    notices_.clear();
    snapshotDir_.clear();
    plan_ = DownloadPlanSummary{};
    status_ = DownloadStatus{};
    setPending(true);
    lastProgress_.start();
    // Before the queued call: a Pause or Cancel from now on reaches this download even before it starts.
    worker_->prepare();
    setState(State::Running);
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, repo, variant = variant_, hub] { worker->download(repo, variant, hub); },
        Qt::QueuedConnection);
}

void DownloadController::pause() {
    if (state_ != State::Running || !worker_)
        return;
    setState(State::Pausing);
    worker_->stop(DownloadWorker::StopMode::Pause);
}

void DownloadController::resume() {
    if ((state_ == State::Paused || state_ == State::Failed) && !repo_.isEmpty() && worker_)
        launch();
}

void DownloadController::cancel() {
    if (!worker_)
        return;
    if (state_ == State::Running || state_ == State::Pausing) {
        setState(State::Cancelling);
        worker_->stop(DownloadWorker::StopMode::Cancel);
    } else if ((state_ == State::Paused || state_ == State::Failed) && !repo_.isEmpty()) {
        setState(State::Cancelling);
        discardPartials();
    }
}

void DownloadController::discardPartials() {
    // Nothing runs: the worker only removes what the stopped download left.
    const hub::RepoId repo = hub::RepoId::parse(repo_.toStdString());
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, repo, dir = cacheDir_] { worker->discardPartials(repo, dir); },
        Qt::QueuedConnection);
}

bool DownloadController::resumePending() {
    if (!available() || isActive())
        return false;
    const QStringList pending = settings_->value(settingsKey()).toStringList();
    if (pending.size() != 2 || !hub::RepoId::tryParse(pending.at(0).toStdString()))
        return false;
    const QString variant = pending.at(1) == QLatin1String("fp32") ? QStringLiteral("fp32") : QStringLiteral("fp16");
    return start(pending.at(0), variant);
}

void DownloadController::onStopped(bool paused, qint64 bytesRemoved) {
    if (paused && state_ == State::Cancelling) {
        discardPartials();   // Cancel came after the worker had already stopped for a Pause
        return;
    }
    if (paused) {
        setState(State::Paused);
        return;
    }
    setPending(false);
    plan_ = DownloadPlanSummary{};
    status_ = DownloadStatus{};
    setState(State::Idle);
    emit cancelled(bytesRemoved);
}

void DownloadController::setPending(bool pending) {
    if (pending)
        settings_->setValue(settingsKey(), QStringList{repo_, variant_});
    else
        settings_->remove(settingsKey());
    settings_->sync();
}

void DownloadController::setState(State s) {
    if (s == state_)
        return;
    state_ = s;
    if (s == State::Running || s == State::Pausing)
        flush_->start();
    else
        flush_->stop();
    emit stateChanged(s);
}

} // namespace i2v::ui
