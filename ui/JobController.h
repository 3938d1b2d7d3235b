// JobController: the desktop app's jobs, without widgets (Shotcut's JobQueue shape). It owns the
// GenerationWorker on its own QThread, the queue model, the job history and the result of the last
// finished job, and exports that result on a thread of its own. It also knows what a job will cost before
// it runs (JobEstimate), from the loaded model's cost model and this machine's measured speeds. The window submits JobRequests and
// shows what the signals below say; it never sees the worker's per-job bookkeeping.
#pragma once
#include "export/ExportSettings.h"
#include "ui/AppSettings.h"
#include "ui/JobEstimate.h"
#include "ui/JobHistory.h"
#include "ui/JobRequest.h"
#include "ui/SpeedCalibration.h"
#include "ui/UnfinishedJobs.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

class QSettings;
class QThread;
class QTimer;

namespace i2v::ui {

class GenerationWorker;
class JobQueueModel;

// The shown result: the frames of the last finished job, and what was written of it.
struct JobResult {
    QVector<QImage> frames;
    QString parametersJson;   // what exported files embed (ExportMetadata JSON)
    QString videoPath;        // the mp4 in the output folder; empty when none was written
    quint64 seed = 0;
    bool notSaved = false;    // a video was asked for and could not be written (`why` says why)
    QString why;
    qint64 historyId = 0;     // a past job's video opened from the gallery; 0 for the job that just ended
    qint64 totalFrames = 0;   // a past video's length when that is more than the frames read
};

class JobController : public QObject {
    Q_OBJECT
public:
    // The job history lives in `historyPath`, the unfinished jobs (UnfinishedJobs) in a folder beside it.
    explicit JobController(const QString& historyPath, QObject* parent = nullptr);
    // Cancels every job, waits for the worker and the export, and records the jobs that had not ended as
    // cancelled ("closed before the job ended"); they stay among the unfinished jobs.
    ~JobController() override;

    // The preferences every job gets (preview, decode chunk, output folder) and the model recorded with it.
    void setPreferences(const AppSettings& settings) { preferences_ = settings; }
    // Loads the model on the worker's thread: modelLoaded or modelFailed follows.
    void loadModel(const QString& dir, const EngineSettings& engine);

    // Where this machine's measured speeds are kept (not owned; set before the first model loads).
    void setSpeedStore(QSettings* store) { speeds_ = SpeedCalibration(store); }
    // What `request` will cost with the loaded model and the preferences (time once this machine's speed
    // is measured: right after the first load of a model, then by every job).
    JobEstimate estimate(const JobRequest& request) const;
    // The same with other preferences (the Settings dialog's, before they are applied): their memory options,
    // decode chunk and preview; the time stays that of the settings in effect.
    JobEstimate estimate(const JobRequest& request, const AppSettings& preferences) const;
    bool hasCostModel() const { return bool(costModel_.model); }
    const CostModelInfo& costModel() const { return costModel_; }
    // How much faster a denoising step of `request` runs in bfloat16 than in float32 with this model on this
    // computer, when both were measured on a quiet machine (a job or the calibration in each).
    std::optional<double> measuredBf16SpeedUp(const JobRequest& request) const;
    bool isCalibrating() const { return calibrating_; }

    // Why the output folder cannot take a job's video now; empty when it can (or no video is asked for).
    QString outputFolderProblem() const;
    // Queues the job with the preferences applied; returns its id. It is kept among the unfinished jobs until its
    // video is delivered or it is cancelled: a job that already has a progress file goes on from it.
    int submit(JobRequest request);
    void cancelRunning();
    void cancelJob(int jobId);
    void cancelAll();
    // Stops every job as the app closes: unlike a cancel, they stay among the unfinished jobs for the next start.
    void stopForClose();

    // The jobs kept from an earlier run of the app (closed, crashed, or failed after some steps), not queued now.
    QList<UnfinishedJob> unfinishedJobs() const;
    // Queues them again: each goes on from its last saved step.
    void resumeUnfinished();
    // Forgets them and their progress.
    void discardUnfinished();
    const UnfinishedJobs& unfinishedStore() const { return unfinished_; }

    bool isGenerating() const;   // a job is queued or running
    int runningJob() const { return runningJob_; }
    const JobResult& result() const { return result_; }
    bool hasResult() const { return !result_.frames.isEmpty(); }

