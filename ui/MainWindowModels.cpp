// MainWindow, third part: the models. Which model loads when the user chose none, what the DemoBanner is told,
// the Models window, and switching to a model once its download is done (the download itself belongs to the
// DownloadController, which runs it on its own thread).
#include "ui/MainWindow.h"

#include "ui/DemoBanner.h"
#include "ui/DownloadController.h"
#include "ui/ModelLocations.h"
#include "ui/ModelsDialog.h"

#include "hub/RepoId.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>

namespace i2v::ui {

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
            if (isSameFolder(dir, modelDir_) || !QFileInfo::exists(modelDir_)) {
                if (isSameFolder(app_.modelDir, dir))
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
    if (!modelReady_ || !DemoBanner::isFor(modelDir_, modelParameters_)) {
        demoBanner_->setVisible(false);
        return;
    }
    DemoBanner::Situation s;
    s.modelDir = modelDir_;
    s.parameters = modelParameters_;
    s.automaticModelDir = automaticModelDir();
    s.downloading = downloads_->isActive() || downloads_->state() == DownloadController::State::Paused;
    s.downloadPercent = downloads_->status().total > 0 ? int(downloads_->fraction() * 100) : -1;
    s.hubEndpoint = QString::fromStdString(app_.hub.toHubSettings().endpoint);
    demoBanner_->showFor(s);
}

void MainWindow::connectDownloads() {
    connect(downloads_, &DownloadController::stateChanged, this, &MainWindow::updateDemoBanner);
    connect(downloads_, &DownloadController::progress, this, [this] {
        if (downloads_->state() == DownloadController::State::Running && downloads_->status().total > 0)
            demoBanner_->showDownloadPercent(int(downloads_->fraction() * 100));
    });
    connect(downloads_, &DownloadController::finished, this, &MainWindow::onDownloadFinished);
    connect(downloads_, &DownloadController::failed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("The model download stopped: %1").arg(message), 15000);
    });
}

void MainWindow::onDownloadFinished(const QString& repo, const QString& snapshotDir) {
    if (models_)
        models_->refresh();
    // Downloading a model is asking for it: switch to it. When it is what the window would pick by itself anyway,
    // no choice is stored, so that a later, newer download is picked up too.
    if (isSameFolder(automaticModelDir(), snapshotDir))
        app_.modelDir.clear();
    else
        app_.modelDir = snapshotDir;
    app_.save(*settings_);
    settings_->sync();
    loadModelFolder(snapshotDir);
    statusBar()->showMessage(tr("%1 is downloaded and verified; the window now uses it").arg(repo), 10000);
}

} // namespace i2v::ui
