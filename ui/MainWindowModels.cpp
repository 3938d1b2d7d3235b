// MainWindow's model side (the window is laid out in MainWindow.cpp): the folder the user chooses or the one
// picked when none is chosen, what the window shows of the ActiveModel (the error banner, the buttons), the
// Models window, and switching to a model once its download is done (the download itself belongs to the
// DownloadController, which runs it on its own thread).
#include "ui/MainWindow.h"

#include "ui/ActiveModel.h"
#include "ui/DemoBanner.h"
#include "ui/DownloadController.h"
#include "ui/ModelLocations.h"
#include "ui/ModelsDialog.h"

#include "hub/RepoId.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>

namespace i2v::ui {

ModelsDialog* MainWindow::modelsDialog() const { return models_.data(); }

QString MainWindow::automaticModelDir() const { return ui::automaticModelDir(app_.hub.toHubSettings().cacheDir); }

void MainWindow::setModelFolder(const QString& dir) {
    app_.modelDir = dir;
    loadModelFolder(dir);
}

void MainWindow::loadModelFolder(const QString& dir) { model_->load(dir, app_.engine); }

void MainWindow::loadStartModel() {
    // The user's choice when it is still there (a folder on a disk that is not mounted stays chosen), else
    // the best model found; only a choice is ever stored.
    QString model = app_.modelDir;
    if (!isModelFolder(model))
        model = automaticModelDir();
    if (model.isEmpty())
        reportError(ErrorBanner::Topic::Model, tr("No model found: download I2VGen-XL or choose a model folder (File ▸ Models…)"));
    else
        loadModelFolder(model);
}

void MainWindow::loadPreferredModel() {
    const QString dir = app_.modelDir.isEmpty() ? automaticModelDir() : app_.modelDir;
    if (isModelFolder(dir))
        loadModelFolder(dir);
    else
        reportError(ErrorBanner::Topic::Model, tr("%1 is not a model folder (no model_index.json)").arg(QDir::toNativeSeparators(dir)));
}

void MainWindow::useAutomaticModel() {
    app_.modelDir.clear();
    app_.save(*settings_);
    const QString dir = automaticModelDir();
    if (dir.isEmpty())
        reportError(ErrorBanner::Topic::Model, tr("No model found: download I2VGen-XL or choose a model folder (File ▸ Models…)"));
    else
        loadModelFolder(dir);
}

void MainWindow::chooseModelFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose an I2VGen-XL model folder"), model_->folder());
    if (!dir.isEmpty())
        setModelFolder(dir);
}

void MainWindow::onModelLoading(const QString& dir) {
    if (models_)
        models_->setCurrentModel(dir);
    errorBanner_->clearTopic(ErrorBanner::Topic::Model);
    updateButtons();
}

void MainWindow::onModelReady() {
    errorBanner_->clearTopic(ErrorBanner::Topic::Model);
    updateButtons();
}

void MainWindow::onModelFailed(const QString& dir, const QString& message) {
    // The engine names the file and what is wrong with it: Details keeps that for whoever fixes the folder.
    errorBanner_->showDetailedMessage(ErrorBanner::Topic::Model,
                                      tr("The model in %1 could not be loaded. Download I2VGen-XL again or choose another "
                                         "model folder (File ▸ Models…).")
                                          .arg(QDir::toNativeSeparators(dir)),
                                      message);
    updateButtons();
}

void MainWindow::openModels() {
    if (!models_) {
        models_ = new ModelsDialog(downloads_, settings_, appModelsDir(), this);
        connect(models_, &ModelsDialog::useModelRequested, this, &MainWindow::setModelFolder);
        connect(models_, &ModelsDialog::modelRemoved, this, [this](const QString& dir) {
            // The model in use is gone from the disk: pick the next best one rather than fail on the next job.
            if (isSameFolder(dir, model_->folder()) || !QFileInfo::exists(model_->folder())) {
                if (isSameFolder(app_.modelDir, dir))
                    app_.modelDir.clear();
                useAutomaticModel();
            }
            demoBanner_->refresh();
        });
    }
    models_->setCurrentModel(model_->folder());
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

void MainWindow::connectDownloads() {
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
