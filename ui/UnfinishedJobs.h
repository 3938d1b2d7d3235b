// UnfinishedJobs: the jobs the app has not finished, kept on disk so that they survive the app closing, a crash or
// the computer going off (a default job on a CPU takes hours). One folder each: job.json (the job's settings, its
// picture's file, the output folder, the video it continues), picture.png when the picture came as data (pasted,
// dropped, a continuation's last frame), and once a step finished, progress.safetensors (the engine's saved
// progress, pipeline/JobCheckpoint.h), where the job goes on from. The JobController makes a job's folder when it is
// queued and removes it when its video is delivered or the user cancels or discards it; a job that was queued or
// running when the app closed, or that failed after some steps, stays, and the window offers to go on with it.
// While an app has a job queued it holds the folder's lock file: a second app (one started without the session bus
// that keeps the app to one window) neither lists nor takes it. A crashed app's locks are stale and do not count.
#pragma once
#include "ui/JobRequest.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <utility>

class QLockFile;

namespace i2v::ui {

struct UnfinishedJob {
    JobRequest request;   // progressFile set to its folder's
    int stepsDone = 0;    // from the saved progress; 0 when no step finished
    int totalSteps = 0;
    QDateTime saved;      // when its progress (or, without any, the job) was last written
};

class UnfinishedJobs {
public:
    // Jobs are kept in folders under `root` (made when the first is kept).
    explicit UnfinishedJobs(QString root);
    ~UnfinishedJobs();  // lets go of every folder it holds (they stay)
    UnfinishedJobs(const UnfinishedJobs&) = delete;
    UnfinishedJobs& operator=(const UnfinishedJobs&) = delete;

    const QString& root() const { return root_; }
    // Keeps `request` in a new folder (held) and returns it with progressFile set there; when that cannot be
    // written (a full disk, no permission), returns it unchanged (the job runs, but cannot go on after a stop)
    // with the reason in `error`.
    JobRequest keep(JobRequest request, QString* error = nullptr);
    // Holds the listed job whose progress file is `progressFile` for this app; false when another app holds it.
    bool claim(const QString& progressFile);
    // Lets go of it: the folder stays, for list() and the next start.
    void release(const QString& progressFile);
    // Lets go of it and removes its folder (nothing for an empty or foreign path).
    void remove(const QString& progressFile);
    // Every kept job no other running app holds, the oldest first. A folder whose job.json cannot be read, or
    // whose pasted picture is gone, is left out (and left alone).
    QList<UnfinishedJob> list() const;
    // The steps saved in a progress file's header (and their total), {0, 0} when it holds none.
    static std::pair<int, int> savedSteps(const QString& progressFile);

private:
    bool heldByAnotherApp(const QString& folder) const;

    QString root_;
    std::map<QString, std::unique_ptr<QLockFile>> held_;  // folder -> its lock, for the jobs this app has queued
};

} // namespace i2v::ui
