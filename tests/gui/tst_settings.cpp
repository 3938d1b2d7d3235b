// The Settings dialog: every preference round-trips through the dialog and QSettings, CUDA is offered
// only when the engine sees a GPU and fp16 only with CUDA, and what is chosen reaches the worker: the
// pipeline is reloaded with those engine settings (read back from the engine) and every job carries
// the preview mode, decode chunk and output folder. An impossible device is an error in the window.
#include "MainWindowDriver.h"

#include "ui/AppSettings.h"
#include "ui/ExportDialog.h"
#include "ui/GenerationWorker.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTimer>

using namespace i2v::ui;
using i2v::ComputeDtype;
using i2v::PreviewMode;
using i2v::test::childOf;

namespace {

bool itemEnabled(QComboBox* combo, const QString& data) {
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    const int row = combo->findData(data);
    return model && row >= 0 && model->item(row)->isEnabled();
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
    }

    void dialogRoundTripsEveryValue() {
        AppSettings initial;
        initial.modelDir = "/models/x";
        initial.outputFolder = "/videos/out";
        initial.engine.threads = 3;
        initial.engine.pipeline.dtype = ComputeDtype::BFloat16;
        initial.engine.setAttentionChunkMb(512);
        initial.engine.pipeline.offloadEncoders = true;
        initial.engine.pipeline.vaeTiling = true;
        initial.engine.pipeline.keepHalfWeights = true;
        initial.decodeChunk = 4;
        initial.preview = PreviewMode::FullDecode;
        initial.notifyWhenDone = false;  // on by default
        initial.hub.endpoint = "http://127.0.0.1:9";
        initial.hub.token = "hf_not_a_real_token";
        initial.hub.cacheDir = "/cache/hub";
        SettingsDialog dialog(initial, i2v::test::machine(false));
        const AppSettings back = dialog.settings();
        QVERIFY(back.hub == initial.hub);
        QCOMPARE(back.modelDir, initial.modelDir);
        QCOMPARE(back.outputFolder, initial.outputFolder);
        QVERIFY(back.engine == initial.engine);
        QCOMPARE(back.decodeChunk, 4);
        QCOMPARE(int(back.preview), int(PreviewMode::FullDecode));
        QCOMPARE(back.notifyWhenDone, false);

        QSettings s(tmp_.filePath("roundtrip.ini"), QSettings::IniFormat);
        back.save(s);
        const AppSettings loaded = AppSettings::load(s);
        QVERIFY(loaded.engine == initial.engine);
        QCOMPARE(loaded.outputFolder, initial.outputFolder);
        QCOMPARE(loaded.decodeChunk, 4);
        QCOMPARE(int(loaded.preview), int(PreviewMode::FullDecode));
        QCOMPARE(loaded.notifyWhenDone, false);
        QVERIFY(AppSettings().notifyWhenDone);
        QCOMPARE(loaded.hub.endpoint, initial.hub.endpoint);
        QCOMPARE(loaded.hub.cacheDir, initial.hub.cacheDir);
        // The token never goes into the ini (HubPreferences::writeToken keeps it in a file of its own).
        s.sync();
        QFile ini(s.fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("hf_not_a_real_token"));
    }

    void storedEngineSettingsAreCorePipelineOptions() {
        // The ini keeps its readable names ("bf16", MiB); what loads is core's PipelineOptions itself, and a
        // value the engine does not know (a hand-edited file) leaves the default instead of failing.
        QSettings s(tmp_.filePath("engine.ini"), QSettings::IniFormat);
        s.setValue("engine/dtype", "bf16");
        s.setValue("engine/attentionChunkMb", 0);
        s.setValue("engine/keepFp16Weights", true);
        AppSettings a = AppSettings::load(s);
        QCOMPARE(a.engine.pipeline.dtype, ComputeDtype::BFloat16);
        QCOMPARE(a.engine.attentionChunkMb(), 0);  // unbounded
        QVERIFY(a.engine.pipeline.keepHalfWeights);
        QCOMPARE(a.engine.pipeline.device, std::string("auto"));          // the desktop's default
        s.setValue("engine/dtype", "float8");
        QCOMPARE(AppSettings::load(s).engine.pipeline.dtype, AppSettings().engine.pipeline.dtype);
        a.save(s);
        QCOMPARE(s.value("engine/dtype").toString(), QString("bf16"));
        QCOMPARE(s.value("engine/attentionChunkMb").toInt(), 0);
    }

