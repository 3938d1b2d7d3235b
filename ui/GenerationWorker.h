// GenerationWorker: owns the I2VGenXLPipeline on its own thread (Olive's task / Shotcut's job shape).
// The UI moves it to a QThread, loads a model and enqueues JobRequests; everything comes back through
// queued signals as Qt values (QImage frames, messages). Engine errors never escape: they become
// modelFailed / failed signals with the engine's message. cancel() is safe from any thread.
#pragma once
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
} // namespace i2v

namespace i2v::ui {

class GenerationWorker : public QObject {
    Q_OBJECT
public:
    explicit GenerationWorker(QObject* parent = nullptr);
    ~GenerationWorker() override;

    // Thread-safe. Queues a job (gives it an id when it has none) and returns its id.
    int enqueue(JobRequest request);
    // Thread-safe. Cancels the running job (checked between denoising steps and VAE chunks).
    void cancel();
    // Thread-safe. Drops the queued jobs (each reports cancelled) and cancels the running one.
    void cancelAll();
    int pendingJobs() const;

    // The engine's scheduler short names in menu order (ddim, dpmpp-2m, ...).
    static QStringList schedulerNames();

public slots:
    // Loads (or replaces) the model; runs on the worker's thread. Emits modelLoaded or modelFailed.
    void loadModel(const QString& modelDir);

signals:
    void modelLoading(const QString& modelDir);
    // defaultScheduler: the checkpoint's own scheduler short name; parameters: weight count.
    void modelLoaded(const QString& modelDir, const QString& defaultScheduler, qint64 parameters);
    void modelFailed(const QString& modelDir, const QString& message);

    void jobStarted(int jobId, const i2v::ui::JobRequest& request);
    void stageChanged(int jobId, const QString& stage);
    void stepProgress(int jobId, int step, int total, double etaSeconds);
    void decodeProgress(int jobId, int done, int total);
    void previewReady(int jobId, const QVector<QImage>& frames);
    void warning(int jobId, const QString& message);
    // parametersJson: the generation parameters as exported files embed them (ExportMetadata JSON).
    void finished(int jobId, const QVector<QImage>& frames, const QString& parametersJson);
    void failed(int jobId, const QString& message);
    void cancelled(int jobId);

private slots:
    void processQueue();

private:
    void runJob(const JobRequest& job);

    std::unique_ptr<I2VGenXLPipeline> pipeline_;
    QString modelDir_;
    QString modelError_;
    std::unique_ptr<CancelToken> cancel_;
    mutable QMutex mutex_;
    QQueue<JobRequest> queue_;
    int nextId_ = 1;
};

} // namespace i2v::ui
