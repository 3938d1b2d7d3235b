// UnfinishedJobsBanner: the strip above the window's panels while jobs from an earlier run of the app are waiting
// (UnfinishedJobs: closed or crashed while they ran or waited, or failed after some steps). It says which and how far
// they got, and offers to go on with them (each from its last saved step) or to discard them, after asking, since
// that loses the steps they finished. It follows the JobController by itself.
#pragma once
#include <QFrame>

class QLabel;
class QPushButton;

namespace i2v::ui {

class JobController;
struct UnfinishedJob;

class UnfinishedJobsBanner : public QFrame {
    Q_OBJECT
public:
    explicit UnfinishedJobsBanner(JobController* jobs, QWidget* parent = nullptr);
    // Shown while there are unfinished jobs that are not queued.
    void refresh();
    // What the banner says about `jobs` (for the tests and the tooltip).
    static QString describe(const QList<UnfinishedJob>& jobs);

private:
    void discard();

    JobController* jobs_;
    QLabel* text_;
    QPushButton* resume_;
    QPushButton* discard_;
};

} // namespace i2v::ui
