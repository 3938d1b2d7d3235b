// GenerationWorker: owns the I2VGenXLPipeline on its own thread (Olive's task / Shotcut's job shape).
// The UI moves it to a QThread, loads a model and enqueues JobRequests; everything comes back through
// queued signals as Qt values (QImage frames, messages). Engine errors never escape: they become
// modelFailed / failed signals with the engine's message. cancelJob() and cancelAll() are safe
// from any thread. Jobs run one after another in the order they were enqueued; a job with an output
// folder is written there as mp4 (a new file name, never an existing file) before `finished`; a continuation
// with JobRequest::joinAfter is also written joined after the video it continues.
#pragma once
#include "ui/AppSettings.h"
#include "ui/JobEstimate.h"
#include "ui/JobRequest.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace i2v {
class I2VGenXLPipeline;
class CancelToken;
struct GenerationResult;
struct GenerationRequest;
class GenerationObserver;
} // namespace i2v

namespace i2v::ui {

class GenerationWorker : public QObject {
    Q_OBJECT
public:
    explicit GenerationWorker(QObject* parent = nullptr);
    ~GenerationWorker() override;

    // Thread-safe. Queues a job (gives it an id when it has none) and returns its id.
    int enqueue(JobRequest request);
    // Thread-safe. Cancels one job: drops it from the queue (it reports cancelled) or stops it when it runs.
    void cancelJob(int jobId);
    // Thread-safe. Drops the queued jobs (each reports cancelled) and cancels the running one.
    void cancelAll();
    int runningJob() const;  // 0 when idle

    // The engine's scheduler short names in menu order (ddim, dpmpp-2m, ...).
    static QStringList schedulerNames();
    // Whether the engine (libtorch) sees a CUDA device.
    static bool cudaAvailable();
    // Names a model and engine setting for SpeedCalibration: the model's fingerprint, device, compute
    // dtype, weight storage and thread count (a measured speed holds for exactly these).
    static QString speedKey(const QString& fingerprint, const QString& device, const QString& dtype, bool halfWeights,
                            int threads);

public slots:
    // Loads (or replaces) the model with these engine settings; runs on the worker's thread. Emits
    // engineConfigured and modelLoaded, or modelFailed.
    void loadModel(const QString& modelDir, const i2v::ui::EngineSettings& engine = {});
    // Measures this machine's speed with the loaded model: one small job (two frames, two steps, CFG) whose
    // stages are reported by stageMeasured, then `calibrated`. Runs between jobs, like one; cancelAll()
    // stops it. Nothing without a model.
    void calibrate();

signals:
    // The settings the loaded pipeline runs with, read back from the engine (threads: the count in effect).
    void engineConfigured(const QString& modelDir, const i2v::ui::EngineSettings& applied);
    // defaultScheduler: the checkpoint's own scheduler short name; parameters: weight count.
    void modelLoaded(const QString& modelDir, const QString& defaultScheduler, qint64 parameters);
    void modelFailed(const QString& modelDir, const QString& message);
    // After modelLoaded: what the model tells about jobs before they run (their arithmetic and memory).
    void costModelReady(const i2v::ui::CostModelInfo& info);
    // A stage that finished (in a job, also one cancelled or failed later, or in the calibration) took `seconds`
    // for `flops` of arithmetic; the denoising stage is given per step, over the steps that finished. `busy`:
    // other programs competed for the processor meanwhile (MachineLoad), so the time says little of this machine.
    void stageMeasured(const QString& speedKey, int stage, double flops, double seconds, bool busy);  // stage: CostStage
    void calibrationStarted();
    void calibrated(const QString& speedKey, bool completed);

    void jobStarted(int jobId, const i2v::ui::JobRequest& request);
    void stageChanged(int jobId, const QString& stage);
    void stepProgress(int jobId, int step, int total, double etaSeconds);
    void decodeProgress(int jobId, int done, int total);
    void previewReady(int jobId, const QVector<QImage>& frames);
    void warning(int jobId, const QString& message);
    // parametersJson: the generation parameters as exported files embed them (ExportMetadata JSON).
    // videoPath: the mp4 written to the job's output folder; empty when none was asked for or writing
    // failed (a `warning` then says why). A joined continuation gives the joined video and all its frames.
    void finished(int jobId, const QVector<QImage>& frames, const QString& parametersJson, const QString& videoPath);
    void failed(int jobId, const QString& message);
    void cancelled(int jobId);

private slots:
    void processQueue();

private:
    void runJob(const JobRequest& job);
    // generate() with the times of the stages it finished reported by stageMeasured, also when it throws
    // (not denoising when every step decodes a preview, whose arithmetic the cost model does not count).
    // With a progressFile, the job keeps its progress there and goes on from what it holds (JobRequest::progressFile).
    GenerationResult generateMeasured(const GenerationRequest& request, GenerationObserver* progress,
                                      const QString& progressFile = {});
    QString writeVideo(const JobRequest& job, const QVector<QImage>& frames, const QString& parametersJson);
    // A continuation's clip (written at `partPath`) joined after job.joinAfter: the joined video's path, with
    // `frames` replaced by all of its frames; empty (a `warning` says why, `frames` unchanged) when the parts
    // could not be joined.
    QString writeJoined(const JobRequest& job, const QString& partPath, QVector<QImage>& frames,
                        const QString& parametersJson);

    std::unique_ptr<I2VGenXLPipeline> pipeline_;
    QString modelDir_;
    QString modelError_;
    QString speedKey_;
    int cpuThreads_ = 0;  // the loaded pipeline's CPU threads; 0 on a GPU
    std::unique_ptr<CancelToken> cancel_;
    mutable QMutex mutex_;
    QQueue<JobRequest> queue_;
    int nextId_ = 1;
    int running_ = 0;
};

} // namespace i2v::ui
