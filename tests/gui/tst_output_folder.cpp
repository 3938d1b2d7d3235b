// An output folder where no video can be written: Settings refuses it with the reason under the field,
// Generate refuses to queue a job for it, and a job whose file could not be written anyway (the folder
// went away while it ran) ends "Not saved" in the queue and the history, with a banner whose "Save as…"
// opens the export, and its frames kept for export.
#include "MainWindowDriver.h"

#include "ui/ExportDialog.h"
#include "ui/GalleryModel.h"
#include "ui/GalleryPanel.h"
#include "ui/JobHistory.h"
#include "ui/JobQueueModel.h"
#include "ui/OutputFolder.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTimer>
#include <QToolButton>

using namespace i2v::ui;
using i2v::ExportSettings;
using i2v::test::childOf;

class TestOutputFolder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;

    // A path under a plain file: no folder can ever be made there, whoever runs the test (root too).
    QString underAFile() {
        const QString file = tmp_.filePath("a-file");
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write("x");
        return file + "/videos";
    }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
    }

    void problemNamesTheFolder() {
        QVERIFY(outputFolderProblem(tmp_.filePath("fine")).isEmpty());
        QVERIFY(QFileInfo(tmp_.filePath("fine")).isDir());  // a missing folder is made
        QVERIFY(QDir(tmp_.filePath("fine")).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
        for (const QString& bad : {QStringLiteral("/proc"), underAFile(), tmp_.filePath("a-file")}) {
            const QString problem = outputFolderProblem(bad);
            QVERIFY2(problem.contains(QDir::toNativeSeparators(bad)), qPrintable(bad + ": " + problem));
        }
    }

    void settingsRefusesAnUnwritableFolder() {
        AppSettings initial;
        initial.outputFolder = tmp_.filePath("ok");
        SettingsDialog dialog(initial, i2v::test::machine(false));
        auto* folder = childOf<QLineEdit>(&dialog, "settingsOutputFolder");
        for (const QString& bad : {QStringLiteral("/proc"), underAFile()}) {
            dialog.setResult(QDialog::Rejected);
            folder->setText(bad);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY2(dialog.outputFolderError().contains(QDir::toNativeSeparators(bad)), qPrintable(dialog.outputFolderError()));
        }
        folder->setText(tmp_.filePath("ok"));
        QVERIFY(dialog.outputFolderError().isEmpty());  // editing withdraws the reason
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void generateRefusesAnUnwritableFolder() {
        auto settings = i2v::test::makeSettings(tmp_, "refuse.ini");
        settings->setValue("output/folder", "/proc");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("refuse.sqlite"));
        QVERIFY2(i2v::test::waitForModel(w), qPrintable(w.errorText()));
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        i2v::test::setSmallJob(w, 2);
        QSignalSpy submitted(w.jobs(), &JobController::jobSubmitted);
        w.generate();
        QCOMPARE(submitted.size(), 0);
        QCOMPARE(w.jobs()->queueModel()->rowCount(), 0);
        QVERIFY2(w.errorText().contains("/proc"), qPrintable(w.errorText()));
    }

    void unwritableFileEndsNotSaved() {
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build: no video is written at all");
        auto settings = i2v::test::makeSettings(tmp_, "notsaved.ini");
        const QString out = tmp_.filePath("vanishing-out");
        settings->setValue("output/folder", out);
        const QString db = tmp_.filePath("notsaved.sqlite");
        MainWindow w(settings.get(), nullptr, db);
        QVERIFY2(i2v::test::waitForModel(w), qPrintable(w.errorText()));
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        i2v::test::setSmallJob(w, 2);
        QSignalSpy submitted(w.jobs(), &JobController::jobSubmitted);
        QSignalSpy recorded(w.jobs(), &JobController::historyRecorded);
        w.generate();
        QCOMPARE(submitted.size(), 1);
        // The folder passed the check; now a file takes its place before the job writes its video.
        QVERIFY(QDir(out).removeRecursively());
        QFile blocker(out);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 60000);

        const int id = submitted.first().at(0).toInt();
        QCOMPARE(w.jobs()->queueModel()->stateOf(id), JobState::NotSaved);
        const QModelIndex state = w.jobs()->queueModel()->index(w.jobs()->queueModel()->rowOf(id), JobQueueModel::StateColumn);
        QCOMPARE(state.data().toString(), QStringLiteral("Not saved"));
        QVERIFY(!state.data(Qt::ToolTipRole).toString().isEmpty());
        const QString item = w.gallery()->model()->index(0).data().toString();
        QVERIFY2(item.startsWith("Not saved"), qPrintable(item));
        QVERIFY(!item.contains("Finished"));
        const QList<HistoryEntry> entries = JobHistory(db).entries();  // as after a restart
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().outcome, JobOutcome::NotSaved);
        QVERIFY(entries.first().videoPath.isEmpty());
        QVERIFY(!entries.first().message.isEmpty());

        // The banner says so and offers Save as…; the frames are still there to export.
        QVERIFY2(w.errorText().contains("not saved"), qPrintable(w.errorText()));
        auto* saveAs = childOf<QToolButton>(&w, "errorAction");
        QVERIFY(!saveAs->isHidden());
        QCOMPARE(saveAs->text(), QStringLiteral("Save as…"));
        QCOMPARE(w.jobs()->result().frames.size(), 4);
        QVERIFY(w.jobs()->result().videoPath.isEmpty());
        bool sawExportDialog = false;
        QTimer::singleShot(0, &w, [&] {
            if (auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget())) {
                sawExportDialog = true;
                dialog->reject();
            }
        });
        saveAs->click();
        QVERIFY(sawExportDialog);

        QSignalSpy exported(w.jobs(), &JobController::exportEnded);
        const QString saved = tmp_.filePath("saved.mp4");
        w.jobs()->exportTo(ExportSettings(), saved);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
        QCOMPARE(exported.first().at(1).toString(), QString());
        QVERIFY(QFileInfo(saved).size() > 0);
        QVERIFY2(!w.errorText().contains("not saved"), qPrintable(w.errorText()));  // saved now
    }
};

QTEST_MAIN(TestOutputFolder)
#include "tst_output_folder.moc"