    // Reads the video of a past job on a thread of its own (at most maxPastFrames() frames) and makes it the
    // shown result: resultReady follows with historyId set, or pastResultFailed. While one is read, a second
    // call waits for it and only the last asked for is read next.
    void openPastResult(const HistoryEntry& entry);
    bool isOpeningPastResult() const { return !readThread_.isNull(); }
    static int maxPastFrames() { return 600; }

    // Writes the shown result to `path` on a thread of its own (replacing a file only with
    // settings.overwrite); exportEnded() when done. Nothing when there is no result or an export runs.
    void exportTo(const ExportSettings& settings, const QString& path);
    bool isExporting() const { return !exportThread_.isNull(); }

    GenerationWorker* worker() const { return worker_; }
    JobQueueModel* queueModel() const { return queue_; }
    JobHistory* history() const { return history_.get(); }

signals:
    void modelLoaded(const QString& dir, const QString& defaultScheduler, qint64 parameters);
    void modelFailed(const QString& dir, const QString& message);
    // The loaded model, its cost model or a measured speed changed: estimates may read differently now.
    void estimateInputsChanged();
    void calibratingChanged(bool calibrating);

    void jobSubmitted(int jobId);
    void jobStarted(int jobId);
    // What the running job does now ("Denoising: step 3 of 50, about 40 s left").
    void statusChanged(const QString& text);
    void progressChanged(int step, int total);   // total 0: busy, no step count yet
    void decodeProgressChanged(int done, int total);   // frames decoded after the last step
    void previewReady(const QVector<QImage>& frames);
    void warning(const QString& message);
    void resultReady(const i2v::ui::JobResult& result);
    void jobFailed(const QString& message);
    void jobCancelled(int jobId);
    // A job ended (finished, failed or cancelled, queued or running) as the history records it; jobEnded follows.
    void jobConcluded(const i2v::ui::HistoryEntry& entry);
    // Every job ended (or was dropped from the queue): the queue may be idle now.
    void jobEnded(int jobId);
    void historyRecorded(qint64 entryId);
    void historyFailed(const QString& message);
    void pastResultFailed(qint64 historyId, const QString& message);
    void exportStarted(const QString& path);
    // An export started by exportTo() ended; `error` is empty when the file was written.
    void exportEnded(const QString& path, const QString& error);
    // The unfinished jobs not queued changed: one failed after saving some steps, or they were resumed or discarded.
    void unfinishedJobsChanged();

private:
    struct TrackedJob {
        JobRequest request;
        QDateTime queued;
        QDateTime started;
        QString warning;
        QImage lastPreview;
        JobEstimate estimate;     // when it started (or was queued)
        QElapsedTimer clock;      // since it started
        int stepsSaved = 0;       // steps done before it was queued (it goes on from saved progress)
        double stepsLeft = -1;    // the worker's denoising ETA at the last step, and since when
        QElapsedTimer sinceStep;
        QImage thumbnail() const { return lastPreview.isNull() ? request.image : lastPreview; }
    };

    void connectWorker();
    // The Time column and the ETA: the running job's elapsed time and what is left (from its steps once one
    // ended, else from the estimate), the queued jobs' estimates.
    void updateTiming();
    double remainingSeconds(const TrackedJob& job) const;
    // estimate() of the job, less the steps it saved before it was queued.
    JobEstimate estimateLeft(const TrackedJob& job) const;
    void onFinished(int jobId, const QVector<QImage>& frames, const QString& parameters, const QString& video);
    void onEnded(int jobId, JobOutcome outcome, const QString& message, const QImage& thumbnail,
                 const QString& parameters = {}, const QString& video = {});
    HistoryEntry entryFor(const TrackedJob& job, JobOutcome outcome, const QString& message) const;

    std::unique_ptr<JobHistory> history_;
    UnfinishedJobs unfinished_;
    bool closing_ = false;
    AppSettings preferences_;
    QString modelDir_;
    QThread* thread_;
    GenerationWorker* worker_;
    JobQueueModel* queue_;
    int runningJob_ = 0;
    QHash<int, TrackedJob> jobs_;
    JobResult result_;
    QPointer<QThread> exportThread_;
    QPointer<QThread> readThread_;
    std::optional<HistoryEntry> nextRead_;
    SpeedCalibration speeds_;
    CostModelInfo costModel_;
    bool calibrating_ = false;
    QTimer* tick_;
};

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::JobResult)
