// JobLauncher: the commands that queue and stop jobs, which the window's menu and the JobPanel's buttons share:
// Generate (the form's "Runs" jobs on the picture), Continue from the shown result's last frame or from a gallery
// entry's, Cancel and Cancel all. A job that cannot run is refused before anything is queued, with the reason for
// the window's banner (refused); a command that cannot run now (its button disabled) does nothing. With joining on,
// a continuation's clip is also written joined after the video it continues.
#pragma once
#include "ui/ErrorBanner.h"
#include "ui/JobHistory.h"

#include <QObject>
#include <QString>

namespace i2v::ui {

class ActiveModel;
class DropZone;
class GenerationForm;
class JobController;
class JobStatusBar;
struct JobRequest;

class JobLauncher : public QObject {
    Q_OBJECT
public:
    // Submits to `jobs` what `form` says about `picture` while `model` is ready, and shows a job's start and a
    // cancel in `status`; none of them is owned.
    JobLauncher(JobController* jobs, const ActiveModel* model, const DropZone* picture, GenerationForm* form,
                JobStatusBar* status, QObject* parent = nullptr);

    // Whether a continuation is also joined after the earlier video (the menu's "Join continued parts"; on at first).
    void setJoinsContinuations(bool join) { joinContinuations_ = join; }

public slots:
    // Queues "Runs" jobs (consecutive or random seeds after the first).
    void generate();
    // Queues one job with the current settings whose picture is the last frame of the shown result.
    void continueFromLastFrame();
    // The same from a gallery entry (its video's last frame, read from the file) with that entry's settings.
    void continueFrom(const i2v::ui::HistoryEntry& entry);
    // Cancels the running job; cancelAll also drops the queued ones.
    void cancel();
    void cancelAll();

signals:
    void refused(i2v::ui::ErrorBanner::Topic topic, const QString& why);
    // What was refused about `topic` holds no more (Generate found a picture).
    void accepted(i2v::ui::ErrorBanner::Topic topic);
    // Generate is about to queue the form's jobs: the window stores the form (and its own state) then.
    void queueingForm();

private:
    // False (with the reason, refused) when the output folder cannot take the job's video.
    bool outputFolderUsable();
    void submit(const JobRequest& request);
    // The video a continuation of `earlierVideo` is joined after: it, when joining is on and it exists.
    QString joinedSource(const QString& earlierVideo) const;

    JobController* jobs_;
    const ActiveModel* model_;
    const DropZone* picture_;
    GenerationForm* form_;
    JobStatusBar* status_;
    bool joinContinuations_ = true;
};

} // namespace i2v::ui
