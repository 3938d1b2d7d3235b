// The window closed in the middle of a generation (issue #9, hostile inputs and faults): the worker stops
// at its next cancel check instead of finishing the video, its thread ends, the output folder stays empty
// and the history, read back from disk, holds the job as cancelled. Two ways the app goes on after the
// close: it quits (the last window closed: no more events, main() destroys the window) or it keeps
// running (the worker's "cancelled" reaches the window before it is destroyed). Also: a cancel that
// comes while the finished job's video is being written removes the file.
#include "MainWindowDriver.h"

#include "ui/ExportDialog.h"
#include "ui/GenerationWorker.h"
#include "ui/JobHistory.h"
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QPointer>
#include <QThread>

#include <atomic>

using namespace i2v::ui;
using i2v::ExportSettings;
using i2v::test::childOf;

namespace {

// Far more steps than run before the close: the job is always mid-denoise when the window goes.
constexpr int kSteps = 500;
// Not a timing test, only "no hang": a step of the demo job takes well under a second.
constexpr int kNoHangMs = 30'000;
constexpr quint64 kSeed = 2468;
const char* const kPrompt = "closed mid-run";

// What the worker did, seen on its own thread through direct connections: a QSignalSpy's list must not
// be read while another thread appends to it.
struct WorkerTrace {
    std::atomic<int> runningJob{0};
    std::atomic<int> steps{0};
    std::atomic<int> lastStep{0};
    std::atomic<bool> runningJobCancelled{false};
    std::atomic<bool> anyJobFinished{false};
    std::atomic<bool> threadFinished{false};
};

QStringList filesUnder(const QString& dir) {
    QStringList files;
    for (QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
        files << it.next();
    return files;
}

} // namespace

class TestCloseWhileGenerating : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    std::shared_ptr<WorkerTrace> trace_;
    QPointer<QThread> workerThread_;
    QString historyPath_;
    QString outputFolder_;

    // A shown window on the demo model (history and output folder named after `name`) that has queued
    // `runs` jobs of kSteps steps; returns once the first job has reported a denoising step.
    void startGenerating(const QString& name, int runs) {
        settings_ = i2v::test::makeSettings(tmp_, name + ".ini");
        outputFolder_ = tmp_.filePath(name + "-out");
        settings_->setValue("output/folder", outputFolder_);
        historyPath_ = tmp_.filePath(name + ".sqlite");
        window_ = std::make_unique<MainWindow>(settings_.get(), nullptr, historyPath_);
        window_->show();
        QVERIFY2(i2v::test::waitForModel(*window_), qPrintable(window_->errorText()));

        trace_ = std::make_shared<WorkerTrace>();
        GenerationWorker* worker = window_->jobs()->worker();
        workerThread_ = worker->thread();
        QVERIFY(workerThread_ && workerThread_ != thread());
        auto trace = trace_;
        connect(worker, &GenerationWorker::jobStarted, worker, [trace](int id) { trace->runningJob = id; },
                Qt::DirectConnection);
        connect(worker, &GenerationWorker::stepProgress, worker, [trace](int, int step) {
            ++trace->steps;
            trace->lastStep = step;
        }, Qt::DirectConnection);
        connect(worker, &GenerationWorker::cancelled, worker, [trace](int id) {
            if (id == trace->runningJob)
                trace->runningJobCancelled = true;
        }, Qt::DirectConnection);
        connect(worker, &GenerationWorker::finished, worker, [trace] { trace->anyJobFinished = true; },
                Qt::DirectConnection);
        connect(workerThread_, &QThread::finished, workerThread_, [trace] { trace->threadFinished = true; },
                Qt::DirectConnection);

        QVERIFY(i2v::test::readPicture(window_->dropZone(), i2v::test::goldenImagePath()));
        childOf<QPlainTextEdit>(window_.get(), "prompt")->setPlainText(kPrompt);
        i2v::test::setSmallJob(*window_, kSteps, int(kSeed), runs);
        window_->generate();
        QTRY_VERIFY_WITH_TIMEOUT(trace_->steps > 0, 60000);
        QVERIFY(window_->jobs()->isGenerating());
    }

