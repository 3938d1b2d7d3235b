#include "ui/ActiveModel.h"

#include "ui/JobController.h"

namespace i2v::ui {

ActiveModel::ActiveModel(JobController* jobs, QObject* parent) : QObject(parent), jobs_(jobs) {
    connect(jobs_, &JobController::modelLoaded, this, [this](const QString& dir, const QString& scheduler, qint64 parameters) {
        if (dir != dir_)
            return;
        ready_ = true;
        parameters_ = parameters;
        emit ready(dir, scheduler, parameters);
    });
    connect(jobs_, &JobController::modelFailed, this, [this](const QString& dir, const QString& message) {
        if (dir != dir_)
            return;
        ready_ = false;
        emit failed(dir, message);
    });
}

void ActiveModel::load(const QString& dir, const EngineSettings& engine) {
    dir_ = dir;
    ready_ = false;
    parameters_ = 0;
    emit loading(dir);
    jobs_->loadModel(dir, engine);
}

bool ActiveModel::needsReload(const AppSettings& before, const AppSettings& after) {
    return after.modelDir != before.modelDir || after.engine != before.engine;
}

} // namespace i2v::ui
