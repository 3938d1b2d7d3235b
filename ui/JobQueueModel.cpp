#include "ui/JobQueueModel.h"

namespace i2v::ui {

JobQueueModel::JobQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

int JobQueueModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int JobQueueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString JobQueueModel::stateText(JobState state) {
    switch (state) {
    case JobState::Queued: return tr("Waiting");
    case JobState::Running: return tr("Running");
    case JobState::Finished: return tr("Done");
    case JobState::NotSaved: return tr("Not saved");
    case JobState::Cancelled: return tr("Cancelled");
    case JobState::Failed: return tr("Failed");
    }
    return {};
}

QVariant JobQueueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const Row& r = rows_.at(index.row());
    switch (role) {
    case JobIdRole: return r.id;
    case StateRole: return int(r.state);
    case StepRole: return r.step;
    case TotalRole: return r.total;
    case Qt::ToolTipRole: return r.message.isEmpty() ? r.prompt : r.message;
    case Qt::DisplayRole:
        switch (index.column()) {
        // The whole prompt: the view elides it at the column's width.
        case JobColumn:
            return r.prompt.isEmpty() ? tr("#%1 (no prompt)").arg(r.id) : tr("#%1 %2").arg(r.id).arg(r.prompt);
        case SeedColumn: return QString::number(r.seed);
        case StateColumn:
            return r.state == JobState::Running && !r.stage.isEmpty() ? r.stage : stateText(r.state);
        case ProgressColumn: return r.total > 0 ? tr("%1 / %2").arg(r.step).arg(r.total) : QString();
        case TimeColumn: return timeText(r);
        }
        break;
    default: break;
    }
    return {};
}

QVariant JobQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case JobColumn: return tr("Job");
    case SeedColumn: return tr("Seed");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case TimeColumn: return tr("Time");
    }
    return {};
}

void JobQueueModel::addJob(const JobRequest& request) {
    beginInsertRows({}, int(rows_.size()), int(rows_.size()));
    Row r;
    r.id = request.id;
    r.seed = request.generation.seed;
    r.prompt = request.prompt().simplified();
    r.total = request.generation.numInferenceSteps;
    rows_.push_back(r);
    endInsertRows();
}

void JobQueueModel::changed(int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); }

void JobQueueModel::setRunning(int jobId) {
    if (const int row = rowOf(jobId); row >= 0) {
        rows_[row].state = JobState::Running;
        changed(row);
    }
}

void JobQueueModel::setStage(int jobId, const QString& stage) {
    if (const int row = rowOf(jobId); row >= 0) {
        rows_[row].stage = stage;
        changed(row);
    }
}

void JobQueueModel::setProgress(int jobId, int step, int total) {
    if (const int row = rowOf(jobId); row >= 0) {
        rows_[row].step = step;
        rows_[row].total = total;
        changed(row);
    }
}

void JobQueueModel::setTiming(int jobId, double elapsedSeconds, double remainingSeconds) {
    if (const int row = rowOf(jobId); row >= 0) {
        rows_[row].elapsed = elapsedSeconds;
        rows_[row].remaining = remainingSeconds;
        emit dataChanged(index(row, TimeColumn), index(row, TimeColumn));
    }
}

QString JobQueueModel::clockText(double seconds) {
    const qint64 s = qMax<qint64>(0, qRound64(seconds));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString JobQueueModel::timeText(const Row& r) {
    switch (r.state) {
    case JobState::Queued: return r.remaining >= 0 ? tr("about %1").arg(clockText(r.remaining)) : QString();
    case JobState::Running:
        if (r.elapsed < 0)
            return {};
        return r.remaining >= 0 ? tr("%1, %2 left").arg(clockText(r.elapsed), clockText(r.remaining)) : clockText(r.elapsed);
    default: return r.elapsed >= 0 ? clockText(r.elapsed) : QString();
    }
}

void JobQueueModel::setEnded(int jobId, JobState state, const QString& message) {
    if (const int row = rowOf(jobId); row >= 0) {
        rows_[row].state = state;
        rows_[row].message = message;
        rows_[row].stage.clear();
        changed(row);
    }
}

void JobQueueModel::removeEnded() {
    for (int row = int(rows_.size()) - 1; row >= 0; --row)
        if (isEnded(rows_.at(row).state)) {
            beginRemoveRows({}, row, row);
            rows_.removeAt(row);
            endRemoveRows();
        }
}

int JobQueueModel::rowOf(int jobId) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_.at(i).id == jobId)
            return i;
    return -1;
}

int JobQueueModel::jobIdAt(int row) const { return row >= 0 && row < rows_.size() ? rows_.at(row).id : 0; }

JobState JobQueueModel::stateOf(int jobId) const {
    const int row = rowOf(jobId);
    return row >= 0 ? rows_.at(row).state : JobState::Queued;
}

int JobQueueModel::stepOf(int jobId) const {
    const int row = rowOf(jobId);
    return row >= 0 ? rows_.at(row).step : 0;
}

bool JobQueueModel::hasUnfinished() const {
    for (const Row& r : rows_)
        if (!isEnded(r.state))
            return true;
    return false;
}

QList<int> JobQueueModel::jobIds() const {
    QList<int> ids;
    for (const Row& r : rows_)
        ids << r.id;
    return ids;
}

} // namespace i2v::ui
