// Shared by the gui tests: a MainWindow on the demo model with its settings, history and output folder
// in a temporary directory, and small helpers to set the controls by object name and wait for jobs.
#pragma once
#include "support/TestData.h"

#include "ui/DropZone.h"
#include "ui/FrameExport.h"
#include "ui/GenerationForm.h"
#include "ui/JobController.h"
#include "ui/MainWindow.h"
#include "util/Runtime.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

namespace i2v::test {

template <class T> T* childOf(QObject* parent, const char* name) {
    T* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

inline QString goldenImagePath() { return QString::fromStdString(goldenInputImage().string()); }
inline QString demoModelPath() { return QString::fromStdString(tinyModelDir().string()); }

// Settings pointing at the demo model and at `dir`/out for the written videos.
inline std::unique_ptr<QSettings> makeSettings(const QTemporaryDir& dir, const QString& name = "settings.ini") {
    auto s = std::make_unique<QSettings>(dir.filePath(name), QSettings::IniFormat);
    s->setValue("model/folder", demoModelPath());
    s->setValue("output/folder", dir.filePath("out"));
    s->sync();
    return s;
}

// Clicks the button named `buttonName` of the next modal dialog (a question the window asks), once it shows.
inline void clickInNextDialog(const char* buttonName) {
    QTimer::singleShot(0, [name = QLatin1String(buttonName)] {
        if (QWidget* modal = QApplication::activeModalWidget())
            if (auto* button = modal->findChild<QAbstractButton*>(name))
                button->click();
    });
}

// A picture is read on a pool thread (DropZone): waits until no read is running.
inline bool waitForPicture(const ui::DropZone* zone) {
    return QTest::qWaitFor([zone] { return !zone->isReading(); }, 30000);
}

// Opens `path` in the picture zone as Open… does and waits for it: true when it is the picture shown.
inline bool readPicture(ui::DropZone* zone, const QString& path) {
    zone->loadFile(path);
    return waitForPicture(zone) && zone->hasImage() && zone->imagePath() == path;
}

inline bool waitForModel(ui::MainWindow& w) {
    return QTest::qWaitFor([&] { return w.isModelReady() || !w.errorText().isEmpty(); }, 30000) && w.isModelReady();
}

// The small job the gui suite runs: 96x64, 4 frames, `steps` steps, seed locked at `seed`.
inline void setSmallJob(ui::MainWindow& w, int steps, int seed = 1234, int runs = 1) {
    auto* preset = childOf<QComboBox>(&w, "sizePreset");
    preset->setCurrentIndex(preset->count() - 1);  // Custom
    childOf<QSpinBox>(&w, "width")->setValue(96);
    childOf<QSpinBox>(&w, "height")->setValue(64);
    childOf<QSpinBox>(&w, "frames")->setValue(4);
    childOf<QSpinBox>(&w, "steps")->setValue(steps);
    childOf<QSpinBox>(&w, "seed")->setValue(seed);
    childOf<QCheckBox>(&w, "seedLock")->setChecked(true);
    childOf<QSpinBox>(&w, "runs")->setValue(runs);
}

// What the Settings dialog is told of the machine: with or without a CUDA GPU, with or without bf16 hardware.
inline RuntimeInfo machine(bool cuda, bool fastBf16 = false) {
    RuntimeInfo info;
    info.cudaAvailable = cuda;
    if (!cuda)
        info.cudaProblem = "no NVIDIA GPU with a working driver was found";
    info.cpu.avx2 = info.cpu.avx512 = true;
    info.cpu.avx512Bf16 = fastBf16;
    return info;
}

// Test mode keeps QStandardPaths (and the default history database) away from the user's data;
// a stale database of an earlier run is removed.
inline void enterTestMode() {
    QStandardPaths::setTestModeEnabled(true);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

// Qt's offscreen platform with one screen of `size` whose windows get frames, as under a window manager (Qt's
// default offscreen screen is 800x800 and frameless). Call before the QApplication is made; `dir` keeps the
// configuration file.
inline bool useOffscreenScreen(const QTemporaryDir& dir, QSize size) {
    QFile config(dir.filePath("screen.json"));
    if (!config.open(QIODevice::WriteOnly))
        return false;
    config.write(QStringLiteral(R"({"windowFrameMargins": true, "screens": [{"name": "screen", "x": 0, "y": 0,
                 "width": %1, "height": %2, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                     .arg(size.width()).arg(size.height()).toUtf8());
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.fileName().toUtf8());
    return true;
}

// QTEST_MAIN for a gui test that runs on such a screen.
#define I2V_GUI_TEST_MAIN_ON_SCREEN(TestClass, width, height)                                                   \
    int main(int argc, char** argv) {                                                                           \
        QTemporaryDir screenDir;                                                                                \
        if (!i2v::test::useOffscreenScreen(screenDir, QSize(width, height)))                                    \
            return 1;                                                                                           \
        QApplication app(argc, argv);                                                                           \
        TestClass test;                                                                                         \
        QTEST_SET_MAIN_SOURCE_PATH                                                                              \
        return QTest::qExec(&test, argc, argv);                                                                 \
    }

} // namespace i2v::test
