#include "ui/DownloadWorker.h"

#include "hub/HubCacheLayout.h"
#include "hub/HubSettings.h"
#include "hub/RepoId.h"
#include "util/CancelToken.h"
#include "util/Errors.h"
#ifdef I2V_HAVE_HUB_CLIENT
#include "hub/ModelDownloader.h"
#endif

#include <QMutexLocker>

#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <vector>
#include <unistd.h>

namespace i2v::ui {
namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Holds the lock of one blob (the one huggingface_hub and the engine take) if nobody else does.
class TryLock {
public:
    explicit TryLock(const fs::path& path) {
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~TryLock() {
        if (fd_ >= 0) {
            ::flock(fd_, LOCK_UN);
            ::close(fd_);
        }
    }
    TryLock(const TryLock&) = delete;
    TryLock& operator=(const TryLock&) = delete;
    bool held() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

#ifdef I2V_HAVE_HUB_CLIENT

// Forwards the engine's reports (on the worker's thread) to the worker's signals.
class SignalObserver : public hub::DownloadObserver {
public:
    SignalObserver(DownloadWorker* worker, fs::path blobsDir) : worker_(worker), blobsDir_(std::move(blobsDir)) {}

    void onPlan(const hub::DownloadPlan& plan) override {
        DownloadPlanSummary s;
        s.repo = QString::fromStdString(plan.repo.id());
        s.commit = QString::fromStdString(plan.commit);
        s.variant = QString::fromLatin1(hub::variantName(plan.variant));
        s.files = int(plan.files.size());
        for (const hub::PlannedFile& f : plan.files)
            s.filesPresent += f.present ? 1 : 0;
        s.totalBytes = qint64(plan.totalBytes);
        s.bytesToFetch = qint64(plan.bytesToFetch);
        s.freeBytes = plan.freeBytes == UINT64_MAX ? -1 : qint64(plan.freeBytes);
        s.cacheDir = QString::fromStdString(plan.cacheDir.string());
        s.snapshotDir = QString::fromStdString(plan.snapshotDir.string());
        emit worker_->planReady(s);
    }

    void onProgress(const hub::DownloadProgress& p) override {
        DownloadStatus s;
        s.file = QString::fromStdString(p.file);
        s.fileIndex = p.fileIndex;
        s.fileCount = p.fileCount;
        s.fileDone = qint64(p.fileDone);
        s.fileSize = qint64(p.fileSize);
        s.done = qint64(p.done);
        s.total = qint64(p.total);
        s.bytesPerSecond = p.bytesPerSecond;
        s.etaSeconds = p.etaSeconds;
        s.verifying = p.verifying;
        // statvfs once a second is plenty for a number that moves by the download's own rate.
        if (!freeClock_.isValid() || freeClock_.elapsed() >= 1000) {
            const uint64_t free = hub::freeDiskSpace(blobsDir_);
            freeBytes_ = free == UINT64_MAX ? -1 : qint64(free);
            freeClock_.start();
        }
        s.freeBytes = freeBytes_;
        worker_->offerProgress(s);
    }

    void onFileDone(const std::string& path, bool wasPresent) override {
        emit worker_->fileDone(QString::fromStdString(path), wasPresent);
    }

    void onNotice(const std::string& message) override { emit worker_->notice(QString::fromStdString(message)); }

private:
    DownloadWorker* worker_;
    fs::path blobsDir_;
    QElapsedTimer freeClock_;
    qint64 freeBytes_ = -1;
};

#endif

} // namespace

DownloadWorker::DownloadWorker(QObject* parent) : QObject(parent), cancel_(std::make_unique<CancelToken>()) {
    qRegisterMetaType<DownloadPlanSummary>();
    qRegisterMetaType<DownloadStatus>();
}

DownloadWorker::~DownloadWorker() = default;

bool DownloadWorker::available() {
#ifdef I2V_HAVE_HUB_CLIENT
    return true;
#else
    return false;
#endif
}

QString DownloadWorker::unavailableReason() {
    return available() ? QString()
                       : tr("This build of I2V Studio cannot download models: it was built without libcurl and "
                            "OpenSSL. Put the model folder in place by hand and add it with Add folder…");
}

void DownloadWorker::prepare() {
    stopMode_.store(StopMode::None);
    cancel_->reset();
    QMutexLocker lock(&progressMutex_);
    hasPending_ = false;   // of the download before
}

void DownloadWorker::stop(StopMode mode) {
    stopMode_.store(mode);
    cancel_->cancel();
}

void DownloadWorker::offerProgress(const DownloadStatus& status) {
    QMutexLocker lock(&progressMutex_);
    pending_ = status;
    hasPending_ = true;
    emitDueProgress();
}

void DownloadWorker::flushProgress() {
    QMutexLocker lock(&progressMutex_);
    emitDueProgress();
}

void DownloadWorker::emitDueProgress() {
    if (!hasPending_ || (lastProgress_.isValid() && lastProgress_.elapsed() < 100))
        return;
    hasPending_ = false;
    lastProgress_.start();
    emit progress(pending_);
}

qint64 DownloadWorker::removePartialDownloads(const hub::RepoId& repo, const QString& cacheDir) {
    const hub::HubCacheLayout cache(cacheDir.toStdString());
    std::vector<fs::path> partials;
    std::error_code ec;
    for (fs::directory_iterator it(cache.repoDir(repo) / "blobs", ec), end; it != end && !ec; it.increment(ec))
        if (endsWith(it->path().filename().string(), ".incomplete") && it->is_regular_file(ec))
            partials.push_back(it->path());
    qint64 freed = 0;
    for (const fs::path& partial : partials) {
        const std::string name = partial.filename().string();
        const std::string etag = name.substr(0, name.size() - std::string(".incomplete").size());
        try {
            // A downloader working on it (huggingface_hub, `i2v download`) holds this lock: leave its file alone.
            TryLock lock(cache.lockPath(repo, etag));
            if (!lock.held())
                continue;
            const auto size = fs::file_size(partial, ec);
            const qint64 bytes = ec ? 0 : qint64(size);
            if (fs::remove(partial, ec))
                freed += bytes;
        } catch (const Error&) {
            continue;   // not a blob name the cache would use
        }
    }
    return freed;
}

void DownloadWorker::discardPartials(const hub::RepoId& repo, const QString& cacheDir) {
    emit stopped(false, removePartialDownloads(repo, cacheDir));
}

void DownloadWorker::download(const hub::RepoId& repo, const QString& variant, const hub::HubSettings& settings) {
#ifdef I2V_HAVE_HUB_CLIENT
    const hub::HubCacheLayout cache(settings.cacheDir);
    try {
        hub::DownloadOptions options;
        options.variant = hub::parseDownloadVariant(variant.toStdString());
        SignalObserver observer(this, cache.repoDir(repo) / "blobs");
        const hub::DownloadResult result = hub::ModelDownloader(settings).download(repo, options, &observer, cancel_.get());
        emit finished(QString::fromStdString(result.snapshotDir.string()));
    } catch (const Cancelled&) {
        const StopMode mode = stopMode_.load();
        if (mode == StopMode::Cancel)
            emit stopped(false, removePartialDownloads(repo, QString::fromStdString(settings.cacheDir.string())));
        else
            emit stopped(true, 0);
    } catch (const NetworkError& e) {
        emit failed(QString::fromStdString(e.what()), true);
    } catch (const Error& e) {
        emit failed(QString::fromStdString(e.what()), false);
    } catch (const std::exception& e) {
        emit failed(tr("the download stopped on an unexpected error: %1").arg(QString::fromLocal8Bit(e.what())), false);
    }
#else
    Q_UNUSED(repo);
    Q_UNUSED(variant);
    Q_UNUSED(settings);
    emit failed(unavailableReason(), false);
#endif
}

} // namespace i2v::ui