    void noModelFolderIsStoredWhenNoneWasChosen() {
        AppSettings a;
        QSettings s(tmp_.filePath("nochoice.ini"), QSettings::IniFormat);
        s.setValue("model/folder", "/models/old");
        a.save(s);
        QVERIFY(!s.contains("model/folder"));
        QVERIFY(AppSettings::load(s).modelDir.isEmpty());
    }

    void cudaOnlyWhenAvailableAndFp16OnlyWithCuda() {
        AppSettings initial;
        initial.engine.pipeline.device = "cuda";
        {
            SettingsDialog dialog(initial, i2v::test::machine(false));
            auto* device = childOf<QComboBox>(&dialog, "settingsDevice");
            QVERIFY(!itemEnabled(device, "cuda"));
            QCOMPARE(device->currentData().toString(), QString("auto"));  // a saved CUDA choice falls back
            QVERIFY(!itemEnabled(childOf<QComboBox>(&dialog, "settingsDtype"), "fp16"));  // auto is the CPU here
        }
        {
            // With a GPU, Automatic is the GPU: fp16 can be chosen.
            AppSettings automatic;
            SettingsDialog dialog(automatic, i2v::test::machine(true));
            QCOMPARE(childOf<QComboBox>(&dialog, "settingsDevice")->currentData().toString(), QString("auto"));
            QCOMPARE(childOf<QComboBox>(&dialog, "settingsDtype")->currentData().toString(), QString("auto"));
            QVERIFY(itemEnabled(childOf<QComboBox>(&dialog, "settingsDtype"), "fp16"));
        }
        {
            initial.engine.pipeline.dtype = ComputeDtype::Float16;
            SettingsDialog dialog(initial, i2v::test::machine(true));
            auto* device = childOf<QComboBox>(&dialog, "settingsDevice");
            auto* dtype = childOf<QComboBox>(&dialog, "settingsDtype");
            QCOMPARE(device->currentData().toString(), QString("cuda"));
            QVERIFY(itemEnabled(dtype, "fp16"));
            QCOMPARE(dtype->currentData().toString(), QString("fp16"));
            device->setCurrentIndex(device->findData("cpu"));  // fp16 is not possible on the CPU
            QVERIFY(!itemEnabled(dtype, "fp16"));
            QCOMPARE(dialog.settings().engine.pipeline.dtype, ComputeDtype::BFloat16);
        }
    }

    void keepFp16WeightsOnlyWithFloat32Compute() {
        AppSettings initial;
        initial.engine.pipeline.keepHalfWeights = true;
        SettingsDialog dialog(initial, i2v::test::machine(false));
        auto* keep = childOf<QCheckBox>(&dialog, "settingsKeepFp16Weights");
        auto* dtype = childOf<QComboBox>(&dialog, "settingsDtype");
        QVERIFY(keep->isEnabled());
        QVERIFY(keep->isChecked());
        dtype->setCurrentIndex(dtype->findData("bf16"));  // every weight is half already
        QVERIFY(!keep->isEnabled());
        dtype->setCurrentIndex(dtype->findData("fp32"));
        QVERIFY(keep->isEnabled());
        keep->setChecked(false);
        QVERIFY(!dialog.settings().engine.pipeline.keepHalfWeights);
    }

