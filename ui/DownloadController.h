// DownloadController: the app's one model download, as the UI sees it (the Models window draws it, the main
// window's status bar sums it up, the demo banner starts it). It owns the DownloadWorker and its QThread, keeps
// the state (running, pausing, paused, cancelling, failed, finished) and the last plan, progress, notices and
// error, and remembers a started download in QSettings `download/pending` (repo and variant) until it finishes
// or is cancelled, so that the next start of the app resumes it. Destroying it stops a running download at once,
// keeping its partial files, and joins the thread.
#pragma once
#include "ui/DownloadWorker.h"

#include "hub/HubSettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QSettings;
class QThread;
class QTimer;

namespace i2v::ui {

class DownloadController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Pausing, Paused, Cancelling, Failed, Finished };
    Q_ENUM(State)

    // `settings` (not owned) holds `download/pending`; `hubSettings` gives the hub settings of each start (the
    // Settings dialog may change them between two).
    DownloadController(QSettings* settings, std::function<hub::HubSettings()> hubSettings, QObject* parent = nullptr);
    ~DownloadController() override;

    static bool available() { return DownloadWorker::available(); }
    static QString unavailableReason() { return DownloadWorker::unavailableReason(); }
    static QString settingsKey() { return QStringLiteral("download/pending"); }

    State state() const { return state_; }
    // Running, pausing or cancelling: the worker is busy.
    bool isActive() const;
    // A download of `repoId` ("ORG/NAME") is running or paused: its files must stay.
    bool holds(const QString& repoId) const;
    QString repo() const { return repo_; }
    QString variant() const { return variant_; }
    const DownloadPlanSummary& plan() const { return plan_; }
    const DownloadStatus& status() const { return status_; }
    QString errorText() const { return error_; }
    const QStringList& notices() const { return notices_; }
    QString snapshotDir() const { return snapshotDir_; }
    hub::HubSettings hubSettings() const { return hubSettings_(); }
    // The share of the plan in the cache, 0..1 (0 while no plan is known).
    double fraction() const;
    // The same in whole percent, as the window shows it.
    int percent() const { return int(fraction() * 100); }
    // Milliseconds since the running download last reported bytes (the engine reports only when bytes arrive,
    // so a stalled connection shows here); 0 when not running.
    qint64 msSinceProgress() const;

public slots:
    // Starts (or resumes) a download of `repo` in `variant` ("fp16"/"fp32"); ignored while one is active.
    // Returns whether it started.
    bool start(const QString& repo, const QString& variant);
    void pause();
    // Starts the paused (or failed) download again; the engine resumes from the kept partial files.
    void resume();
    // Stops the download and removes its partial files (also after a pause or a failure).
    void cancel();
    // At start-up: resumes the download recorded in `download/pending`, if any. Returns whether it did.
    bool resumePending();
    // Stops a running download keeping its partial files and joins the worker's thread; `download/pending`
    // stays, so the next start resumes it. Called by the destructor.
    void shutdown();

signals:
    void stateChanged(i2v::ui::DownloadController::State state);
    void planReady(const i2v::ui::DownloadPlanSummary& plan);
    void progress(const i2v::ui::DownloadStatus& status);
    void fileDone(const QString& path, bool wasPresent);
    void notice(const QString& message);
    void finished(const QString& repo, const QString& snapshotDir);
    void failed(const QString& message);
    // After Cancel: `bytesRemoved` of partial files were deleted.
    void cancelled(qint64 bytesRemoved);

private:
    void setState(State s);
    void launch();
    void discardPartials();
    void setPending(bool pending);
    void onStopped(bool paused, qint64 bytesRemoved);

    QSettings* settings_;
    std::function<hub::HubSettings()> hubSettings_;
    QThread* thread_ = nullptr;
    DownloadWorker* worker_ = nullptr;
    State state_ = State::Idle;
    QString repo_;
    QString variant_;
    QString cacheDir_;   // of the running (or last) download, where Cancel removes partial files
    DownloadPlanSummary plan_;
    DownloadStatus status_;
    QString error_;
    QStringList notices_;
    QString snapshotDir_;
    QElapsedTimer lastProgress_;
    QTimer* flush_;   // while running: asks the worker for a progress report it held back
};

} // namespace i2v::ui
