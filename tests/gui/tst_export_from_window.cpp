// Export… from the window on the demo model: the file it proposes is named after the seed of the result
// (not the seed box, which may already hold the next seed) and tells formats that share an extension
// apart (MP4 H.264 / MP4 AV1, WebM VP9 / WebM AV1); and Export… is enabled again once an export ended,
// so that a second export of the same result works.
#include "MainWindowDriver.h"

#include "ui/ExportDialog.h"
#include "ui/GenerationWorker.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>

using namespace i2v::ui;
using i2v::ExportSettings;
using i2v::test::childOf;

class TestExportFromWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<MainWindow> w_;

    static QStringList allFormats() { return {"mp4", "webm", "gif", "png", "mov", "mp4-av1", "webm-av1"}; }

private slots:
    // The dialog's last choice comes back; a stored name this build does not know keeps only its own default.
    void exportChoiceIsRemembered() {
        QSettings s(tmp_.filePath("export-choice.ini"), QSettings::IniFormat);
        ExportSettings choice;
        choice.format = i2v::VideoFormat::Gif;
        choice.fps = 12.5;
        choice.quality = 40;
        choice.interpolation = i2v::Interpolation::Blend;
        choice.interpolatedFps = 30;
        choice.loop = i2v::LoopMode::PingPong;
        ExportDialog::save(s, choice);
        ExportSettings back = ExportDialog::load(s);
        QCOMPARE(back.interpolatedFps, 30.0);
        QCOMPARE(int(back.format), int(choice.format));
        QCOMPARE(back.fps, 12.5);
        QCOMPARE(back.quality, 40);
        QCOMPARE(int(back.interpolation), int(choice.interpolation));
        QCOMPARE(int(back.loop), int(choice.loop));
        s.setValue("export/format", "mp5");
        back = ExportDialog::load(s);
        QCOMPARE(int(back.format), int(ExportSettings().format));
        QCOMPARE(int(back.loop), int(i2v::LoopMode::PingPong));
        QCOMPARE(int(back.interpolation), int(i2v::Interpolation::Blend));
    }

    // Settings the exporter would refuse are refused in the dialog, with the reason, before a file is chosen:
    // interpolation to a rate below the playback rate, a GIF over 50 fps. The interpolated rate is the user's.
    void theDialogRefusesWhatTheExporterWould() {
        ExportSettings initial;
        initial.format = i2v::VideoFormat::Mp4H264;
        initial.fps = 8;
        ExportDialog dialog(initial);
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        auto* problem = childOf<QLabel>(&dialog, "exportProblem");
        auto* interpolated = childOf<QDoubleSpinBox>(&dialog, "exportInterpolatedFps");
        QVERIFY(ok->isEnabled());
        QVERIFY(problem->isHidden());
        QVERIFY(!interpolated->isEnabled());  // no interpolation chosen

        auto* interpolation = childOf<QComboBox>(&dialog, "exportInterpolation");
        interpolation->setCurrentIndex(interpolation->findData(QString("blend")));
        QVERIFY(interpolated->isEnabled());
        auto* fps = childOf<QDoubleSpinBox>(&dialog, "exportFps");
        fps->setValue(30);  // above the 24 it interpolates to
        QVERIFY(!ok->isEnabled());
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().startsWith("Interpolated fps 24 must be above the clip's fps 30"), qPrintable(problem->text()));
        interpolated->setValue(60);
        QVERIFY(ok->isEnabled());
        QVERIFY(problem->isHidden());
        QCOMPARE(dialog.choice().interpolatedFps, 60.0);

        auto* format = childOf<QComboBox>(&dialog, "exportFormat");
        if (const int gif = format->findData(QString("gif")); gif >= 0 && format->model()->flags(format->model()->index(gif, 0)) & Qt::ItemIsEnabled) {
            format->setCurrentIndex(gif);  // 60 fps: too fast for a GIF
            QVERIFY(!ok->isEnabled());
            QVERIFY2(problem->text().contains("GIF cannot play faster than 50 fps"), qPrintable(problem->text()));
        }
    }

    void initTestCase() {
        i2v::test::enterTestMode();
        // Qt's own file dialog, which a test can drive; a platform dialog is out of its reach.
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        QVERIFY(tmp_.isValid());
        settings_ = i2v::test::makeSettings(tmp_);
        w_ = std::make_unique<MainWindow>(settings_.get(), nullptr, tmp_.filePath("history.sqlite"));
        w_->show();
        QVERIFY2(i2v::test::waitForModel(*w_), qPrintable(w_->errorText()));
        QVERIFY(i2v::test::readPicture(w_->dropZone(), i2v::test::goldenImagePath()));
        childOf<QPlainTextEdit>(w_.get(), "prompt")->setPlainText("A red fox jumping over a frozen river");
        i2v::test::setSmallJob(*w_, 2, 1234);
        QSignalSpy finished(w_->jobs()->worker(), &GenerationWorker::finished);
        w_->generate();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!w_->jobs()->isGenerating(), 10000);
        QCOMPARE(w_->jobs()->result().seed, quint64(1234));
    }

    void cleanupTestCase() { w_.reset(); }

    void fileNameTellsEveryFormatApart() {
        QSet<QString> names;
        for (const QString& format : allFormats())
            names.insert(ExportDialog::suggestedFileName(7, format));
        QCOMPARE(names.size(), allFormats().size());
        QCOMPARE(ExportDialog::suggestedFileName(7, "mp4"), QString("i2v_seed7.mp4"));
        QCOMPARE(ExportDialog::suggestedFileName(7, "mp4-av1"), QString("i2v_seed7_av1.mp4"));
        QCOMPARE(ExportDialog::suggestedFileName(7, "webm"), QString("i2v_seed7.webm"));
        QCOMPARE(ExportDialog::suggestedFileName(7, "webm-av1"), QString("i2v_seed7_av1.webm"));
        QCOMPARE(ExportDialog::suggestedFileName(7, "png"), QString("i2v_seed7"));  // a folder of frames
    }

    void suggestedNameUsesTheResultsSeed() {
        // The seed box moved on (the next job's seed); the result on screen is still seed 1234's.
        childOf<QSpinBox>(w_.get(), "seed")->setValue(999);
        for (const QString& format : allFormats()) {
            const QString name = QFileInfo(w_->suggestedExportPath(format)).fileName();
            QVERIFY2(name.startsWith("i2v_seed1234"), qPrintable(name));
            QVERIFY2(!name.contains("999"), qPrintable(name));
        }
    }

    void exportDialogProposesThatName() {
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build");
        // Export…: choose MP4 (AV1) in the export dialog, read the name the file dialog proposes, cancel.
        QString proposed;
        QTimer driver;
        connect(&driver, &QTimer::timeout, this, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* dialog = qobject_cast<ExportDialog*>(modal)) {
                auto* format = childOf<QComboBox>(dialog, "exportFormat");
                format->setCurrentIndex(format->findData("mp4-av1"));
                dialog->accept();
            } else if (auto* files = qobject_cast<QFileDialog*>(modal)) {
                proposed = childOf<QLineEdit>(files, "fileNameEdit")->text();
                files->reject();
            }
        });
        driver.start(20);
        QTimer watchdog;
        watchdog.setSingleShot(true);
        connect(&watchdog, &QTimer::timeout, this, [] {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
        });
        watchdog.start(20000);
        w_->exportResult();
        driver.stop();
        watchdog.stop();
        QCOMPARE(proposed, QString("i2v_seed1234_av1.mp4"));
        QVERIFY(!w_->jobs()->isExporting());
    }

    void exportIsEnabledAgainAfterAnExport() {
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build");
        auto* button = childOf<QPushButton>(w_.get(), "exportButton");
        auto* action = childOf<QAction>(w_.get(), "exportAction");
        QVERIFY(button->isEnabled());
        ExportSettings choice;  // mp4 (H.264)
        for (const QString& name : {"first.mp4", "second.mp4"}) {
            QSignalSpy ended(w_->jobs(), &JobController::exportEnded);
            w_->jobs()->exportTo(choice, tmp_.filePath(name));
            QVERIFY(w_->jobs()->isExporting());
            QVERIFY(!button->isEnabled());   // one export at a time
            QVERIFY(!action->isEnabled());
            QVERIFY(ended.wait(30000));
            QCOMPARE(ended.first().at(1).toString(), QString());
            QVERIFY(QFileInfo(tmp_.filePath(name)).size() > 0);
            // Enabled as the export ends, not only once its thread object is gone.
            QVERIFY(!w_->jobs()->isExporting());
            QVERIFY(button->isEnabled());
            QVERIFY(action->isEnabled());
        }
        QVERIFY2(w_->errorText().isEmpty(), qPrintable(w_->errorText()));
    }
};

QTEST_MAIN(TestExportFromWindow)
#include "tst_export_from_window.moc"