    void settingsReachTheWorker() {
        auto settings = i2v::test::makeSettings(tmp_, "worker.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("worker.sqlite"));
        QVERIFY2(i2v::test::waitForModel(w), qPrintable(w.errorText()));
        const QString out2 = tmp_.filePath("out2");

        QSignalSpy configured(w.jobs()->worker(), &GenerationWorker::engineConfigured);
        QSignalSpy loaded(w.jobs()->worker(), &GenerationWorker::modelLoaded);
        // Drive the real dialog: File > Settings… is modal, so fill it in once it is shown.
        bool sawDialog = false;
        QTimer::singleShot(0, &w, [&] {
            auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            childOf<QSpinBox>(dialog, "settingsThreads")->setValue(1);
            auto* dtype = childOf<QComboBox>(dialog, "settingsDtype");
            dtype->setCurrentIndex(dtype->findData("bf16"));
            childOf<QSpinBox>(dialog, "settingsAttentionChunk")->setValue(64);
            childOf<QCheckBox>(dialog, "settingsOffload")->setChecked(true);
            childOf<QCheckBox>(dialog, "settingsVaeTiling")->setChecked(true);
            childOf<QSpinBox>(dialog, "settingsDecodeChunk")->setValue(2);
            auto* preview = childOf<QComboBox>(dialog, "settingsPreview");
            preview->setCurrentIndex(preview->findData(int(PreviewMode::None)));
            childOf<QLineEdit>(dialog, "settingsOutputFolder")->setText(out2);
            dialog->accept();
        });
        w.openSettings();
        QVERIFY(sawDialog);

        // The engine settings changed: the model is reloaded with them, as the engine reports back.
        // The spies record in the worker thread; the window learns of it through its queued slot.
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 30000);
        QTRY_VERIFY(w.isModelReady());
        QCOMPARE(configured.size(), 1);
        const EngineSettings applied = configured.first().at(1).value<EngineSettings>();
        QCOMPARE(applied.threads, 1);
        QCOMPARE(applied.pipeline.device, std::string("auto"));  // the default: the GPU when there is one
        QCOMPARE(applied.pipeline.dtype, ComputeDtype::BFloat16);
        QCOMPARE(applied.attentionChunkMb(), 64);
        QVERIFY(applied.pipeline.offloadEncoders);
        QVERIFY(applied.pipeline.vaeTiling);
        const AppSettings stored = AppSettings::load(*settings);
        QVERIFY(stored.engine == applied);
        QCOMPARE(stored.outputFolder, out2);
        QCOMPARE(stored.decodeChunk, 2);

        // Jobs run on the float32 engine below: the bfloat16 CPU path is the engine's business (and
        // not what this test is about); switching back reloads the model once more.
        AppSettings fp32 = w.appSettings();
        fp32.engine.pipeline.dtype = ComputeDtype::Float32;
        fp32.engine.pipeline.keepHalfWeights = true;  // the demo model has no .fp16 files: its fp32 ones are used
        w.applySettings(fp32);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 30000);
        QVERIFY(i2v::test::waitForModel(w));
        QCOMPARE(configured.last().at(1).value<EngineSettings>().pipeline.dtype, ComputeDtype::Float32);
        QCOMPARE(configured.last().at(1).value<EngineSettings>().attentionChunkMb(), 64);
        QVERIFY(configured.last().at(1).value<EngineSettings>().pipeline.keepHalfWeights);

        // Every job carries the job-level settings.
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        childOf<QPlainTextEdit>(&w, "prompt")->setPlainText("a fox");
        i2v::test::setSmallJob(w, 2, 55);
        QSignalSpy started(w.jobs()->worker(), &GenerationWorker::jobStarted);
        QSignalSpy previews(w.jobs()->worker(), &GenerationWorker::previewReady);
        QSignalSpy finished(w.jobs()->worker(), &GenerationWorker::finished);
        QSignalSpy failed(w.jobs()->worker(), &GenerationWorker::failed);
        w.generate();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        const JobRequest r = started.first().at(1).value<JobRequest>();
        QCOMPARE(r.generation.decodeChunkSize, 2);
        QCOMPARE(int(r.generation.preview), int(PreviewMode::None));
        QCOMPARE(r.outputFolder, out2);
        QCOMPARE(previews.size(), 0);  // preview off
        if (ExportDialog::exportAvailable())
            QVERIFY(finished.first().at(3).toString().startsWith(out2 + "/"));
        QTRY_VERIFY(!w.jobs()->isGenerating());
    }

    void impossibleDeviceIsAnErrorInTheWindow() {
        if (GenerationWorker::cudaAvailable())
            QSKIP("this machine has CUDA");
        auto settings = i2v::test::makeSettings(tmp_, "cuda.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("cuda.sqlite"));
        QVERIFY(i2v::test::waitForModel(w));
        AppSettings s = w.appSettings();
        s.engine.pipeline.device = "cuda";
        QSignalSpy failed(w.jobs()->worker(), &GenerationWorker::modelFailed);
        w.applySettings(s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        QTRY_VERIFY2(w.errorText().contains("could not be loaded"), qPrintable(w.errorText()));
        QVERIFY(!w.isModelReady());
        // Back to the CPU: the model loads again.
        s.engine.pipeline.device = "cpu";
        w.applySettings(s);
        QTRY_VERIFY_WITH_TIMEOUT(w.isModelReady(), 30000);
        QVERIFY(w.errorText().isEmpty());
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