    // The worker stopped the running job on the cancel rather than finishing it.
    void verifyStoppedMidDenoise() {
        QVERIFY(trace_->runningJobCancelled);
        QVERIFY(!trace_->anyJobFinished);
        QVERIFY2(trace_->lastStep < kSteps, qPrintable(QString("ran to step %1").arg(trace_->lastStep.load())));
        QVERIFY2(filesUnder(outputFolder_).isEmpty(), qPrintable(filesUnder(outputFolder_).join(", ")));
    }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
    }

    void cleanup() { window_.reset(); }

    // The last window closed: QApplication leaves its event loop and main() destroys the window, with no
    // event delivered in between. One job is running, a second is queued.
    void closeAndQuit() {
        startGenerating("quit", 2);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(window_->close());
        const qint64 closeMs = clock.elapsed();
        window_.reset();
        const qint64 totalMs = clock.elapsed();
        qInfo("after %d steps: close() %lld ms, close and teardown %lld ms", trace_->steps.load(), closeMs, totalMs);
        QVERIFY2(totalMs < kNoHangMs, qPrintable(QString("closing took %1 ms").arg(totalMs)));
        QVERIFY(trace_->threadFinished);
        QVERIFY(workerThread_.isNull());
        verifyStoppedMidDenoise();

        JobHistory history(historyPath_);
        QVERIFY2(history.isOpen(), qPrintable(history.errorString()));
        const QList<HistoryEntry> entries = history.entries();
        QCOMPARE(entries.size(), 2);
        int running = 0;
        for (const HistoryEntry& e : entries) {
            QCOMPARE(e.outcome, JobOutcome::Cancelled);
            QCOMPARE(e.request.prompt(), QString(kPrompt));
            QCOMPARE(e.request.generation.numInferenceSteps, kSteps);
            QVERIFY(e.videoPath.isEmpty());
            QVERIFY(e.started <= e.ended);
            if (e.request.generation.seed == kSeed) {
                ++running;
                // Recorded by the teardown, which says why the job ended.
                QVERIFY2(e.message.contains("closed"), qPrintable(e.message));
                QVERIFY(!e.thumbnail.isNull());
            }
        }
        QCOMPARE(running, 1);
    }

    // The app outlives the window (its event loop still runs): the worker's "cancelled" reaches the
    // window, which records the job; destroying the window later does not record it a second time.
    void closeWhileTheAppRunsOn() {
        startGenerating("stay", 1);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(window_->close());
        QTRY_VERIFY_WITH_TIMEOUT(!window_->jobs()->isGenerating(), kNoHangMs);
        qInfo("after %d steps: the job ended %lld ms after the close", trace_->steps.load(), clock.elapsed());
        QCOMPARE(window_->jobs()->worker()->runningJob(), 0);
        {
            JobHistory history(historyPath_);
            const QList<HistoryEntry> entries = history.entries();
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.first().outcome, JobOutcome::Cancelled);
            QCOMPARE(entries.first().request.generation.seed, kSeed);
        }
        clock.restart();
        window_.reset();
        QVERIFY2(clock.elapsed() < kNoHangMs, qPrintable(QString("teardown took %1 ms").arg(clock.elapsed())));
        QVERIFY(trace_->threadFinished);
        verifyStoppedMidDenoise();
        JobHistory history(historyPath_);
        QCOMPARE(history.entries().size(), 1);
    }

    // The window can also close after the last step, while the worker writes the video: the job's
    // cancel token reaches the writer, which stops and removes the file.
    void cancelWhileWritingLeavesNoFile() {
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build");
        QVector<QImage> frames(4, QImage(96, 64, QImage::Format_RGB888));
        for (QImage& f : frames)
            f.fill(QColor(30, 90, 200));
        const QString path = tmp_.filePath("writing/clip.mp4");
        QDir().mkpath(QFileInfo(path).absolutePath());
        i2v::CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(i2v::Cancelled, exportFrames(frames, ExportSettings(), QString(), path, &cancel));
        QVERIFY2(filesUnder(QFileInfo(path).absolutePath()).isEmpty(),
                 qPrintable(filesUnder(QFileInfo(path).absolutePath()).join(", ")));
        // Without a cancel the same call writes the file: the token, not the frames, stopped it.
        i2v::CancelToken idle;
        QCOMPARE(exportFrames(frames, ExportSettings(), QString(), path, &idle), QString());
        QVERIFY(QFileInfo(path).size() > 0);
    }
};

QTEST_MAIN(TestCloseWhileGenerating)
#include "tst_close_while_generating.moc"
