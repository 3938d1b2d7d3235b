// JobQueueModel: the jobs of this session as the queue panel lists them (Shotcut's JobQueue shape: the
// view only observes). One row per job with its seed, state, stage and step progress; the window
// feeds it from the GenerationWorker's signals.
#pragma once
#include "ui/JobRequest.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace i2v::ui {

// NotSaved: the frames were made but the video file could not be written (they can still be exported).
enum class JobState { Queued, Running, Finished, NotSaved, Cancelled, Failed };

class JobQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { JobColumn, SeedColumn, StateColumn, ProgressColumn, TimeColumn, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, StateRole, StepRole, TotalRole };

    explicit JobQueueModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void addJob(const JobRequest& request);  // request.id must be set
    void setRunning(int jobId);
    void setStage(int jobId, const QString& stage);
    void setProgress(int jobId, int step, int total);
    // The Time column: a queued job's estimate, a running job's elapsed time and what is left, an ended
    // job's duration. Negative: unknown.
    void setTiming(int jobId, double elapsedSeconds, double remainingSeconds);
    void setEnded(int jobId, JobState state, const QString& message = {});
    void removeEnded();  // drops finished, cancelled and failed rows

    int rowOf(int jobId) const;  // -1 when absent
    int jobIdAt(int row) const;
    JobState stateOf(int jobId) const;  // Queued when absent
    int stepOf(int jobId) const;
    bool hasUnfinished() const;  // a job is queued or running
    QList<int> jobIds() const;

    static QString stateText(JobState state);
    static QString clockText(double seconds);  // "0:42", "12:05", "3:10:00"
    static bool isEnded(JobState state) { return state != JobState::Queued && state != JobState::Running; }

private:
    struct Row {
        int id = 0;
        quint64 seed = 0;
        QString prompt;
        JobState state = JobState::Queued;
        QString stage;
        QString message;
        int step = 0;
        int total = 0;
        double elapsed = -1, remaining = -1;
    };
    void changed(int row);
    static QString timeText(const Row& row);

    QList<Row> rows_;
};

} // namespace i2v::ui
