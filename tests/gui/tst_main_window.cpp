// The desktop app's main window on the demo model: pictures in by drop, paste and Open (GIF too), the
// controls become the JobRequest the worker receives, a whole generation with one preview per step,
// cancel and generate again, and errors (bad picture, broken model folder: Generate disabled) shown without
// ending the app.
#include "MainWindowDriver.h"
#include "support/TestData.h"

#include "image/ImageLoader.h"
#include "ui/DropZone.h"
#include "ui/ExportDialog.h"
#include "ui/FramePlayer.h"
#include "ui/FrameExport.h"
#include "ui/GenerationWorker.h"
#include "ui/JobController.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QCheckBox>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <cstring>
#include <memory>

using namespace i2v::ui;
using i2v::ExportSettings;
using i2v::GenerationRequest;

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<MainWindow> window_;

    template <class T> T* child(const char* name) {
        T* w = window_->findChild<T*>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }

    // Whether the target took the drag (enter) and then the drop; returns once the picture zone has read it.
    bool drop(QWidget* target, QMimeData* mime) {
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &enter);
        QDropEvent dropEvent(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &dropEvent);
        return i2v::test::waitForPicture(window_->dropZone()) && enter.isAccepted() && dropEvent.isAccepted();
    }

    static QString gifFixture(const char* name) {
        return QString::fromStdString((i2v::test::dataDir() / "images" / name).string());
    }

    // The engine's decode of a file: what the drop zone must show, and what the model gets.
    static QImage engineImage(const QString& path) {
        const i2v::RgbImage rgb = i2v::ImageLoader().load(QFileInfo(path).filesystemAbsoluteFilePath()).image;
        QImage image(rgb.width, rgb.height, QImage::Format_RGB888);
        for (int y = 0; y < rgb.height; ++y)
            std::memcpy(image.scanLine(y), rgb.row(y), rgb.stride());
        return image;
    }

    // The small job the gui suite runs: 96x64, 4 frames, few steps, seed locked.
    void setSmallJob(int steps) {
        auto* preset = child<QComboBox>("sizePreset");
        preset->setCurrentIndex(preset->count() - 1);  // Custom
        child<QSpinBox>("width")->setValue(96);
        child<QSpinBox>("height")->setValue(64);
        child<QSpinBox>("frames")->setValue(4);
        child<QSpinBox>("steps")->setValue(steps);
        child<QSpinBox>("seed")->setValue(1234);
        child<QCheckBox>("seedLock")->setChecked(true);
    }

    void waitForModel(MainWindow& w) {
        QTRY_VERIFY_WITH_TIMEOUT(w.isModelReady() || !w.errorText().isEmpty(), 30000);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // Qt's own file dialog, which a test can drive; a platform dialog is out of its reach.
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        QVERIFY(tmp_.isValid());
        settings_ = std::make_unique<QSettings>(tmp_.filePath("settings.ini"), QSettings::IniFormat);
        settings_->setValue("model/folder", QString::fromStdString(i2v::test::tinyModelDir().string()));
        settings_->setValue("output/folder", tmp_.filePath("out"));
        window_ = std::make_unique<MainWindow>(settings_.get(), nullptr, tmp_.filePath("history.sqlite"));
        window_->show();
        waitForModel(*window_);
        QVERIFY2(window_->isModelReady(), qPrintable(window_->errorText()));
        // The demo model is recognised and announced.
        QVERIFY(window_->findChild<QLabel*>("demoBanner")->isVisible());
    }

    void cleanupTestCase() { window_.reset(); }

    void dropFileShowsPictureAndCrop() {
        auto* mime = new QMimeData;
        const QString path = QString::fromStdString(i2v::test::goldenInputImage().string());
        mime->setUrls({QUrl::fromLocalFile(path)});
        drop(window_->dropZone(), mime);
        delete mime;
        QVERIFY(window_->dropZone()->hasImage());
        QCOMPARE(window_->dropZone()->imagePath(), path);
        QVERIFY(!window_->dropZone()->cropRegion().isEmpty());
        QVERIFY(window_->errorText().isEmpty());
    }

    void dropRawImageData() {
        QImage image(40, 30, QImage::Format_RGB888);
        image.fill(QColor(10, 200, 30));
        auto* mime = new QMimeData;
        mime->setImageData(image);
        drop(window_->dropZone(), mime);
        delete mime;
        QCOMPARE(window_->dropZone()->image().size(), QSize(40, 30));
        QVERIFY(window_->dropZone()->imagePath().isEmpty());
    }

    void pasteFromClipboard() {
        QImage image(64, 48, QImage::Format_RGB888);
        image.fill(QColor(200, 20, 30));
        QApplication::clipboard()->setImage(image);
        window_->pasteImage();
        QVERIFY(i2v::test::waitForPicture(window_->dropZone()));
        QCOMPARE(window_->dropZone()->image().size(), QSize(64, 48));
        QCOMPARE(window_->dropZone()->image().pixelColor(5, 5), QColor(200, 20, 30));
        QVERIFY(window_->dropZone()->imagePath().isEmpty());
    }

    // A GIF, by every way a picture comes in, goes through the engine's loader: its first frame, and the
    // caveat for an animated one in the status bar.
    void dropGifFileUsesTheFirstFrame() {
        const QString path = gifFixture("gif_animated.gif");
        QSignalSpy warnings(window_->dropZone(), &DropZone::loadWarning);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QVERIFY(drop(window_->dropZone(), &mime));
        QVERIFY2(window_->errorText().isEmpty(), qPrintable(window_->errorText()));
        QCOMPARE(window_->dropZone()->imagePath(), path);
        QCOMPARE(window_->dropZone()->image(), engineImage(path));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().first().toString().contains("only the first frame"),
                 qPrintable(warnings.first().first().toString()));
        QVERIFY2(window_->statusBar()->currentMessage().contains("only the first frame"),
                 qPrintable(window_->statusBar()->currentMessage()));
    }

    void pasteAndDropGifBytes() {
        const QString path = gifFixture("gif_palette.gif");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();

        // Only image/gif on offer, as when a GIF is copied in a browser.
        auto* copied = new QMimeData;
        copied->setData("image/gif", bytes);
        QApplication::clipboard()->setMimeData(copied);  // the clipboard owns it
        window_->dropZone()->clear();
        window_->pasteImage();
        QVERIFY(i2v::test::waitForPicture(window_->dropZone()));
        QVERIFY2(window_->errorText().isEmpty(), qPrintable(window_->errorText()));
        QVERIFY(window_->dropZone()->imagePath().isEmpty());
        QCOMPARE(window_->dropZone()->image(), engineImage(path));

        window_->dropZone()->clear();
        QMimeData dragged;
        dragged.setData("image/gif", bytes);
        QVERIFY(drop(window_->dropZone(), &dragged));
        QCOMPARE(window_->dropZone()->image(), engineImage(path));
    }

    void openDialogOffersAndOpensGif() {
        const QString path = gifFixture("gif_interlaced256.gif");
        settings_->setValue("input/folder", QFileInfo(path).absolutePath());
        QString defaultFilter;
        // The dialog is modal: a timer firing inside its event loop picks the file; a watchdog ends a
        // dialog that did not close, so a failure cannot hang the suite.
        QTimer driver, watchdog;
        connect(&driver, &QTimer::timeout, this, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            driver.stop();
            defaultFilter = dialog->selectedNameFilter();
            // Typed as a user would, relative to the folder the dialog opened in (selectFile() leaves a
            // focused name field alone).
            if (auto* name = dialog->findChild<QLineEdit*>("fileNameEdit"))
                name->setText(QFileInfo(path).fileName());
            static_cast<QDialog*>(dialog)->accept();  // QFileDialog's override (protected) checks the file
        });
        connect(&watchdog, &QTimer::timeout, this, [] {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
        });
        driver.start(20);
        watchdog.start(20000);
        window_->dropZone()->clear();
        window_->openImage();
        watchdog.stop();
        QVERIFY(i2v::test::waitForPicture(window_->dropZone()));
        // "Pictures (*.png ... *.gif ...)": the patterns in the parentheses.
        const QString patterns = defaultFilter.section('(', 1).section(')', 0, 0);
        QVERIFY2(QDir::match(patterns, QFileInfo(path).fileName()), qPrintable(defaultFilter));
        QCOMPARE(window_->dropZone()->imagePath(), path);
        QCOMPARE(window_->dropZone()->image(), engineImage(path));
        QVERIFY2(window_->errorText().isEmpty(), qPrintable(window_->errorText()));
    }

    // Refused at drag-enter by content (a text file named .png too); a picture dropped anywhere on the window
    // lands in the drop zone.
    void dropsAnywhereTakePicturesOnly() {
        const QString text = tmp_.filePath("notes.png");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is text, not a PNG");
        f.close();
        QMimeData notAPicture;
        notAPicture.setUrls({QUrl::fromLocalFile(text)});
        QVERIFY(!DropZone::canTake(&notAPicture));
        QVERIFY(!drop(window_->dropZone(), &notAPicture));
        QVERIFY(!drop(window_.get(), &notAPicture));
        QMimeData folder;
        folder.setUrls({QUrl::fromLocalFile(tmp_.path())});
        QVERIFY(!DropZone::canTake(&folder));

        const QString gif = gifFixture("gif_animated.gif");
        QMimeData picture;
        picture.setUrls({QUrl::fromLocalFile(gif)});
        QVERIFY(drop(window_.get(), &picture));   // on the window, not on the zone
        QCOMPARE(window_->dropZone()->imagePath(), gif);
        QVERIFY2(window_->errorText().isEmpty(), qPrintable(window_->errorText()));
    }

    void badPictureShowsError() {
        const QString path = tmp_.filePath("not-a-picture.png");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is text, not a PNG");
        f.close();
        const QSize before = window_->dropZone()->image().size();
        QVERIFY(!i2v::test::readPicture(window_->dropZone(), path));
        QVERIFY(!window_->errorText().isEmpty());
        QCOMPARE(window_->dropZone()->image().size(), before);  // the previous picture stays
    }

    void tokenCounterWarnsOnTruncation() {
        child<QPlainTextEdit>("prompt")->setPlainText("a red fox");
        const QString shortText = child<QLabel>("promptTokens")->text();
        QVERIFY2(shortText.endsWith(" / 77"), qPrintable(shortText));
        QString longText;
        for (int i = 0; i < 100; ++i)
            longText += "fox ";
        child<QPlainTextEdit>("prompt")->setPlainText(longText);
        QVERIFY2(child<QLabel>("promptTokens")->text().startsWith("102 / 77"), qPrintable(child<QLabel>("promptTokens")->text()));
    }

    void etaOnlyForDdim() {
        auto* scheduler = child<QComboBox>("scheduler");
        scheduler->setCurrentIndex(scheduler->findData("ddim"));
        QVERIFY(child<QDoubleSpinBox>("eta")->isEnabled());
        scheduler->setCurrentIndex(scheduler->findData("euler"));
        QVERIFY(!child<QDoubleSpinBox>("eta")->isEnabled());
    }

    void generateSendsControlsAndPreviewsEveryStep() {
        QVERIFY(i2v::test::readPicture(window_->dropZone(), QString::fromStdString(i2v::test::goldenInputImage().string())));
        child<QPlainTextEdit>("prompt")->setPlainText("A red fox jumping over a frozen river");
        child<QPlainTextEdit>("negativePrompt")->setPlainText("blurry");
        auto* scheduler = child<QComboBox>("scheduler");
        scheduler->setCurrentIndex(scheduler->findData("ddim"));
        child<QDoubleSpinBox>("eta")->setValue(0.5);
        child<QDoubleSpinBox>("guidance")->setValue(7.5);
        child<QSpinBox>("fps")->setValue(12);
        setSmallJob(3);

        QSignalSpy started(window_->jobs()->worker(), &GenerationWorker::jobStarted);
        QSignalSpy previews(window_->jobs()->worker(), &GenerationWorker::previewReady);
        QSignalSpy steps(window_->jobs()->worker(), &GenerationWorker::stepProgress);
        QSignalSpy finished(window_->jobs()->worker(), &GenerationWorker::finished);
        QSignalSpy failed(window_->jobs()->worker(), &GenerationWorker::failed);
        window_->generate();
        QVERIFY(window_->jobs()->isGenerating());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));

        QCOMPARE(started.size(), 1);
        const JobRequest r = started.first().at(1).value<JobRequest>();
        const GenerationRequest& g = r.generation;
        QCOMPARE(g.width, 96);
        QCOMPARE(g.height, 64);
        QCOMPARE(g.numFrames, 4);
        QCOMPARE(g.numInferenceSteps, 3);
        QCOMPARE(g.seed, quint64(1234));
        QCOMPARE(g.scheduler, std::string("ddim"));
        QCOMPARE(g.eta, 0.5);
        QCOMPARE(g.guidanceScale, 7.5);
        QCOMPARE(g.targetFps, 12);
        QCOMPARE(r.prompt(), QString("A red fox jumping over a frozen river"));
        QCOMPARE(g.negativePrompt, std::string("blurry"));
        QCOMPARE(r.imagePath, QString::fromStdString(i2v::test::goldenInputImage().string()));

        QCOMPARE(steps.size(), 3);
        QCOMPARE(previews.size(), 3);  // one preview of all frames per step
        QCOMPARE(previews.last().at(1).value<QVector<QImage>>().size(), 4);
        QTRY_VERIFY(!window_->jobs()->isGenerating());
        QCOMPARE(window_->jobs()->result().frames.size(), 4);
        QCOMPARE(window_->jobs()->result().frames.first().size(), QSize(96, 64));
        QCOMPARE(window_->resultPlayer()->frameCount(), 4);
        QVERIFY(window_->jobs()->result().parametersJson.contains("\"seed\":\"1234\""));
        QVERIFY(window_->errorText().isEmpty());
    }

    void cancelMidRunThenGenerateAgain() {
        setSmallJob(40);
        QSignalSpy cancelled(window_->jobs()->worker(), &GenerationWorker::cancelled);
        QSignalSpy finished(window_->jobs()->worker(), &GenerationWorker::finished);
        QSignalSpy steps(window_->jobs()->worker(), &GenerationWorker::stepProgress);
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(window_->jobs()->worker(), &GenerationWorker::stepProgress, window_.get(), [this, once] {
            window_->cancel();
            disconnect(*once);
        });
        QElapsedTimer clock;
        clock.start();
        window_->generate();
        QTRY_VERIFY_WITH_TIMEOUT(!cancelled.isEmpty() || !finished.isEmpty(), 60000);
        qInfo("cancelled after %lld ms", clock.elapsed());
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(finished.isEmpty());
        // Cancel is checked between UNet calls: the job stops within a step of the request.
        QVERIFY2(steps.size() <= 3, qPrintable(QString("%1 steps ran after cancel").arg(steps.size())));
        QTRY_VERIFY(!window_->jobs()->isGenerating());

        setSmallJob(3);
        window_->generate();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        qInfo("generated again after %lld ms", clock.elapsed());
        QTRY_VERIFY(!window_->jobs()->isGenerating());  // the window has taken the result
        QCOMPARE(window_->jobs()->result().frames.size(), 4);
    }

    void exportWritesAndNeverOverwritesSilently() {
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build");
        QVERIFY(!window_->jobs()->result().frames.isEmpty());
        const QString path = tmp_.filePath("clip.mp4");
        const JobResult& result = window_->jobs()->result();
        ExportSettings choice;
        QCOMPARE(exportFrames(result.frames, choice, result.parametersJson, path), QString());
        QVERIFY(QFileInfo(path).size() > 0);
        QVERIFY(!exportFrames(result.frames, choice, result.parametersJson, path).isEmpty());
        choice.overwrite = true;
        QCOMPARE(exportFrames(result.frames, choice, result.parametersJson, path), QString());
    }

    void brokenModelFolderShowsError() {
        QTemporaryDir broken;
        QFile index(broken.filePath("model_index.json"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("{ not json");
        index.close();
        QSettings settings(tmp_.filePath("broken.ini"), QSettings::IniFormat);
        settings.setValue("model/folder", broken.path());
        settings.setValue("output/folder", tmp_.filePath("out"));
        MainWindow w(&settings, nullptr, tmp_.filePath("broken-history.sqlite"));
        waitForModel(w);
        QVERIFY(!w.isModelReady());
        QVERIFY2(w.errorText().contains("could not be loaded"), qPrintable(w.errorText()));

        // There is nothing to generate with: Generate is disabled, and a call anyway queues nothing.
        QVERIFY(i2v::test::readPicture(w.dropZone(), QString::fromStdString(i2v::test::goldenInputImage().string())));
        QVERIFY(!w.findChild<QPushButton*>("generateButton")->isEnabled());
        QSignalSpy submitted(w.jobs(), &JobController::jobSubmitted);
        w.generate();
        QVERIFY(submitted.isEmpty());
        QVERIFY(!w.jobs()->isGenerating());
        QVERIFY2(w.errorText().contains("could not be loaded"), qPrintable(w.errorText()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
