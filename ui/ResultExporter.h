// ResultExporter: Export… of the shown result, the job that just ended or a gallery entry's video: whether it can
// run now, the questions it asks (ExportFlow), then the JobController writes the file on a thread of its own.
// A gallery entry's Export… waits for its video to be read and shown (exportWhenShown).
#pragma once
#include <QObject>
#include <QString>

class QSettings;
class QWidget;

namespace i2v::ui {

class JobController;

class ResultExporter : public QObject {
    Q_OBJECT
public:
    // Exports `jobs`' result (not owned, which must outlive it or be disconnected from it first); `settings` (not
    // owned) keep the last choices; the questions open over `window`, which is also the parent.
    ResultExporter(JobController* jobs, QSettings* settings, QWidget* window);

    // Where the first export proposes to write: the output folder of the preferences.
    void setOutputFolder(const QString& folder) { outputFolder_ = folder; }
    // A result is shown, no export runs, and this build can write videos.
    bool canExport() const;
    // Where Export… proposes to write the result in `format` (ExportFlow::suggestedPath).
    QString suggestedPath(const QString& format) const;
    // Export… of the gallery entry `historyId` once its video is the shown result (JobController::openPastResult).
    void exportWhenShown(qint64 historyId) { awaited_ = historyId; }

public slots:
    // Asks for the format and the file, then has the JobController write it; nothing when !canExport().
    void exportResult();

private:
    JobController* jobs_;
    QSettings* settings_;
    QWidget* window_;
    QString outputFolder_;
    qint64 awaited_ = 0;  // the gallery entry whose Export… waits for its video to be read
};

} // namespace i2v::ui
