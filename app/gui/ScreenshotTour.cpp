// `i2v-studio-screenshots DIR [PICTURE] [WIDTHxHEIGHT]`: starts the real main window on the demo model
// (settings, history and outputs in a temporary folder, never the user's) at that size (default 1400x900) and
// saves to DIR, each name ending in -WIDTHxHEIGHT.png: the idle window with a picture, its estimate and the
// presets (main-idle), the window while generating (live preview, queue: main-generating), the window playing
// the finished result (main-result), the gallery of the finished jobs (gallery) and the Models window
// (models). Grabs the windows from the screen so the Qt Multimedia video surface is in the picture;
// scripts/take-screenshots.sh runs it under Xvfb once per screen size.
#include "ui/DropZone.h"
#include "ui/GalleryPanel.h"
#include "ui/GenerationWorker.h"
#include "ui/JobController.h"
#include "ui/MainWindow.h"
#include "ui/ModelsDialog.h"
#include "ui/ResultView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QDir>
#include <QDockWidget>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

// Runs the event loop until `done` or `ms` pass; returns done().
template <class Pred> bool waitFor(Pred done, int ms) {
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    return done();
}

bool save(QWidget& window, const QString& path) {
    waitFor([] { return false; }, 300);  // let the last frames reach the screen
    QPixmap shot;
    if (QScreen* screen = window.screen(); screen && QGuiApplication::platformName() == QLatin1String("xcb"))
        shot = screen->grabWindow(window.winId());
    if (shot.isNull())
        shot = window.grab();
    const bool ok = shot.save(path, "PNG");
    QTextStream(stderr) << (ok ? "wrote " : "cannot write ") << path << '\n';
    return ok;
}

template <class T> T* child(QWidget& w, const char* name) { return w.findChild<T*>(QLatin1String(name)); }

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("I2V Studio"));
    if (argc < 2) {
        QTextStream(stderr) << "usage: i2v-studio-screenshots OUTPUT_DIR [PICTURE] [WIDTHxHEIGHT]\n";
        return 2;
    }
    const QString outDir = QString::fromLocal8Bit(argv[1]);
    QSize size(1400, 900);
    if (argc > 3) {
        const QStringList wh = QString::fromLocal8Bit(argv[3]).split(QLatin1Char('x'));
        if (wh.size() != 2 || wh[0].toInt() < 640 || wh[1].toInt() < 480) {
            QTextStream(stderr) << "the size must be WIDTHxHEIGHT, at least 640x480\n";
            return 2;
        }
        size = QSize(wh[0].toInt(), wh[1].toInt());
    }
    const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
    QDir().mkpath(outDir);
    QTemporaryDir tmp;
    QSettings settings(tmp.filePath("settings.ini"), QSettings::IniFormat);
    settings.setValue("model/folder", i2v::ui::MainWindow::demoModelDir());
    settings.setValue("output/folder", tmp.filePath("out"));
    i2v::ui::MainWindow window(&settings, nullptr, tmp.filePath("history.sqlite"));
    window.resize(size);
    window.show();
    if (!waitFor([&] { return window.isModelReady() || !window.errorText().isEmpty(); }, 60000) ||
        !window.isModelReady()) {
        QTextStream(stderr) << "the demo model did not load: " << window.errorText() << '\n';
        return 1;
    }

    const QString picture = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    if (!picture.isEmpty()) {
        window.dropZone()->loadFile(picture);
        if (!waitFor([&] { return !window.dropZone()->isReading(); }, 60000) || !window.dropZone()->hasImage()) {
            QTextStream(stderr) << "the picture did not load: " << window.errorText() << '\n';
            return 1;
        }
    }
    child<QPlainTextEdit>(window, "prompt")->setPlainText(QStringLiteral("A red fox jumping over a frozen river"));
    auto* preset = child<QComboBox>(window, "sizePreset");
    preset->setCurrentIndex(preset->count() - 1);  // Custom
    child<QSpinBox>(window, "width")->setValue(256);
    child<QSpinBox>(window, "height")->setValue(160);
    child<QSpinBox>(window, "frames")->setValue(8);
    child<QSpinBox>(window, "steps")->setValue(12);
    child<QSpinBox>(window, "seed")->setValue(42);
    child<QCheckBox>(window, "seedLock")->setChecked(true);
    child<QSpinBox>(window, "runs")->setValue(3);
    if (!save(window, outDir + "/main-idle" + suffix))
        return 1;

    // Generating: the preview of the first job half-way, the second job waiting in the queue.
    bool grabbed = false;
    QObject::connect(window.jobs()->worker(), &i2v::ui::GenerationWorker::stepProgress, &window, [&](int, int step, int total) {
        if (!grabbed && step >= total / 2) {
            grabbed = true;
            save(window, outDir + "/main-generating" + suffix);
        }
    });
    window.generate();
    if (!waitFor([&] { return !window.jobs()->isGenerating(); }, 300000)) {
        QTextStream(stderr) << "generation did not end\n";
        return 1;
    }
    if (!window.errorText().isEmpty()) {
        QTextStream(stderr) << window.errorText() << '\n';
        return 1;
    }
    // Playing the result: the encoded file through Qt Multimedia, or the frame player when it cannot.
    waitFor([&] { return !window.resultView()->isOpening(); }, 10000);
    waitFor([] { return false; }, 800);
    if (!grabbed || !save(window, outDir + "/main-result" + suffix))
        return 1;

    // The gallery of the three clips, the newest selected.
    auto* galleryDock = window.findChild<QDockWidget*>(QStringLiteral("galleryDock"));
    if (!galleryDock)
        return 1;
    galleryDock->raise();
    window.gallery()->selectEntry(window.gallery()->entryIdAt(0));
    if (!save(window, outDir + "/gallery" + suffix))
        return 1;

    // The Models window over the main window, as File > Models… opens it.
    window.openModels();
    i2v::ui::ModelsDialog* models = window.modelsDialog();
    if (!models)
        return 1;
    waitFor([] { return false; }, 1500);  // the folders and the cache are scanned on a thread
    return save(*models, outDir + "/models" + suffix) ? 0 : 1;
}
