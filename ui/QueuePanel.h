// QueuePanel: the job queue as a list (each job's seed, state and step progress drawn as a bar) with
// Cancel job, Cancel all and Clear finished. It only shows a JobQueueModel and asks for cancellations.
#pragma once
#include <QWidget>

class QPushButton;
class QTreeView;

namespace i2v::ui {

class JobQueueModel;

class QueuePanel : public QWidget {
    Q_OBJECT
public:
    explicit QueuePanel(JobQueueModel* model, QWidget* parent = nullptr);
    QTreeView* view() const { return view_; }
    int selectedJob() const;  // 0 when none
    void selectJob(int jobId);

signals:
    void cancelJobRequested(int jobId);
    void cancelAllRequested();

private:
    void updateButtons();

    JobQueueModel* model_;
    QTreeView* view_;
    QPushButton* cancelJob_;
    QPushButton* cancelAll_;
    QPushButton* clear_;
};

} // namespace i2v::ui
