// GalleryController: the Gallery dock's side that talks to the job history. It keeps the GalleryPanel in step with
// the JobHistory (its entries at start, each new one) and carries out what an entry asks for: Play (the past
// video becomes the shown result, so that Export… and Continue act on it), Export… (the same, then the
// ResultExporter's questions), Reuse settings, Continue from last frame (the JobLauncher), Show in folder, and
// Delete… with its question whether the video file goes too. What goes wrong is for the window's banner (failed).
#pragma once
#include "ui/ErrorBanner.h"
#include "ui/JobHistory.h"

#include <QObject>
#include <QString>

class QWidget;

namespace i2v::ui {

class GalleryPanel;
class GenerationForm;
class JobController;
class JobLauncher;
class JobStatusBar;
class ResultExporter;

class GalleryController : public QObject {
    Q_OBJECT
public:
    // Fills and answers `panel` from `jobs`' history (`jobs` must outlive it or be disconnected from it first);
    // Reuse settings fills `form`, Continue goes to `launcher`, Export… to `exporter`, stages and messages to
    // `status`. None of them is owned; the question of Delete… opens over `window`, which is also the parent.
    GalleryController(GalleryPanel* panel, JobController* jobs, GenerationForm* form, JobLauncher* launcher,
                      ResultExporter* exporter, JobStatusBar* status, QWidget* window);

public slots:
    // Reads a past job's video and shows it as the result (Export and Continue then act on it).
    void play(const i2v::ui::HistoryEntry& entry);
    // The same, then Export… as for a new result.
    void exportEntry(const i2v::ui::HistoryEntry& entry);
    // Puts an entry's picture, prompt and every setting back into the form.
    void reuseSettings(const i2v::ui::HistoryEntry& entry);
    void openFolder(const i2v::ui::HistoryEntry& entry);
    // Asks whether to remove the entry from the gallery only or to delete its video file too, then does it.
    void deleteEntry(const i2v::ui::HistoryEntry& entry);
    // Removes the entry (and with deleteVideo its file, to the trash where there is one); no question.
    void removeEntry(const i2v::ui::HistoryEntry& entry, bool deleteVideo);

signals:
    void failed(i2v::ui::ErrorBanner::Topic topic, const QString& message);

private:
    GalleryPanel* panel_;
    JobController* jobs_;
    GenerationForm* form_;
    ResultExporter* exporter_;
    JobStatusBar* status_;
    QWidget* window_;
};

} // namespace i2v::ui
