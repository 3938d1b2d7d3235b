// JobStatusBar: the window's status bar. Its line says what the app is doing (the model loading, ready or not,
// the running job's stage, a result, an export) and its progress bar counts the running job's steps; both follow
// the JobController and the ActiveModel by themselves (a result: done, not saved, or shown from the gallery), and
// the commands put their own stages there too (showStage). Temporary messages (QStatusBar::showMessage) cover
// the line, never the progress bar.
#pragma once
#include <QStatusBar>

class QLabel;
class QProgressBar;

namespace i2v::ui {

class ActiveModel;
class JobController;

class JobStatusBar : public QStatusBar {
    Q_OBJECT
public:
    // Follows `jobs` and `model` (not owned), which must outlive it or be disconnected from it first.
    JobStatusBar(JobController* jobs, const ActiveModel* model, QWidget* parent = nullptr);

    void showStage(const QString& text);
    // A job is about to start: "Starting…", and its `steps` on the progress bar before the first one reports.
    void showStarting(int steps);
    // Another permanent widget at the right (the window's download status), left of the job's progress bar.
    void addPermanentWidgetBeforeProgress(QWidget* widget);

private:
    JobController* jobs_;
    QLabel* stage_;
    QProgressBar* progress_;
};

} // namespace i2v::ui
