// The job queue on the demo model: "× 3" queues three jobs with consecutive seeds that run one after
// another, each with its own state and progress and each recorded in the history with its video;
// one queued job cancelled, the running one cancelled (the next still runs), cancel all; and
// Continue from last frame, whose job's picture is exactly the last frame of the result, and whose seed
// is the Seed row's: the box's value when locked (from the result and from a history entry alike), else a
// new one shown in the box.
#include "MainWindowDriver.h"

#include "ui/ExportDialog.h"
#include "ui/FramePlayer.h"
#include "ui/GalleryPanel.h"
#include "ui/GenerationWorker.h"
#include "ui/JobHistory.h"
#include "ui/JobQueueModel.h"
#include "ui/QueuePanel.h"
#include "ui/ResultView.h"

#include <QAction>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>

#include <functional>

using namespace i2v::ui;
using i2v::test::childOf;

class TestJobQueue : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<MainWindow> w_;

    QList<int> submittedBy(const std::function<void()>& action) {
        QSignalSpy submitted(w_->jobs(), &JobController::jobSubmitted);
        action();
        QList<int> ids;
        for (const auto& args : submitted)
            ids << args.at(0).toInt();
        return ids;
    }

    bool waitIdle(int ms = 120000) { return QTest::qWaitFor([&] { return !w_->jobs()->isGenerating(); }, ms); }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
        settings_ = i2v::test::makeSettings(tmp_);
        w_ = std::make_unique<MainWindow>(settings_.get(), nullptr, tmp_.filePath("history.sqlite"));
        w_->show();
        QVERIFY2(i2v::test::waitForModel(*w_), qPrintable(w_->errorText()));
        QVERIFY(i2v::test::readPicture(w_->dropZone(), i2v::test::goldenImagePath()));
        childOf<QPlainTextEdit>(w_.get(), "prompt")->setPlainText("A red fox jumping over a frozen river");
    }

    void cleanupTestCase() { w_.reset(); }

    // A row names its job by the whole prompt (the view elides it to the column), or says there is none.
    void aRowNamesItsJobByItsPrompt() {
        JobQueueModel model;
        JobRequest named, unnamed;
        named.id = 7;
        named.generation.prompt = "A red fox jumping over a frozen river, snow falling, the camera slowly follows it";
        unnamed.id = 8;
        model.addJob(named);
        model.addJob(unnamed);
        QCOMPARE(model.data(model.index(0, JobQueueModel::JobColumn)).toString(),
                 QString("#7 A red fox jumping over a frozen river, snow falling, the camera slowly follows it"));
        QCOMPARE(model.data(model.index(1, JobQueueModel::JobColumn)).toString(), QString("#8 (no prompt)"));
    }

    void threeJobsRunInOrderAndEachIsRecorded() {
        i2v::test::setSmallJob(*w_, 2, 100, 3);
        childOf<QComboBox>(w_.get(), "seedMode")->setCurrentIndex(0);  // consecutive
        QSignalSpy started(w_->jobs()->worker(), &GenerationWorker::jobStarted);
        QSignalSpy finished(w_->jobs()->worker(), &GenerationWorker::finished);
        QSignalSpy recorded(w_->jobs(), &JobController::historyRecorded);
        const QList<int> ids = submittedBy([&] { w_->generate(); });
        QCOMPARE(ids.size(), 3);
        QVERIFY(w_->jobs()->isGenerating());
        QCOMPARE(w_->jobs()->queueModel()->rowCount(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 3, 120000);
        QVERIFY(waitIdle());
        QVERIFY2(w_->errorText().isEmpty(), qPrintable(w_->errorText()));

        // Run in submission order, one at a time, with consecutive seeds.
        QCOMPARE(started.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(started.at(i).at(0).toInt(), ids.at(i));
            QCOMPARE(started.at(i).at(1).value<JobRequest>().generation.seed, quint64(100 + i));
            QCOMPARE(finished.at(i).at(0).toInt(), ids.at(i));
            QCOMPARE(w_->jobs()->queueModel()->stateOf(ids.at(i)), JobState::Finished);
            QCOMPARE(w_->jobs()->queueModel()->stepOf(ids.at(i)), 2);
        }
        // Each in the history, newest first, with its video in the output folder.
        const QList<HistoryEntry> entries = w_->jobs()->history()->entries();
        QCOMPARE(entries.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const HistoryEntry& e = entries.at(2 - i);
            QCOMPARE(e.outcome, JobOutcome::Finished);
            QCOMPARE(e.request.generation.seed, quint64(100 + i));
            QVERIFY(e.parametersJson.contains(QStringLiteral("\"seed\":\"%1\"").arg(100 + i)));
            if (ExportDialog::exportAvailable()) {
                QVERIFY2(QFileInfo(e.videoPath).size() > 0, qPrintable(e.videoPath));
                QCOMPARE(QFileInfo(e.videoPath).absolutePath(), QFileInfo(tmp_.filePath("out")).absoluteFilePath());
                QVERIFY(e.videoPath.endsWith(QStringLiteral("_seed%1.mp4").arg(100 + i)));
            }
        }
        QCOMPARE(w_->gallery()->count(), 3);
        QCOMPARE(w_->jobs()->result().videoPath, entries.first().videoPath);
        // Clear finished empties the list.
        childOf<QPushButton>(w_.get(), "queueClear")->click();
        QCOMPARE(w_->jobs()->queueModel()->rowCount(), 0);
    }

    void cancelOneQueuedJob() {
        i2v::test::setSmallJob(*w_, 2, 200, 3);
        QSignalSpy started(w_->jobs()->worker(), &GenerationWorker::jobStarted);
        QSignalSpy recorded(w_->jobs(), &JobController::historyRecorded);
        const QList<int> ids = submittedBy([&] { w_->generate(); });
        QCOMPARE(ids.size(), 3);
        // Cancel the second through the queue panel while the first runs or waits.
        w_->queuePanel()->selectJob(ids.at(1));
        auto* cancelJob = childOf<QPushButton>(w_.get(), "queueCancelJob");
        QVERIFY(cancelJob->isEnabled());
        cancelJob->click();
        QCOMPARE(w_->jobs()->queueModel()->stateOf(ids.at(1)), JobState::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 3, 120000);
        QVERIFY(waitIdle());
        QCOMPARE(w_->jobs()->queueModel()->stateOf(ids.at(0)), JobState::Finished);
        QCOMPARE(w_->jobs()->queueModel()->stateOf(ids.at(2)), JobState::Finished);
        QCOMPARE(started.size(), 2);
        QCOMPARE(started.at(0).at(0).toInt(), ids.at(0));
        QCOMPARE(started.at(1).at(0).toInt(), ids.at(2));
        const QList<HistoryEntry> entries = w_->jobs()->history()->entries(3);
        int cancelled = 0;
        for (const HistoryEntry& e : entries)
            if (e.outcome == JobOutcome::Cancelled) {
                ++cancelled;
                QCOMPARE(e.request.generation.seed, quint64(201));
                QVERIFY(e.videoPath.isEmpty());
            }
        QCOMPARE(cancelled, 1);
    }

    void cancelRunningJobThenCancelAll() {
        i2v::test::setSmallJob(*w_, 40, 300, 3);
        QSignalSpy started(w_->jobs()->worker(), &GenerationWorker::jobStarted);
        QSignalSpy cancelledSpy(w_->jobs()->worker(), &GenerationWorker::cancelled);
        QSignalSpy finished(w_->jobs()->worker(), &GenerationWorker::finished);
        QList<int> ids;
        // Cancel the running first job at its first step; at the second job's first step, cancel all.
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(w_->jobs()->worker(), &GenerationWorker::stepProgress, w_.get(), [&, conn](int id, int step) {
            if (step != 1)
                return;
            if (id == ids.value(0))
                w_->jobs()->cancelJob(id);
            else if (id == ids.value(1)) {
                childOf<QPushButton>(w_.get(), "queueCancelAll")->click();
                disconnect(*conn);
            }
        });
        ids = submittedBy([&] { w_->generate(); });
        QVERIFY(waitIdle());
        disconnect(*conn);
        QVERIFY(finished.isEmpty());
        QCOMPARE(cancelledSpy.size(), 3);
        QCOMPARE(started.size(), 2);  // the third never started
        for (int id : ids)
            QCOMPARE(w_->jobs()->queueModel()->stateOf(id), JobState::Cancelled);
        // Each job stopped within a few steps of its request.
        QVERIFY(w_->jobs()->queueModel()->stepOf(ids.at(0)) <= 3);
        QVERIFY(w_->jobs()->queueModel()->stepOf(ids.at(1)) <= 3);
        QCOMPARE(w_->jobs()->history()->entries(3).size(), 3);
        for (const HistoryEntry& e : w_->jobs()->history()->entries(3))
            QCOMPARE(e.outcome, JobOutcome::Cancelled);
    }

    void continueFromLastFrameUsesTheLastFrame() {
        i2v::test::setSmallJob(*w_, 2, 400, 1);
        QSignalSpy finished(w_->jobs()->worker(), &GenerationWorker::finished);
        w_->generate();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(waitIdle());
        const QImage last = w_->jobs()->result().frames.last();
        QVERIFY(w_->jobs()->result().frames.first() != last);  // the demo model's frames differ

        QSignalSpy started(w_->jobs()->worker(), &GenerationWorker::jobStarted);
        w_->continueFromLastFrame();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        const JobRequest r = started.first().at(1).value<JobRequest>();
        QVERIFY(r.imagePath.isEmpty());
        QCOMPARE(r.image.convertToFormat(QImage::Format_RGB888), last.convertToFormat(QImage::Format_RGB888));
        QCOMPARE(r.generation.width, 96);
        QCOMPARE(r.prompt(), QString("A red fox jumping over a frozen river"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QVERIFY(waitIdle());
        // The continued job is in the history with its picture, which Reuse settings brings back.
        const HistoryEntry e = w_->jobs()->history()->entries(1).first();
        QCOMPARE(w_->jobs()->history()->picture(e.id).convertToFormat(QImage::Format_RGB888),
                 last.convertToFormat(QImage::Format_RGB888));
    }

    void continueFromHistoryDecodesTheVideo() {
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build");
        const HistoryEntry e = w_->jobs()->history()->entries(1).first();
        QVERIFY(QFileInfo::exists(e.videoPath));
        const QImage last = lastVideoFrame(e.videoPath);
        QCOMPARE(last.size(), QSize(96, 64));
        QSignalSpy started(w_->jobs()->worker(), &GenerationWorker::jobStarted);
        w_->gallery()->selectEntry(e.id);
        auto* action = childOf<QAction>(w_.get(), "galleryContinue");
        QVERIFY(action->isEnabled());
        action->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        QCOMPARE(started.first().at(1).value<JobRequest>().image.convertToFormat(QImage::Format_RGB888), last);
        QVERIFY(waitIdle());
    }

    void continueKeepsALockedSeed() {
        QVERIFY(!w_->jobs()->result().frames.isEmpty());
        auto* seed = childOf<QSpinBox>(w_.get(), "seed");
        auto* lock = childOf<QCheckBox>(w_.get(), "seedLock");
        seed->setValue(777);
        lock->setChecked(true);
        QSignalSpy started(w_->jobs()->worker(), &GenerationWorker::jobStarted);
        w_->continueFromLastFrame();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        QCOMPARE(started.first().at(1).value<JobRequest>().generation.seed, quint64(777));
        QCOMPARE(seed->value(), 777);
        QVERIFY(waitIdle());

        // Unlocked: a new seed, and the box shows it (as Generate does).
        lock->setChecked(false);
        w_->continueFromLastFrame();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 30000);
        QCOMPARE(started.last().at(1).value<JobRequest>().generation.seed, quint64(seed->value()));
        QVERIFY(!lock->isChecked());
        QVERIFY(waitIdle());
    }

    // With "Join continued parts" on (the default), Continue writes the clip and, joined after the earlier
    // video without its repeated first frame, one video that becomes the result and the history's entry.
    void continueJoinsThePartsIntoOneVideo() {
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build");
        auto* join = childOf<QAction>(w_.get(), "joinPartsAction");
        QVERIFY(join->isChecked());
        i2v::test::setSmallJob(*w_, 1, 900);
        QSignalSpy finished(w_->jobs()->worker(), &GenerationWorker::finished);
        w_->generate();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(waitIdle());
        const QString earlier = w_->jobs()->result().videoPath;
        const QVector<QImage> earlierFrames = readVideoClip(earlier, 100).frames;
        QCOMPARE(earlierFrames.size(), 4);

        w_->continueFromLastFrame();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QVERIFY(waitIdle());
        const JobResult& joined = w_->jobs()->result();
        QVERIFY2(joined.videoPath.endsWith(QStringLiteral("_joined.mp4")), qPrintable(joined.videoPath));
        QCOMPARE(joined.frames.size(), 4 + 3);
        const VideoClip written = readVideoClip(joined.videoPath, 100);
        QCOMPARE(written.frames.size(), 7);
        QCOMPARE(written.frames.first().size(), earlierFrames.first().size());
        QString part = joined.videoPath;
        part.replace(QStringLiteral("_joined.mp4"), QStringLiteral(".mp4"));
        QCOMPARE(readVideoClip(part, 100).frames.size(), 4);  // the clip on its own stays too
        QCOMPARE(w_->jobs()->history()->entries(1).first().videoPath, joined.videoPath);

        // Continuing the joined video joins after the whole of it.
        w_->continueFromLastFrame();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);
        QVERIFY(waitIdle());
        QCOMPARE(w_->jobs()->result().frames.size(), 7 + 3);

        // Off: the clip alone.
        join->setChecked(false);
        w_->continueFromLastFrame();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 60000);
        QVERIFY(waitIdle());
        QVERIFY(!w_->jobs()->result().videoPath.endsWith(QStringLiteral("_joined.mp4")));
        QCOMPARE(w_->jobs()->result().frames.size(), 4);
        join->setChecked(true);
    }

    void continueFromHistoryKeepsALockedSeed() {
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build");
        const HistoryEntry e = w_->jobs()->history()->entries(1).first();
        QVERIFY(e.request.generation.seed != 555);
        auto* seed = childOf<QSpinBox>(w_.get(), "seed");
        auto* lock = childOf<QCheckBox>(w_.get(), "seedLock");
        seed->setValue(555);
        lock->setChecked(true);
        QSignalSpy started(w_->jobs()->worker(), &GenerationWorker::jobStarted);
        w_->gallery()->selectEntry(e.id);
        childOf<QAction>(w_.get(), "galleryContinue")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        // The entry's settings, but the locked seed of the Seed row, which stays as it was.
        const JobRequest r = started.first().at(1).value<JobRequest>();
        QCOMPARE(r.generation.seed, quint64(555));
        QCOMPARE(r.generation.numInferenceSteps, e.request.generation.numInferenceSteps);
        QCOMPARE(seed->value(), 555);
        QVERIFY(lock->isChecked());
        QVERIFY(waitIdle());

        // Unlocked: a new seed shown in the box, and the Lock stays off.
        lock->setChecked(false);
        const HistoryEntry newest = w_->jobs()->history()->entries(1).first();
        w_->gallery()->selectEntry(newest.id);
        childOf<QAction>(w_.get(), "galleryContinue")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 30000);
        QCOMPARE(started.last().at(1).value<JobRequest>().generation.seed, quint64(seed->value()));
        QVERIFY(!lock->isChecked());
        QVERIFY(waitIdle());
    }

    void resultPlaysTheFileOrFallsBack() {
        QVERIFY(!w_->jobs()->result().videoPath.isEmpty() || !ExportDialog::exportAvailable());
        ResultView* view = w_->resultView();
        // Either Qt Multimedia plays the mp4, or the frames play with a note saying why.
        QTRY_VERIFY_WITH_TIMEOUT(!view->isOpening(), 20000);
        if (ExportDialog::exportAvailable())
            QVERIFY(view->isShowingVideo() || !view->note().isEmpty());
        qInfo("result shown as %s %s", view->isShowingVideo() ? "video" : "frames", qPrintable(view->note()));
        // The last job continued a gallery entry: its parts joined into one video (continueJoinsThePartsIntoOneVideo).
        QCOMPARE(view->framePlayer()->frameCount(), int(w_->jobs()->result().frames.size()));
        QVERIFY(view->framePlayer()->frameCount() > 4);
    }
};

QTEST_MAIN(TestJobQueue)
#include "tst_job_queue.moc"
