// The only UI-library unit that touches the engine's tensors: the pipeline runs here, on the worker's
// thread, and results leave as QImages.
// Engine (torch) headers come before any Qt header: Qt's `slots`/`emit` macros break ATen's headers.
#include "export/ExportMetadata.h"
#include "export/VideoExporter.h"
#include "image/ImageLoader.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "pipeline/LatentPreview.h"
#include "pipeline/ResultMetadata.h"
#include "schedulers/SchedulerFactory.h"
#include "util/CancelToken.h"
#include "util/Errors.h"
#include "util/HugePageAllocator.h"
#include "util/MachineLoad.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>

#include "ui/GenerationWorker.h"

#include "ui/FrameExport.h"
#include "ui/QtImages.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QMutexLocker>

#include <array>
#include <new>
#include <numeric>

namespace i2v::ui {
namespace {

// The earlier video of a joined continuation is decoded whole: 600 frames of 1280x704 are 1.6 GB as pictures
// (twice that while they are encoded). Longer chains stay in parts.
constexpr int kMaxJoinedFrames = 600;

QString stageText(GenerationStage stage) {
    switch (stage) {
    case GenerationStage::EncodingPrompt: return GenerationWorker::tr("Encoding the prompt");
    case GenerationStage::EncodingImage: return GenerationWorker::tr("Encoding the image");
    case GenerationStage::Denoising: return GenerationWorker::tr("Denoising");
    case GenerationStage::Decoding: return GenerationWorker::tr("Decoding frames");
    case GenerationStage::Done: return GenerationWorker::tr("Done");
    }
    return {};
}

// Forwards the engine's callbacks (on the worker's thread) as the worker's signals.
class SignalObserver : public GenerationObserver {
public:
    SignalObserver(GenerationWorker* worker, int jobId) : worker_(worker), jobId_(jobId) {}

    void onStage(GenerationStage stage) override {
        if (stage == GenerationStage::Denoising)
            clock_.start();
        emit worker_->stageChanged(jobId_, stageText(stage));
    }
    void onResumed(int stepsDone, int total) override {
        stepsBefore_ = stepsDone;
        emit worker_->stageChanged(jobId_, GenerationWorker::tr("Going on from step %1 of %2").arg(stepsDone).arg(total));
        emit worker_->stepProgress(jobId_, stepsDone, total, -1.0);
    }
    void onStep(int step, int total, const PreviewFrames* preview) override {
        double eta = -1.0;
        if (clock_.isValid() && step > stepsBefore_)  // the steps this run made, not those saved before
            eta = clock_.elapsed() / 1000.0 / (step - stepsBefore_) * (total - step);
        emit worker_->stepProgress(jobId_, step, total, eta);
        if (preview && preview->frames > 0)
            emit worker_->previewReady(jobId_, toQImages(*preview));
    }
    void onDecodeProgress(int done, int total) override { emit worker_->decodeProgress(jobId_, done, total); }
    void onWarning(const std::string& message) override {
        emit worker_->warning(jobId_, QString::fromStdString(message));
    }

private:
    GenerationWorker* worker_;
    int jobId_;
    int stepsBefore_ = 0;
    QElapsedTimer clock_;
};

// Times the stages of one generate() call and passes every callback on to `next`.
class StageTimer : public GenerationObserver {
public:
    explicit StageTimer(GenerationObserver* next) : next_(next) { clock_.start(); }
    void onStage(GenerationStage stage) override {
        marks_[size_t(stage)] = now();
        reached_[size_t(stage)] = true;
        if (next_)
            next_->onStage(stage);
    }
    void onResumed(int stepsDone, int total) override {
        if (next_)
            next_->onResumed(stepsDone, total);
    }
    void onStep(int step, int total, const PreviewFrames* preview) override {
        lastStepEnd_ = now();
        ++stepsDone_;  // this call's steps: a job that goes on from saved progress starts after step 1
        if (next_)
            next_->onStep(step, total, preview);
    }
    void onDecodeProgress(int done, int total) override {
        if (next_)
            next_->onDecodeProgress(done, total);
    }
    void onWarning(const std::string& message) override {
        if (next_)
            next_->onWarning(message);
    }
    bool reached(GenerationStage stage) const { return reached_[size_t(stage)]; }
    // Seconds from the start of `from` (the call's start for EncodingPrompt) to the start of `to`.
    double between(GenerationStage from, GenerationStage to) const {
        const double start = from == GenerationStage::EncodingPrompt ? 0.0 : marks_[size_t(from)];
        return marks_[size_t(to)] - start;
    }
    // The denoising steps this call finished so far, and the seconds each took on average (0 when none finished).
    int stepsDone() const { return stepsDone_; }
    double secondsPerStep() const {
        return stepsDone_ > 0 ? (lastStepEnd_ - marks_[size_t(GenerationStage::Denoising)]) / stepsDone_ : 0.0;
    }

private:
    double now() const { return double(clock_.nsecsElapsed()) / 1e9; }

