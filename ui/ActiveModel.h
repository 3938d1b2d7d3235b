// ActiveModel: the model the window works with: the folder last asked to load, whether it is ready and how
// many parameters it has. It asks the JobController to load a folder and passes on the answer for that folder
// only (a late answer for a folder the user has since left is dropped). Which folder to use (the user's choice,
// else ModelLocations' automatic one) is the window's decision; the window turns the signals into its banners,
// status line, form and buttons.
#pragma once
#include "ui/AppSettings.h"

#include <QObject>
#include <QString>

namespace i2v::ui {

class JobController;

class ActiveModel : public QObject {
    Q_OBJECT
public:
    // Loads through `jobs` (not owned), which must outlive it or be disconnected from it first.
    explicit ActiveModel(JobController* jobs, QObject* parent = nullptr);

    QString folder() const { return dir_; }
    bool isReady() const { return ready_; }
    qint64 parameters() const { return parameters_; }  // 0 until ready

    // Loads `dir` with `engine`: loading(dir) at once, then ready or failed.
    void load(const QString& dir, const EngineSettings& engine);
    // Whether new preferences need the model loaded again: another chosen folder, or other engine settings.
    static bool needsReload(const AppSettings& before, const AppSettings& after);

signals:
    void loading(const QString& dir);
    void ready(const QString& dir, const QString& defaultScheduler, qint64 parameters);
    void failed(const QString& dir, const QString& message);

private:
    JobController* jobs_;
    QString dir_;
    qint64 parameters_ = 0;
    bool ready_ = false;
};

} // namespace i2v::ui
