// MainWindow, third part: the models. Which model loads when the user chose none, the demo banner and its
// download button, the Models window, and the model download as the status bar shows it (the download itself
// belongs to the DownloadController, which runs it on its own thread).
#include "ui/MainWindow.h"

#include "ui/DownloadController.h"
#include "ui/DownloadPanel.h"
#include "ui/ModelLocations.h"
#include "ui/ModelsDialog.h"

#include "hub/RepoId.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>

namespace i2v::ui {
namespace {

// The demo model has random weights and a few million parameters; the real UNet alone has over a billion.
constexpr qint64 kDemoParameterLimit = 100'000'000;

QString sameFolder(const QString& dir) {
    const QString c = QFileInfo(dir).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(dir) : c;
}

} // namespace

ModelsDialog* MainWindow::modelsDialog() const { return models_.data(); }

QString MainWindow::automaticModelDir() const { return ui::automaticModelDir(app_.hub.toHubSettings().cacheDir); }

void MainWindow::useAutomaticModel() {
    app_.modelDir.clear();
    app_.save(*settings_);
    const QString dir = automaticModelDir();
    if (dir.isEmpty())
        reportError(ErrorBanner::Topic::Model, tr("No model found: download I2VGen-XL or choose a model folder (File ▸ Models…)"));
    else
        loadModelFolder(dir);
}

void MainWindow::openModels() {
    if (!models_) {
        models_ = new ModelsDialog(downloads_, settings_, appModelsDir(), this);
        connect(models_, &ModelsDialog::useModelRequested, this, &MainWindow::setModelFolder);
        connect(models_, &ModelsDialog::modelRemoved, this, [this](const QString& dir) {
            // The model in use is gone from the disk: pick the next best one rather than fail on the next job.
            if (sameFolder(dir) == sameFolder(modelDir_) || !QFileInfo::exists(modelDir_)) {
                if (sameFolder(app_.modelDir) == sameFolder(dir))
                    app_.modelDir.clear();
                useAutomaticModel();
            }
            updateDemoBanner();
        });
    }
    models_->setCurrentModel(modelDir_);
    models_->show();
    models_->raise();
    models_->activateWindow();
}

void MainWindow::startModelDownload() {
    openModels();
    if (downloads_->state() == DownloadController::State::Paused)
        downloads_->resume();
    else if (!downloads_->isActive())
        downloads_->start(QString::fromLatin1(hub::kDefaultModelRepo), QStringLiteral("fp16"));
}

void MainWindow::updateDemoBanner() {
    const bool demo = modelReady_ && (modelParameters_ < kDemoParameterLimit || sameFolder(modelDir_) == demoModelDir());
    if (!demo) {
        demoBar_->setVisible(false);
        return;
    }
    const QString real = automaticModelDir();
    const bool realHere = !real.isEmpty() && sameFolder(real) != demoModelDir();
    const bool downloading = downloads_->isActive() || downloads_->state() == DownloadController::State::Paused;
    if (realHere && sameFolder(real) == sameFolder(modelDir_))
        // A model where the real one belongs, yet with a few million parameters: a test checkpoint.
        demoBanner_->setText(tr("This model has only %1 million parameters: it is a test checkpoint with random "
                                "weights, and its videos are noise.")
                                 .arg(modelParameters_ / 1'000'000));
    else if (realHere)
        demoBanner_->setText(tr("Random-weight demo model: videos are noise. The real I2VGen-XL weights are on this "
                                "computer: choose them in File ▸ Models…"));
    else
        demoBanner_->setText(tr("Random-weight demo model: videos are noise. Download the real I2VGen-XL weights with "
                                "the button (or `i2v download` on the command line), or put them in %1.")
                                 .arg(QDir::toNativeSeparators(defaultRealModelDir())));
    downloadButton_->setVisible(!realHere || downloading);
    if (!DownloadController::available()) {
        downloadButton_->setEnabled(false);
        downloadButton_->setToolTip(DownloadController::unavailableReason());
    } else {
        downloadButton_->setText(!downloading ? tr("Download I2VGen-XL (fp16, about 5 GB)")
                                 : downloads_->status().total > 0
                                     ? tr("Show the download (%1 %)").arg(int(downloads_->fraction() * 100))
                                     : tr("Show the download"));
        downloadButton_->setToolTip(downloading ? QString()
                                                : tr("From %1 into the shared model cache; the Models window shows "
                                                     "the progress")
                                                      .arg(QString::fromStdString(app_.hub.toHubSettings().endpoint)));
    }
    demoBar_->setVisible(true);
}

void MainWindow::updateDownloadStatus() {
    using State = DownloadController::State;
    const DownloadStatus& st = downloads_->status();
    const QString percent = QString::number(int(downloads_->fraction() * 100));
    QString text;
    switch (downloads_->state()) {
    case State::Running:
        text = st.total > 0 ? tr("Downloading %1: %2 % (%3 of %4)")
                                  .arg(downloads_->repo(), percent, DownloadPanel::bytesText(st.done),
                                       DownloadPanel::bytesText(st.total))
                            : tr("Downloading %1: starting…").arg(downloads_->repo());
        if (const QString left = DownloadPanel::timeLeftText(st.etaSeconds); st.total > 0 && !left.isEmpty())
            text += QStringLiteral(", ") + left;
        break;
    case State::Pausing: text = tr("Pausing the download…"); break;
    case State::Cancelling: text = tr("Cancelling the download…"); break;
    case State::Paused: text = tr("Download paused at %1 %").arg(percent); break;
    case State::Failed: text = tr("Download stopped: see Models…"); break;
    case State::Idle:
    case State::Finished: break;
    }
    downloadStatus_->setText(text);
    downloadStatus_->setVisible(!text.isEmpty());
    if (downloads_->state() == State::Running && downloads_->status().total > 0 && DownloadController::available())
        downloadButton_->setText(tr("Show the download (%1 %)").arg(percent));
}

void MainWindow::onDownloadFinished(const QString& repo, const QString& snapshotDir) {
    if (models_)
        models_->refresh();
    // Downloading a model is asking for it: switch to it. When it is what the window would pick by itself anyway,
    // no choice is stored, so that a later, newer download is picked up too.
    if (sameFolder(automaticModelDir()) == sameFolder(snapshotDir))
        app_.modelDir.clear();
    else
        app_.modelDir = snapshotDir;
    app_.save(*settings_);
    settings_->sync();
    loadModelFolder(snapshotDir);
    statusBar()->showMessage(tr("%1 is downloaded and verified; the window now uses it").arg(repo), 10000);
}

} // namespace i2v::ui
