// What a job costs before Generate (issue 16): after the model loads, one small calibration run measures this
// machine, and the line above Generate gives time and memory from then on; the estimate grows with size,
// frames and steps, uses the measured speeds exactly, is refined by every job (a cancelled one by the steps it
// finished), warns (naming Low-memory mode) when a job will not fit, and the queue's Time column shows
// estimates, elapsed time and durations. The Settings dialog's Low-memory switch sets every memory option and
// gives them back.
#include "MainWindowDriver.h"

#include "ui/EstimatePanel.h"
#include "ui/GenerationWorker.h"
#include "ui/JobPresets.h"
#include "ui/JobQueueModel.h"
#include "ui/PresetRow.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>

using namespace i2v::ui;
using i2v::ComputeDtype;
using i2v::test::childOf;

class TestEstimate : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<MainWindow> window_;

    JobController* jobs() { return window_->jobs(); }
    JobRequest shownJob() { return window_->form()->request(); }

    // After a job measured its step at `seconds`, the shown job's (its size) estimate per step is that time —
    // unless other programs competed while it ran (a test run beside others can be): such a measurement gives way
    // to a quiet one (aBusyMachinesMeasurementGivesWayToAQuietOnes), so the estimate then rests on a quiet one.
    void verifyStepEstimateFollows(double flops, double seconds, bool busy) {
        // The spies saw the worker's signals as they were sent; the window's own queued copies may still wait.
        QCoreApplication::sendPostedEvents();
        const double perStep = *jobs()->estimate(shownJob()).secondsPerStep;
        if (!busy || qFuzzyCompare(perStep, seconds)) {  // flops x seconds / flops: equal up to rounding
            QCOMPARE(perStep, seconds);
            return;
        }
        const auto kept = SpeedCalibration(settings_.get()).seconds(jobs()->costModel().speedKey, CostStage::Denoise, flops);
        QVERIFY(kept);
        QVERIFY2(!kept->measuredBusy, "a busy measurement was used although it did not become the estimate");
        QCOMPARE(perStep, kept->seconds);
    }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        settings_ = i2v::test::makeSettings(tmp_);
        window_ = std::make_unique<MainWindow>(settings_.get(), nullptr, tmp_.filePath("history.sqlite"));
        QVERIFY(i2v::test::waitForModel(*window_));
        QVERIFY(i2v::test::readPicture(window_->dropZone(), i2v::test::goldenImagePath()));
        i2v::test::setSmallJob(*window_, 3);
    }

    void calibrationRunsOnceAfterTheFirstLoad() {
        // The calibration starts by itself when this machine's speed with this model is not known yet.
        // Both: the worker reports the stages' speeds before it says the calibration ended, and the window can
        // see the speeds a moment before that.
        QVERIFY(QTest::qWaitFor(
            [&] { return !jobs()->isCalibrating() && jobs()->estimate(shownJob()).seconds.has_value(); }, 60000));
        const QString line = window_->estimatePanel()->text();
        QVERIFY2(line.startsWith("Takes about") || line.startsWith("Takes under"), qPrintable(line));
        QVERIFY2(line.contains("memory"), qPrintable(line));
        // Kept in the settings: the next start (same model and engine) does not measure again, unless other
        // programs kept the processor busy while it measured (a test run beside others can be).
        settings_->sync();
        QVERIFY(!settings_->allKeys().filter("speed/").isEmpty());
        const bool measuredQuietly = SpeedCalibration(settings_.get()).knows(jobs()->costModel().speedKey);
        MainWindow again(settings_.get(), nullptr, tmp_.filePath("history2.sqlite"));
        QSignalSpy calibrating(again.jobs()->worker(), &GenerationWorker::calibrationStarted);
        QVERIFY(i2v::test::waitForModel(again));
        QVERIFY(QTest::qWaitFor([&] { return again.jobs()->hasCostModel(); }, 10000));
        QTest::qWait(300);
        QCOMPARE(calibrating.count(), measuredQuietly ? 0 : 1);
        QVERIFY(again.jobs()->estimate(again.form()->request()).seconds.has_value());
    }

    void growsWithSizeFramesAndSteps() {
        const auto at = [&](int width, int height, int frames, int steps) {
            JobRequest r = shownJob();
            r.generation.width = width;
            r.generation.height = height;
            r.generation.numFrames = frames;
            r.generation.numInferenceSteps = steps;
            return jobs()->estimate(r);
        };
        const JobEstimate base = at(256, 256, 8, 10);
        QVERIFY(base.seconds && *base.seconds > 0 && base.peakBytes > 0);
        for (const JobEstimate& bigger : {at(512, 256, 8, 10), at(256, 512, 8, 10), at(256, 256, 16, 10)}) {
            QVERIFY(*bigger.seconds > *base.seconds);
            QVERIFY(bigger.peakBytes > base.peakBytes);
        }
        const JobEstimate moreSteps = at(256, 256, 8, 20);
        QVERIFY(*moreSteps.seconds > *base.seconds);
        QCOMPARE(moreSteps.peakBytes, base.peakBytes);  // steps cost time, not memory
        QCOMPARE(*moreSteps.secondsPerStep, *base.secondsPerStep);
    }

    // A job of half an hour or more names what the Draft preset would take instead, and the link puts it in the
    // form; no offer for a short job, for the Draft itself, or where the Draft would not be much quicker.
    void aLongJobOffersTheDraft() {
        const CostModelInfo& info = jobs()->costModel();
        const QString draft = JobPresets::builtInNames().at(0), final = JobPresets::builtInNames().at(1);
        PresetRow* presets = window_->form()->presetRow();
        QVERIFY(presets->apply(final));
        const i2v::GenerationRequest finalJob = shownJob().generation;
        QVERIFY(presets->apply(draft));
        const i2v::GenerationRequest draftJob = shownJob().generation;
        const auto stepFlops = [&](const i2v::GenerationRequest& g) { return info.model->estimate(g, info.memory).step.total(); };
        const auto encodeFlops = [&](const i2v::GenerationRequest& g) { return info.model->estimate(g, info.memory).encode.total(); };
        const auto decodeFlops = [&](const i2v::GenerationRequest& g) { return info.model->estimate(g, info.memory).decode.total(); };
        QSettings store(tmp_.filePath("draft-offer.ini"), QSettings::IniFormat);
        SpeedCalibration speeds(&store);
        speeds.record(info.speedKey, CostStage::Encode, encodeFlops(finalJob), 1.0);
        speeds.record(info.speedKey, CostStage::Decode, decodeFlops(finalJob), 10.0);
        speeds.record(info.speedKey, CostStage::Denoise, stepFlops(finalJob), 60.0);  // 50 min of steps
        speeds.record(info.speedKey, CostStage::Denoise, stepFlops(draftJob), 3.0);   // 1 min of steps
        jobs()->setSpeedStore(&store);
        const auto restore = qScopeGuard([&] {  // the small job on this machine's speeds, for the tests after this
            jobs()->setSpeedStore(settings_.get());
            i2v::test::setSmallJob(*window_, 3);
        });
        EstimatePanel* panel = window_->estimatePanel();
        JobRequest draftRequest = shownJob();
        draftRequest.generation = draftJob;
        const QString draftTime = formatDuration(*jobs()->estimate(draftRequest).seconds);  // about a minute

        QVERIFY(presets->apply(final));
        QVERIFY2(panel->text().contains("about 50 min"), qPrintable(panel->text()));
        const QString offer = panel->draftOfferText();
        QVERIFY2(offer.contains(JobPresets::builtInSummary(draft)) && offer.contains(draftTime), qPrintable(offer));
        emit childOf<QLabel>(panel, "estimateDraftOffer")->linkActivated(QStringLiteral("draft"));
        QCOMPARE(presets->current(), draft);
        QCOMPARE(shownJob().generation.numFrames, draftJob.numFrames);
        QVERIFY(panel->draftOfferText().isEmpty());  // the Draft is in the form

        // Half as many steps: 25 min, not long.
        QVERIFY(presets->apply(final));
        QVERIFY(!panel->draftOfferText().isEmpty());
        childOf<QSpinBox>(window_.get(), "steps")->setValue(25);
        QVERIFY(panel->draftOfferText().isEmpty());
        // The Draft no quicker than a quarter of the job.
        speeds.record(info.speedKey, CostStage::Denoise, stepFlops(draftJob), 40.0);  // 13 min of steps
        QVERIFY(presets->apply(final));
        QVERIFY2(panel->draftOfferText().isEmpty(), qPrintable(panel->draftOfferText()));
    }

    void usesTheMeasuredSpeedsExactly() {
        // Speeds written into the store: the estimate is the job's arithmetic at exactly those rates.
        const CostModelInfo& info = jobs()->costModel();
        JobRequest r = shownJob();
        i2v::GenerationRequest g = r.generation;
        g.decodeChunkSize = 1;
        const i2v::JobCost cost = info.model->estimate(g, info.memory);
        QSettings store(tmp_.filePath("speeds.ini"), QSettings::IniFormat);
        SpeedCalibration speeds(&store);
        speeds.record(info.speedKey, CostStage::Encode, cost.encode.total(), 2.0);
        speeds.record(info.speedKey, CostStage::Denoise, 2 * cost.step.total(), 10.0);  // 5 s per step of this job
        speeds.record(info.speedKey, CostStage::Decode, cost.decode.total(), 3.0);
        const JobEstimate e = estimateJob(info, speeds, g);
        QVERIFY(e.seconds);
        QCOMPARE(*e.secondsPerStep, 5.0);
        QCOMPARE(*e.seconds, 2.0 + 5.0 * g.numInferenceSteps + 3.0);
        // Read back from the file as a new session would.
        store.sync();
        QSettings reopened(tmp_.filePath("speeds.ini"), QSettings::IniFormat);
        QCOMPARE(*estimateJob(info, SpeedCalibration(&reopened), g).seconds, *e.seconds);
        // The nearest measured size decides: a second measurement at ten times the arithmetic does not change
        // this job's estimate, and is the one a ten-times-larger job uses.
        speeds.record(info.speedKey, CostStage::Denoise, 10 * cost.step.total(), 1.0);
        QCOMPARE(*estimateJob(info, speeds, g).secondsPerStep, 5.0);
        QCOMPARE(speeds.seconds(info.speedKey, CostStage::Denoise, 9 * cost.step.total())->seconds, 0.9);
    }

    void aBusyMachinesMeasurementGivesWayToAQuietOnes() {
        // A job measured while other programs kept the processor busy (MachineLoad) ran several times slower
        // than this machine runs: it is used only while nothing better is known, and it says so.
        const CostModelInfo& info = jobs()->costModel();
        i2v::GenerationRequest g = shownJob().generation;
        g.decodeChunkSize = 1;
        const i2v::JobCost cost = info.model->estimate(g, info.memory);
        QSettings store(tmp_.filePath("busy.ini"), QSettings::IniFormat);
        SpeedCalibration speeds(&store);
        const QString key = info.speedKey;
        speeds.record(key, CostStage::Encode, cost.encode.total(), 20.0, true);
        speeds.record(key, CostStage::Denoise, cost.step.total(), 45.0, true);
        speeds.record(key, CostStage::Decode, cost.decode.total(), 30.0, true);
        JobEstimate e = estimateJob(info, speeds, g);
        QVERIFY(e.seconds && e.measuredBusy);
        QCOMPARE(*e.secondsPerStep, 45.0);
        QVERIFY2(describeEstimate(e).contains("measured while the computer was busy"), qPrintable(describeEstimate(e)));
        QVERIFY(!speeds.knows(key));  // the next start measures again
        // A quiet measurement replaces the busy one of its size; a later busy one does not replace it.
        speeds.record(key, CostStage::Denoise, cost.step.total(), 5.0);
        speeds.record(key, CostStage::Denoise, cost.step.total(), 45.0, true);
        QCOMPARE(speeds.seconds(key, CostStage::Denoise, cost.step.total())->seconds, 5.0);
        // A quiet measurement of another size comes before a busy one of this size.
        speeds.record(key, CostStage::Decode, 10 * cost.decode.total(), 20.0);
        const auto decode = speeds.seconds(key, CostStage::Decode, cost.decode.total());
        QCOMPARE(decode->seconds, 2.0);
        QVERIFY(!decode->measuredBusy);
        QVERIFY(estimateJob(info, speeds, g).measuredBusy);  // the encoding still rests on the busy one
        QVERIFY(!speeds.knows(key));
        speeds.record(key, CostStage::Encode, 3 * cost.encode.total(), 6.0);
        e = estimateJob(info, speeds, g);
        QVERIFY(!e.measuredBusy);
        QCOMPARE(*e.seconds, 2.0 + 5.0 * g.numInferenceSteps + 2.0);
        QVERIFY(!describeEstimate(e).contains("busy"));
        QVERIFY(speeds.knows(key));
        // Busy measurements of many other sizes never push the quiet ones out.
        for (int i = 0; i < SpeedCalibration::kSamples; ++i)
            speeds.record(key, CostStage::Denoise, (20.0 + 5 * i) * cost.step.total(), 99.0, true);
        QCOMPARE(speeds.seconds(key, CostStage::Denoise, cost.step.total())->seconds, 5.0);
        QVERIFY(speeds.knows(key));
        // The busy mark survives the settings file, and a file of older versions (no mark) still reads.
        store.sync();
        QSettings reopened(tmp_.filePath("busy.ini"), QSettings::IniFormat);
        const QString encodeKey = reopened.allKeys().filter("encode").value(0);
        QVERIFY(reopened.value(encodeKey).toStringList().join(' ').contains(":busy"));
        const QString denoiseKey = reopened.allKeys().filter("denoise").value(0);
        reopened.setValue(denoiseKey, QStringList{QStringLiteral("%1:70:busy").arg(10 * cost.step.total(), 0, 'g', 17),
                                                  QStringLiteral("1:2:3"), QStringLiteral("nonsense")});
        const auto onlyBusy = SpeedCalibration(&reopened).seconds(key, CostStage::Denoise, cost.step.total());
        QVERIFY(onlyBusy && onlyBusy->measuredBusy);
        QCOMPARE(onlyBusy->seconds, 7.0);
        reopened.setValue(denoiseKey, QStringList{QStringLiteral("%1:8").arg(cost.step.total(), 0, 'g', 17),
                                                  QStringLiteral("%1:700:busy").arg(10 * cost.step.total(), 0, 'g', 17)});
        const auto quietFirst = SpeedCalibration(&reopened).seconds(key, CostStage::Denoise, 10 * cost.step.total());
        QCOMPARE(quietFirst->seconds, 80.0);
        QVERIFY(!quietFirst->measuredBusy);
    }

    void theBf16SpeedUpComesFromQuietMeasurementsOnly() {
        // What Settings quotes beside "Fast (bf16)": the ratio of this job's step in fp32 and in bf16 as measured.
        const CostModelInfo& info = jobs()->costModel();
        const JobRequest job = shownJob();
        const double stepFlops = info.model->estimate(job.generation, info.memory).step.total();
        const auto key = [&](const char* dtype) {
            return GenerationWorker::speedKey(info.fingerprint, info.device, QString::fromLatin1(dtype), false, info.threads);
        };
        QSettings store(tmp_.filePath("bf16.ini"), QSettings::IniFormat);
        jobs()->setSpeedStore(&store);
        SpeedCalibration speeds(&store);
        QVERIFY(!jobs()->measuredBf16SpeedUp(job));
        speeds.record(key("fp32"), CostStage::Denoise, stepFlops, 6.0);
        speeds.record(key("bf16"), CostStage::Denoise, stepFlops, 3.0, true);
        QVERIFY(!jobs()->measuredBf16SpeedUp(job));  // the bf16 time was measured beside other programs
        speeds.record(key("bf16"), CostStage::Denoise, stepFlops, 2.5);
        QCOMPARE(*jobs()->measuredBf16SpeedUp(job), 2.4);
        jobs()->setSpeedStore(settings_.get());
    }

    void aFinishedJobRefinesTheSpeed() {
        QSignalSpy measured(jobs()->worker(), &GenerationWorker::stageMeasured);
        QSignalSpy finished(jobs()->worker(), &GenerationWorker::finished);
        window_->generate();
        QVERIFY(finished.wait(60000));
        QVERIFY(QTest::qWaitFor([&] { return measured.count() >= 3; }, 5000));
        // This job's step (a calibration run between jobs, after a busy one, reports another size).
        const double stepFlops = jobs()->costModel().model->estimate(shownJob().generation, jobs()->costModel().memory)
                                     .step.total();
        double stepSeconds = -1;
        bool busy = false;
        for (const auto& m : measured)
            if (m.at(1).toInt() == int(CostStage::Denoise) && m.at(2).toDouble() == stepFlops) {
                stepSeconds = m.at(3).toDouble();
                busy = m.at(4).toBool();
            }
        QVERIFY(stepSeconds > 0);
        // This job's size was just measured: its estimate per step is that measurement.
        verifyStepEstimateFollows(stepFlops, stepSeconds, busy);
        // The Time column gave the duration.
        JobQueueModel* q = jobs()->queueModel();
        const QString time = q->data(q->index(q->rowCount() - 1, JobQueueModel::TimeColumn)).toString();
        QVERIFY2(time.contains(':'), qPrintable(time));
    }

    void aCancelledJobStillMeasuresTheStepsItFinished() {
        // A size never measured (the calibration's rate applies to it before), cancelled at its second step.
        i2v::test::setSmallJob(*window_, 200, 77);
        childOf<QSpinBox>(window_.get(), "frames")->setValue(6);
        const JobRequest job = shownJob();
        const double stepFlops = jobs()->costModel().model->estimate(job.generation, jobs()->costModel().memory)
                                     .step.total();
        QSignalSpy measured(jobs()->worker(), &GenerationWorker::stageMeasured);
        QSignalSpy cancelled(jobs()->worker(), &GenerationWorker::cancelled);
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(jobs()->worker(), &GenerationWorker::stepProgress, this, [&, conn](int id, int step) {
            if (step >= 2) {
                jobs()->cancelJob(id);
                disconnect(*conn);
            }
        });
        window_->generate();
        QVERIFY(cancelled.wait(60000));
        disconnect(*conn);
        QVERIFY(QTest::qWaitFor([&] { return measured.count() >= 2; }, 5000));
        QSet<int> stages;
        double stepSeconds = -1;
        bool busy = false;
        for (const auto& m : measured) {
            stages.insert(m.at(1).toInt());
            if (m.at(1).toInt() == int(CostStage::Denoise)) {
                QCOMPARE(m.at(2).toDouble(), stepFlops);
                stepSeconds = m.at(3).toDouble();
                busy = m.at(4).toBool();
            }
        }
        // The picture's encoding and the finished steps, not the decode that never ran.
        QCOMPARE(stages, (QSet<int>{int(CostStage::Encode), int(CostStage::Denoise)}));
        QVERIFY(stepSeconds > 0);
        verifyStepEstimateFollows(stepFlops, stepSeconds, busy);
        i2v::test::setSmallJob(*window_, 3);
    }

    void queuedJobsShowTheirEstimate() {
        JobQueueModel* q = jobs()->queueModel();
        QSignalSpy ended(jobs(), &JobController::jobEnded);
        i2v::test::setSmallJob(*window_, 3, 99, 2);
        window_->generate();
        const int last = q->rowCount() - 1;
        const QString waiting = q->data(q->index(last, JobQueueModel::TimeColumn)).toString();
        QVERIFY2(waiting.startsWith("about "), qPrintable(waiting));
        QVERIFY(QTest::qWaitFor([&] { return ended.count() >= 2; }, 60000));
        i2v::test::setSmallJob(*window_, 3);
    }

    void warnsWhenAJobWillNotFit() {
        JobEstimate e;
        e.seconds = 60;
        e.secondsPerStep = 1;
        e.peakBytes = 30e9;
        e.availableBytes = 24e9;
        e.lowMemoryPeakBytes = 12e9;
        QVERIFY(!e.fits());
        QVERIFY2(memoryWarning(e).contains("Low-memory mode"), qPrintable(memoryWarning(e)));
        QVERIFY(memoryWarning(e).contains("12.0 GB"));
        e.lowMemoryPeakBytes = 25e9;
        QVERIFY(memoryWarning(e).contains("even in Low-memory mode"));
        EstimatePanel panel;
        panel.showEstimate(e, 1, false);
        QVERIFY(!panel.warningText().isEmpty());
        e.peakBytes = 1e9;
        panel.showEstimate(e, 1, false);
        QVERIFY(panel.warningText().isEmpty());
        // The real model of the demo checkpoint: Low-memory mode needs less for a large job.
        JobRequest big = shownJob();
        big.generation.width = 1280;
        big.generation.height = 704;
        big.generation.numFrames = 16;
        const JobEstimate real = jobs()->estimate(big);
        QVERIFY(real.lowMemoryPeakBytes && *real.lowMemoryPeakBytes < real.peakBytes);
    }

    void lowMemorySwitchSetsEveryOptionAndGivesThemBack() {
        AppSettings initial;
        initial.engine.setAttentionChunkMb(512);
        initial.decodeChunk = 4;
        SettingsDialog dialog(initial, i2v::test::machine(false));
        dialog.setJobEstimator([&](const AppSettings& s) { return jobs()->estimate(shownJob(), s); });
        auto* low = childOf<QCheckBox>(&dialog, "settingsLowMemory");
        auto* estimate = childOf<QLabel>(&dialog, "settingsMemoryEstimate");
        QVERIFY(!low->isChecked());
        QVERIFY(!estimate->isHidden());
        const QString before = estimate->text();
        QVERIFY2(before.contains("Low-memory mode: about"), qPrintable(before));
        low->setChecked(true);
        AppSettings s = dialog.settings();
        QVERIFY(s.engine.pipeline.offloadEncoders && s.engine.pipeline.vaeTiling && s.engine.pipeline.keepHalfWeights);
        QCOMPARE(s.engine.attentionChunkMb(), 64);
        QCOMPARE(s.decodeChunk, 1);
        QVERIFY(estimate->text() != before);
        // One option changed by hand: the switch goes off, the other options stay.
        childOf<QCheckBox>(&dialog, "settingsVaeTiling")->setChecked(false);
        QVERIFY(!low->isChecked());
        QVERIFY(dialog.settings().engine.pipeline.offloadEncoders);
        childOf<QCheckBox>(&dialog, "settingsVaeTiling")->setChecked(true);
        QVERIFY(low->isChecked());
        low->setChecked(false);
        s = dialog.settings();
        QCOMPARE(s.engine.attentionChunkMb(), 512);
        QCOMPARE(s.decodeChunk, 4);
        QVERIFY(!s.engine.pipeline.offloadEncoders && !s.engine.pipeline.vaeTiling && !s.engine.pipeline.keepHalfWeights);
    }

    void settingsSayWhyThereIsNoCudaAndWhatBf16Does() {
        AppSettings initial;
        {
            SettingsDialog dialog(initial, i2v::test::machine(false, true));
            auto* note = childOf<QLabel>(&dialog, "settingsCudaNote");
            QVERIFY(!note->isHidden());
            QVERIFY2(note->text().contains("no NVIDIA GPU"), qPrintable(note->text()));
            auto* dtype = childOf<QComboBox>(&dialog, "settingsDtype");
            QVERIFY(dtype->itemText(dtype->findData("bf16")).contains("recommended"));
            QVERIFY(childOf<QLabel>(&dialog, "settingsProcessor")->text().contains("AVX512-BF16"));
            dialog.setMeasuredBf16SpeedUp(2.7);
            QVERIFY2(dtype->itemText(dtype->findData("bf16")).contains("2.7×"), qPrintable(dtype->itemText(dtype->findData("bf16"))));
        }
        {
            SettingsDialog dialog(initial, i2v::test::machine(true, false));
            QVERIFY(childOf<QLabel>(&dialog, "settingsCudaNote")->isHidden());
            auto* dtype = childOf<QComboBox>(&dialog, "settingsDtype");
            QVERIFY(!dtype->itemText(dtype->findData("bf16")).contains("recommended"));
            dialog.setMeasuredBf16SpeedUp(2.7);  // no bf16 hardware: never recommended
            QVERIFY(!dtype->itemText(dtype->findData("bf16")).contains("recommended"));
        }
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestEstimate)
#include "tst_estimate.moc"
