#include "ui/JobAttention.h"

#include "ui/BringToFront.h"
#include "ui/DesktopNotifications.h"
#include "ui/JobController.h"
#include "ui/JobQueueModel.h"
#include "ui/LauncherEntry.h"

#include <QApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QWidget>

namespace i2v::ui {
namespace {

// A notice's first line of the prompt: about as much as a notification bubble shows on two lines.
constexpr int kPromptChars = 90;

QString shortPrompt(const QString& prompt) {
    const QString simple = prompt.simplified();
    return simple.size() <= kPromptChars ? simple : simple.left(kPromptChars - 1).trimmed() + QChar(0x2026);
}

} // namespace

JobAttention::JobAttention(JobController* jobs, QWidget* window)
    : QObject(window), jobs_(jobs), window_(window), notifications_(new DesktopNotifications(this)),
      launcher_(new LauncherEntry(this)), idleTitle_(window->windowTitle()) {
    connect(jobs_, &JobController::jobSubmitted, this, &JobAttention::updateLauncher);
    connect(jobs_, &JobController::jobStarted, this, [this] { showProgress(tr("Starting"), 0.0); });
    connect(jobs_, &JobController::progressChanged, this, [this](int step, int total) {
        if (total > 0)
            showProgress(tr("%1%").arg(100 * step / total), double(step) / total);
    });
    connect(jobs_, &JobController::decodeProgressChanged, this, [this](int done, int total) {
        showProgress(tr("Decoding %1/%2").arg(done).arg(total), 1.0);
    });
    connect(jobs_, &JobController::jobConcluded, this, &JobAttention::onConcluded);
    connect(jobs_, &JobController::jobEnded, this, &JobAttention::showIdleWhenDone);
    connect(notifications_, &DesktopNotifications::activated, this, &JobAttention::bringWindowBack);
}

int JobAttention::unfinishedJobs() const {
    const JobQueueModel* queue = jobs_->queueModel();
    int n = 0;
    for (int id : queue->jobIds())
        n += JobQueueModel::isEnded(queue->stateOf(id)) ? 0 : 1;
    return n;
}

void JobAttention::showProgress(const QString& stage, double fraction) {
    window_->setWindowTitle(tr("%1 – %2", "window title while a job runs: progress – app name").arg(stage, idleTitle_));
    fraction_ = fraction;
    updateLauncher();
}

void JobAttention::updateLauncher() { launcher_->update(fraction_, unfinishedJobs()); }

void JobAttention::showIdleWhenDone() {
    if (!jobs_->isGenerating()) {  // else the next job's start shows its own progress
        window_->setWindowTitle(idleTitle_);
        fraction_.reset();
    }
    updateLauncher();
}

bool JobAttention::inBackground() const {
    return QGuiApplication::applicationState() != Qt::ApplicationActive || window_->isMinimized();
}

std::optional<JobAttention::Text> JobAttention::noticeFor(const HistoryEntry& entry, int unfinished) {
    QStringList lines;
    Text t;
    const QString prompt = shortPrompt(entry.request.prompt());
    switch (entry.outcome) {
    case JobOutcome::Cancelled:
        return std::nullopt;
    case JobOutcome::Finished:
    case JobOutcome::NotSaved: {
        t.summary = entry.outcome == JobOutcome::Finished ? tr("Video ready") : tr("Video made, but not saved");
        if (!prompt.isEmpty())
            lines << prompt;
        const double seconds = entry.started.isValid() ? entry.started.msecsTo(entry.ended) / 1000.0 : -1;
        const int frames = entry.request.generation.numFrames;
        lines << (seconds >= 0 ? tr("%1 frames in %2").arg(frames).arg(JobQueueModel::clockText(seconds))
                               : tr("%1 frames").arg(frames));
        if (entry.outcome == JobOutcome::Finished && !entry.videoPath.isEmpty())
            lines << tr("Saved as %1").arg(QFileInfo(entry.videoPath).fileName());
        else if (!entry.message.isEmpty())
            lines << entry.message.section(QLatin1Char('\n'), 0, 0);
        break;
    }
    case JobOutcome::Failed:
        t.summary = tr("Generation failed");
        lines << entry.message.section(QLatin1Char('\n'), 0, 0);
        if (!prompt.isEmpty())
            lines << prompt;
        break;
    }
    if (unfinished > 0)
        lines << (unfinished == 1 ? tr("1 more job in the queue") : tr("%1 more jobs in the queue").arg(unfinished));
    t.body = lines.join(QLatin1Char('\n'));
    return t;
}

void JobAttention::onConcluded(const HistoryEntry& entry) {
    const auto text = noticeFor(entry, unfinishedJobs());
    if (!text || !inBackground())
        return;
    QApplication::alert(window_);
    if (notify_)
        notifications_->show({text->summary, text->body, entry.thumbnail});
}

void JobAttention::bringWindowBack() { bringToFront(window_); }

} // namespace i2v::ui
