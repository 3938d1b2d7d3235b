// JobAttention: how the jobs are going, for a user who looks elsewhere during a job that takes minutes or hours.
// The window title carries the running job's progress (task bars and window switchers show it), the launcher entry
// its progress bar and the number of unfinished jobs (LauncherEntry.h), and a job that ends while the app is in the
// background (another app active, or the window minimized) raises a desktop notification with its first words,
// length and picture (DesktopNotifications.h) and the task bar's attention hint. Clicking the notification brings
// the window back. A job the user cancelled tells nothing.
#pragma once
#include "ui/JobHistory.h"

#include <QObject>
#include <QString>

#include <optional>

class QWidget;

namespace i2v::ui {

class DesktopNotifications;
class JobController;
class LauncherEntry;

class JobAttention : public QObject {
    Q_OBJECT
public:
    // Follows `jobs` for `window`, whose current title is the one shown when no job runs; talks to the desktop on
    // the session bus.
    JobAttention(JobController* jobs, QWidget* window);

    // Desktop notifications for jobs that end in the background (on by default; Settings > While generating).
    void setNotify(bool on) { notify_ = on; }
    bool notifies() const { return notify_; }

    // What the notification says of an ended job; none for a cancelled one. `unfinished`: jobs still queued or running.
    struct Text {
        QString summary;
        QString body;
    };
    static std::optional<Text> noticeFor(const HistoryEntry& entry, int unfinished);

private:
    bool inBackground() const;
    int unfinishedJobs() const;
    void showProgress(const QString& stage, double fraction);
    void updateLauncher();
    void showIdleWhenDone();
    void onConcluded(const HistoryEntry& entry);
    void bringWindowBack();

    JobController* jobs_;
    QWidget* window_;
    DesktopNotifications* notifications_;
    LauncherEntry* launcher_;
    QString idleTitle_;
    std::optional<double> fraction_;  // the running job's, on the launcher entry; none when idle
    bool notify_ = true;
};

} // namespace i2v::ui
