// DownloadWorker: runs one model download (core's hub::ModelDownloader) on its own QThread, the way the
// GenerationWorker runs the pipeline: the UI moves it to a thread and invokes download() there; what the engine
// reports comes back as queued signals with plain Qt values, progress at most ten times a second. The engine
// reports progress only as bytes arrive, so a report held back by that limit would be lost in a stall: whoever
// shows progress calls flushProgress() now and then (the DownloadController does, ten times a second). stop() is
// safe from any thread: the engine notices it within a fraction of a second. Pausing and quitting keep the partial
// `.incomplete` files, from which the next download() resumes; cancelling removes them (never a complete blob).
// Without the hub client (a build without libcurl/OpenSSL) available() is false and download() fails at once.
#pragma once
#include <QElapsedTimer>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace i2v {
class CancelToken;
namespace hub {
struct HubSettings;
struct RepoId;
} // namespace hub
} // namespace i2v

namespace i2v::ui {

// What a download is about to do, known before its first byte.
struct DownloadPlanSummary {
    QString repo;            // "ali-vilab/i2vgen-xl"
    QString commit;
    QString variant;         // "fp16" / "fp32"
    int files = 0;
    int filesPresent = 0;    // complete in the cache already
    qint64 totalBytes = 0;   // of every selected file
    qint64 bytesToFetch = 0; // what still has to come over the network
    qint64 freeBytes = 0;    // on the cache's file system
    QString cacheDir;
    QString snapshotDir;     // the model folder once complete
};

// Where a running download is.
struct DownloadStatus {
    QString file;            // repo path of the file in transfer
    int fileIndex = 0;       // 0-based, of fileCount
    int fileCount = 0;
    qint64 fileDone = 0;
    qint64 fileSize = 0;
    qint64 done = 0;         // bytes of the whole plan in the cache
    qint64 total = 0;
    double bytesPerSecond = 0;
    double etaSeconds = -1;  // -1 while unknown
    bool verifying = false;  // re-hashing a kept partial file before resuming it
    qint64 freeBytes = -1;   // on the cache's file system now; -1 unknown
};

class DownloadWorker : public QObject {
    Q_OBJECT
public:
    enum class StopMode { None, Pause, Cancel, Quit };

    explicit DownloadWorker(QObject* parent = nullptr);
    ~DownloadWorker() override;

    // Whether this build has the hub client; unavailableReason() says why not, in words.
    static bool available();
    static QString unavailableReason();

    // Runs on the worker's thread (invoke it queued) and blocks it until the download ends; ends with exactly one
    // of finished, failed or stopped. The cancel token is not reset here: whoever starts a download calls
    // prepare() first (on its own thread), so that a stop() that comes before the worker starts is not lost.
    void download(const i2v::hub::RepoId& repo, const QString& variant, const i2v::hub::HubSettings& settings);
    // Runs on the worker's thread: removes the repository's partial downloads that no downloader holds (what
    // Cancel does after a pause or a failure), then emits stopped(false, bytes).
    void discardPartials(const i2v::hub::RepoId& repo, const QString& cacheDir);

    // Thread-safe. Clears an earlier stop before the next download().
    void prepare();
    // Thread-safe. Stops the running download (or the next one, when it has not started yet).
    void stop(StopMode mode);
    // Thread-safe. Emits the latest progress report if one is held back and the last was 100 ms ago or more.
    void flushProgress();
    // Thread-safe; called by the engine's observer on the worker's thread. Emits `status` now or holds it back.
    void offerProgress(const DownloadStatus& status);

    // Removes blobs/*.incomplete of `repo` in the cache `cacheDir` whose lock nobody holds; returns the bytes
    // freed. Complete blobs are never touched.
    static qint64 removePartialDownloads(const i2v::hub::RepoId& repo, const QString& cacheDir);

signals:
    void planReady(const i2v::ui::DownloadPlanSummary& plan);
    // At most every 100 ms. Connect it queued: it may be emitted from the worker's thread or a flushProgress() caller's.
    void progress(const i2v::ui::DownloadStatus& status);
    void fileDone(const QString& path, bool wasPresent);
    void notice(const QString& message);
    void finished(const QString& snapshotDir);
    // `transient`: a network failure that may well work later (kept for a resume); else the hub said no (not
    // found, gated, offline) or the disk cannot take it.
    void failed(const QString& message, bool transient);
    // `paused`: partial files are kept for a resume (Pause, Quit); else they were removed (`bytesRemoved`).
    void stopped(bool paused, qint64 bytesRemoved);

private:
    // With progressMutex_ held: emits the held-back report when due (the connection to it must be queued, so that
    // reports from either thread arrive in the order they were taken).
    void emitDueProgress();

    QMutex progressMutex_;
    DownloadStatus pending_;
    bool hasPending_ = false;
    QElapsedTimer lastProgress_;
    std::unique_ptr<CancelToken> cancel_;
    std::atomic<StopMode> stopMode_{StopMode::None};
};

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::DownloadPlanSummary)
Q_DECLARE_METATYPE(i2v::ui::DownloadStatus)
