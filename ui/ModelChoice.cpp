#include "ui/ModelChoice.h"

#include "ui/ActiveModel.h"
#include "ui/DownloadController.h"
#include "ui/ModelLocations.h"
#include "ui/ModelsDialog.h"

#include "hub/RepoId.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace i2v::ui {

ModelChoice::ModelChoice(ActiveModel* model, DownloadController* downloads, QSettings* settings, QWidget* window)
    : QObject(window), model_(model), downloads_(downloads), settings_(settings), window_(window) {
    connect(model_, &ActiveModel::loading, this, [this](const QString& dir) {
        if (models_)
            models_->setCurrentModel(dir);
    });
    connect(downloads_, &DownloadController::finished, this, &ModelChoice::useDownloaded);
}

void ModelChoice::setPreferences(const AppSettings& preferences) {
    const bool otherCache = preferences.hub != hub_;
    chosen_ = preferences.modelDir;
    engine_ = preferences.engine;
    hub_ = preferences.hub;
    if (otherCache && models_)   // another cache folder holds other models
        models_->refresh();
}

QString ModelChoice::automaticFolder() const { return automaticModelDir(hub_.toHubSettings().cacheDir); }

ModelsDialog* ModelChoice::modelsDialog() const { return models_.data(); }

void ModelChoice::loadAtStart() {
    QString model = chosen_;
    if (!isModelFolder(model))
        model = automaticFolder();
    if (model.isEmpty())
        emit notFound(tr("No model found: download I2VGen-XL or choose a model folder (File ▸ Models…)"));
    else
        load(model);
}

void ModelChoice::loadPreferred() {
    const QString dir = chosen_.isEmpty() ? automaticFolder() : chosen_;
    if (isModelFolder(dir))
        load(dir);
    else
        emit notFound(tr("%1 is not a model folder (no model_index.json)").arg(QDir::toNativeSeparators(dir)));
}

void ModelChoice::choose(const QString& dir) {
    setChoice(dir);
    load(dir);
}

void ModelChoice::askForFolder() {
    const QString dir = QFileDialog::getExistingDirectory(window_, tr("Choose an I2VGen-XL model folder"), model_->folder());
    if (!dir.isEmpty())
        choose(dir);
}

void ModelChoice::openModels() {
    if (!models_) {
        models_ = new ModelsDialog(downloads_, settings_, appModelsDir(), window_);
        connect(models_, &ModelsDialog::useModelRequested, this, &ModelChoice::choose);
        connect(models_, &ModelsDialog::modelRemoved, this, [this](const QString& dir) {
            // The model in use is gone from the disk: the next best one rather than a failure on the next job.
            if (isSameFolder(dir, model_->folder()) || !QFileInfo::exists(model_->folder()))
                useAutomatic();
            emit modelRemoved();
        });
    }
    models_->setCurrentModel(model_->folder());
    models_->show();
    models_->raise();
    models_->activateWindow();
}

void ModelChoice::downloadDefaultModel() {
    openModels();
    if (downloads_->state() == DownloadController::State::Paused)
        downloads_->resume();
    else if (!downloads_->isActive())
        downloads_->start(QString::fromLatin1(hub::kDefaultModelRepo), QStringLiteral("fp16"));
}

void ModelChoice::useAutomatic() {
    setChoice(QString());
    const QString dir = automaticFolder();
    if (dir.isEmpty())
        emit notFound(tr("No model found: download I2VGen-XL or choose a model folder (File ▸ Models…)"));
    else
        load(dir);
}

void ModelChoice::useDownloaded(const QString& repo, const QString& snapshotDir) {
    if (models_)
        models_->refresh();
    setChoice(isSameFolder(automaticFolder(), snapshotDir) ? QString() : snapshotDir);
    load(snapshotDir);
    emit notice(tr("%1 is downloaded and verified; the window now uses it").arg(repo));
}

void ModelChoice::setChoice(const QString& dir) {
    chosen_ = dir;
    emit choiceChanged(dir);
}

void ModelChoice::load(const QString& dir) { model_->load(dir, engine_); }

} // namespace i2v::ui