    GenerationObserver* next_;
    QElapsedTimer clock_;
    std::array<double, size_t(GenerationStage::Done) + 1> marks_{};
    std::array<bool, size_t(GenerationStage::Done) + 1> reached_{};
    double lastStepEnd_ = 0;
    int stepsDone_ = 0;
};

QString describeFailure(const std::exception& e) { return QString::fromStdString(e.what()); }

// <stem>.mp4, with -2, -3... when that name is taken.
QString unusedMp4Path(const QString& stem) {
    QString path = stem + QStringLiteral(".mp4");
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = stem + QStringLiteral("-%1.mp4").arg(n);
    return path;
}

// i2v_<date-time>_seed<seed>.mp4 in `folder`, with -2, -3... when that name is taken.
QString uniqueVideoPath(const QString& folder, quint64 seed) {
    return unusedMp4Path(QStringLiteral("%1/i2v_%2_seed%3")
                             .arg(folder, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                             .arg(seed));
}

} // namespace

GenerationWorker::GenerationWorker(QObject* parent) : QObject(parent), cancel_(std::make_unique<CancelToken>()) {
    // No configureThreads here: this runs on the UI thread, which runs no tensor op, and configuring it would
    // start an OpenMP team there that never works. loadModel configures the thread the jobs run on.
    useHugePagesForLargeTensors();  // before the worker thread makes its first tensor
    qRegisterMetaType<JobRequest>();
    qRegisterMetaType<EngineSettings>();
    qRegisterMetaType<QVector<QImage>>();
    qRegisterMetaType<CostModelInfo>();
}

GenerationWorker::~GenerationWorker() = default;

QStringList GenerationWorker::schedulerNames() {
    QStringList names;
    for (const auto& n : SchedulerFactory::names())
        names << QString::fromStdString(n);
    return names;
}

bool GenerationWorker::cudaAvailable() { return runtimeInfo().cudaAvailable; }

QString GenerationWorker::speedKey(const QString& fingerprint, const QString& device, const QString& dtype,
                                   bool halfWeights, int threads) {
    // Half weights change the speed of float32 compute only: in bf16/fp16 every weight is half already.
    const bool half = halfWeights && dtype == QLatin1String("fp32");
    return QStringLiteral("%1-%2-%3%4-%5t").arg(fingerprint, device, dtype, half ? QStringLiteral("h") : QString()).arg(threads);
}

int GenerationWorker::enqueue(JobRequest request) {
    {
        QMutexLocker lock(&mutex_);
        if (request.id == 0)
            request.id = nextId_++;
        else
            nextId_ = std::max(nextId_, request.id + 1);
        queue_.enqueue(request);
    }
    QMetaObject::invokeMethod(this, &GenerationWorker::processQueue, Qt::QueuedConnection);
    return request.id;
}

void GenerationWorker::cancelJob(int jobId) {
    bool dropped = false;
    {
        QMutexLocker lock(&mutex_);
        for (qsizetype i = 0; i < queue_.size(); ++i)
            if (queue_.at(i).id == jobId) {
                queue_.removeAt(i);
                dropped = true;
                break;
            }
        if (!dropped && running_ == jobId)
            cancel_->cancel();
    }
    if (dropped)
        emit cancelled(jobId);
}

int GenerationWorker::runningJob() const {
    QMutexLocker lock(&mutex_);
    return running_;
}

void GenerationWorker::cancelAll() {
    QQueue<JobRequest> dropped;
    {
        QMutexLocker lock(&mutex_);
        dropped.swap(queue_);
    }
    cancel_->cancel();
    for (const JobRequest& job : dropped)
        emit cancelled(job.id);
}

void GenerationWorker::loadModel(const QString& modelDir, const EngineSettings& engine) {
    pipeline_.reset();
    modelDir_ = modelDir;
    modelError_.clear();
    try {
        const int threads = configureThreads(engine.threads);
        pipeline_ = I2VGenXLPipeline::load(QDir(modelDir).filesystemAbsolutePath(), engine.pipeline);
        const EngineSettings applied{threads, pipeline_->options()};
        emit engineConfigured(modelDir, applied);
        emit modelLoaded(modelDir, QString::fromStdString(pipeline_->defaultSchedulerName()),
                         qint64(pipeline_->parameterCount()));
        const bool cuda = resolveDevice(applied.pipeline.device).is_cuda();  // "auto" as the pipeline resolved it
        CostModelInfo info;
        info.model = pipeline_->costModel();
        info.memory = pipeline_->memorySettings();
        info.cuda = cuda;
        info.fingerprint = QString::fromStdString(pipeline_->folder().fingerprint());
        info.device = QString::fromStdString(applied.pipeline.device);
        info.dtype = QString::fromLatin1(computeDtypeName(applied.pipeline.dtype));
        info.threads = cpuThreads_ = cuda ? 0 : threads;
        info.speedKey = speedKey_ = speedKey(info.fingerprint, info.device, info.dtype, applied.pipeline.keepHalfWeights, info.threads);
        emit costModelReady(info);
        return;
    } catch (const std::bad_alloc&) {
        modelError_ = tr("out of memory while loading the model from %1").arg(modelDir);
    } catch (const std::exception& e) {
        modelError_ = describeFailure(e);
    } catch (...) {
        modelError_ = tr("unknown error while loading the model from %1").arg(modelDir);
    }
    pipeline_.reset();
    speedKey_.clear();
    emit modelFailed(modelDir, modelError_);
}

GenerationResult GenerationWorker::generateMeasured(const GenerationRequest& r, GenerationObserver* progress,
                                                    const QString& progressFile) {
    StageTimer timer(progress);
    const CpuReading start = readCpuClocks();
    // Every stage that finished is measured, also when a later one is cancelled or fails: the first job at a
    // new size on a CPU can take most of an hour a step, and a user who stops it after a step or two then finds
    // that size's estimate right (the calibration's small size runs at another rate).
    auto report = [&] {
        const JobCost cost = pipeline_->costModel()->estimate(r, pipeline_->memorySettings());
        // Judged over the whole call: its stages can be too short for /proc/stat's ticks.
        const bool busy = othersCompeted(start, readCpuClocks(), cpuThreads_);
        // (A job that goes on after its last saved step encodes nothing.)
        if (timer.reached(GenerationStage::EncodingPrompt) && timer.reached(GenerationStage::Denoising))
            emit stageMeasured(speedKey_, int(CostStage::Encode), cost.encode.total(),
                               timer.between(GenerationStage::EncodingPrompt, GenerationStage::Denoising), busy);
        // A full-decode preview adds a VAE decode to every step, which a job without it does not have.
        if (r.preview != PreviewMode::FullDecode && timer.stepsDone() > 0)
            emit stageMeasured(speedKey_, int(CostStage::Denoise), cost.step.total(), timer.secondsPerStep(), busy);
        if (timer.reached(GenerationStage::Done))
            emit stageMeasured(speedKey_, int(CostStage::Decode), cost.decode.total(),
                               timer.between(GenerationStage::Decoding, GenerationStage::Done), busy);
    };
    // A minute between writes: a step of a real job on a CPU takes longer (each is kept), one on a GPU about a
    // second (a write of a few MB a minute).
    CheckpointOptions keep;
    keep.file = QFileInfo(progressFile).filesystemAbsoluteFilePath();
    keep.secondsBetweenWrites = 60;
    GenerationResult result;
    try {
        result = pipeline_->generate(r, &timer, cancel_.get(), progressFile.isEmpty() ? nullptr : &keep);
    } catch (...) {
        try {
            report();
        } catch (...) {
            // Out of memory again while reporting: the job's own error is the one to show.
        }
        throw;
    }
    report();
    return result;
}

void GenerationWorker::calibrate() {
    if (!pipeline_)
        return;
    {
        QMutexLocker lock(&mutex_);
        cancel_->reset();
    }
    emit calibrationStarted();
    // Small enough to take seconds with the real model on a CPU, large enough that its per-step rate is
    // near a real job's: 256 px (rounded to what this VAE takes), two frames, two steps, CFG as a job has.
    const int factor = int(std::lcm<int64_t>(pipeline_->vaeScaleFactor(), 8));
    const int side = (256 + factor - 1) / factor * factor;
    GenerationRequest r;
    r.image = RgbImage(side, side);
    r.prompt = "a calm lake at dawn";
    r.width = r.height = side;
    r.numFrames = 2;
    r.numInferenceSteps = 2;
    r.preview = PreviewMode::None;
    bool completed = false;
    try {
        generateMeasured(r, nullptr);
        completed = true;
    } catch (const std::exception&) {
        // Cancelled, or no memory even for this: the estimate stays "not measured", jobs still run.
    }
    emit calibrated(speedKey_, completed);
}

void GenerationWorker::processQueue() {
    JobRequest job;
    {
        QMutexLocker lock(&mutex_);
        if (queue_.isEmpty())
            return;
        job = queue_.dequeue();
        running_ = job.id;
        cancel_->reset();  // under the lock: cancelAll() cannot slip between dequeue and reset
    }
    runJob(job);
    QMutexLocker lock(&mutex_);
    running_ = 0;
}

void GenerationWorker::runJob(const JobRequest& job) {
    emit jobStarted(job.id, job);
    if (!pipeline_) {
        emit failed(job.id, modelError_.isEmpty()
                                ? tr("no model is loaded: choose an I2VGen-XL model folder")
                                : tr("the model could not be loaded: %1").arg(modelError_));
        return;
    }
    try {
        GenerationRequest r = job.generation;
        // The picture as the window decoded it (the engine's ImageLoader, so the same pixels); a job that
        // names only its file (from the history) reads it now.
        if (!job.image.isNull())
            r.image = fromQImage(job.image);
        else if (!job.imagePath.isEmpty())
            r.image = ImageLoader().load(QFileInfo(job.imagePath).filesystemAbsoluteFilePath()).image;
        r.validate();

        SignalObserver observer(this, job.id);
        const GenerationResult result = generateMeasured(r, &observer, job.progressFile);

        const ExportMetadata meta = resultMetadata(r, result.schedulerName, QDir(modelDir_).dirName().toStdString(),
                                                   pipeline_->folder().fingerprint());

        QVector<QImage> frames = toQImages(framesPreview(result.frames));
        const QString parameters = QString::fromStdString(meta.toJsonText());
        QString video = writeVideo(job, frames, parameters);
        if (!video.isEmpty() && !job.joinAfter.isEmpty())
            if (const QString joined = writeJoined(job, video, frames, parameters); !joined.isEmpty())
                video = joined;
        emit finished(job.id, frames, parameters, video);
    } catch (const Cancelled&) {
        emit cancelled(job.id);
    } catch (const std::bad_alloc&) {
        emit failed(job.id, tr("out of memory: try fewer frames, a smaller size or a decode chunk of 1"));
    } catch (const c10::Error& e) {
        emit failed(job.id, QString::fromStdString(e.what_without_backtrace()));
    } catch (const std::exception& e) {
        emit failed(job.id, describeFailure(e));
    } catch (...) {
        emit failed(job.id, tr("unknown error in the engine"));
    }
}

QString GenerationWorker::writeVideo(const JobRequest& job, const QVector<QImage>& frames, const QString& parametersJson) {
    if (job.outputFolder.isEmpty())
        return {};
    if (!haveVideoExport()) {
        emit warning(job.id, tr("The video was not saved: this build has no video export"));
        return {};
    }
    if (!QDir().mkpath(job.outputFolder)) {
        emit warning(job.id, tr("The video was not saved: cannot create the folder %1")
                                 .arg(QDir::toNativeSeparators(job.outputFolder)));
        return {};
    }
    emit stageChanged(job.id, tr("Writing the video"));
    const QString path = uniqueVideoPath(job.outputFolder, job.generation.seed);
    // With the job's token: a cancel (or the window closing) while the file is written removes it and the
    // job ends cancelled, never as a video the history does not know about.
    const QString error = exportFrames(frames, ExportSettings(), parametersJson, path, cancel_.get());
    if (!error.isEmpty()) {
        emit warning(job.id, tr("The video was not saved: %1").arg(error));
        return {};
    }
    return path;
}

QString GenerationWorker::writeJoined(const JobRequest& job, const QString& partPath, QVector<QImage>& frames,
                                      const QString& parametersJson) {
    emit stageChanged(job.id, tr("Joining the parts into one video"));
    const QString earlierName = QFileInfo(job.joinAfter).fileName();
    const VideoClip earlier = readVideoClip(job.joinAfter, kMaxJoinedFrames);
    QString problem;
    if (!earlier.error.isEmpty())
        problem = tr("%1 cannot be read (%2)").arg(earlierName, earlier.error);
    else if (earlier.totalFrames > earlier.frames.size())
        problem = tr("%1 is longer than %2 frames").arg(earlierName).arg(kMaxJoinedFrames);
    else if (earlier.frames.first().size() != frames.first().size())
        problem = tr("%1 is %2×%3 and this clip %4×%5")
                      .arg(earlierName)
                      .arg(earlier.frames.first().width())
                      .arg(earlier.frames.first().height())
                      .arg(frames.first().width())
                      .arg(frames.first().height());
    if (!problem.isEmpty()) {
        emit warning(job.id, tr("The parts were not joined: %1. This clip is saved on its own.").arg(problem));
        return {};
    }
    QVector<QImage> joined = earlier.frames;
    for (qsizetype i = 1; i < frames.size(); ++i)  // the first frame repeats the earlier video's last
        joined.push_back(frames.at(i).convertToFormat(joined.first().format()));
    const QFileInfo part(partPath);
    const QString joinedPath = unusedMp4Path(part.absolutePath() + QLatin1Char('/') + part.completeBaseName() + QStringLiteral("_joined"));
    QString error;
    try {
        error = exportFrames(joined, ExportSettings(), parametersJson, joinedPath, cancel_.get());
    } catch (const Cancelled&) {
        QFile::remove(partPath);  // cancelled: nothing of the job stays, as for a cancel while the clip is written
        throw;
    }
    if (!error.isEmpty()) {
        emit warning(job.id, tr("The parts were not joined: %1. This clip is saved on its own.").arg(error));
        return {};
    }
    frames = std::move(joined);
    return joinedPath;
}

} // namespace i2v::ui
