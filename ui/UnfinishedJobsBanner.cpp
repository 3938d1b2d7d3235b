#include "ui/UnfinishedJobsBanner.h"

#include "ui/JobController.h"
#include "ui/StatusColors.h"
#include "ui/UnfinishedJobs.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace i2v::ui {
namespace {

QString jobText(const UnfinishedJob& job) {
    QString prompt = job.request.prompt().simplified();
    if (prompt.size() > 48)
        prompt = prompt.left(45) + QStringLiteral("…");
    const QString when = QLocale().toString(job.saved, QLocale::ShortFormat);
    if (job.stepsDone == 0)
        return UnfinishedJobsBanner::tr("“%1” (no step saved, queued %2)").arg(prompt, when);
    return UnfinishedJobsBanner::tr("“%1” (%2 of %3 steps done, saved %4)")
        .arg(prompt)
        .arg(job.stepsDone)
        .arg(job.totalSteps)
        .arg(when);
}

} // namespace

UnfinishedJobsBanner::UnfinishedJobsBanner(JobController* jobs, QWidget* parent) : QFrame(parent), jobs_(jobs) {
    setObjectName(QStringLiteral("unfinishedJobsBar"));
    followPaletteAsStrip(this, Tone::Caution);
    text_ = new QLabel(this);
    text_->setObjectName(QStringLiteral("unfinishedJobsText"));
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    resume_ = new QPushButton(tr("Resume"), this);
    resume_->setObjectName(QStringLiteral("resumeUnfinishedButton"));
    discard_ = new QPushButton(tr("Discard…"), this);
    discard_->setObjectName(QStringLiteral("discardUnfinishedButton"));
    connect(resume_, &QPushButton::clicked, jobs_, &JobController::resumeUnfinished);
    connect(discard_, &QPushButton::clicked, this, &UnfinishedJobsBanner::discard);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 4, 6, 4);
    row->addWidget(text_, 1);
    row->addWidget(resume_, 0, Qt::AlignVCenter);
    row->addWidget(discard_, 0, Qt::AlignVCenter);
    connect(jobs_, &JobController::unfinishedJobsChanged, this, &UnfinishedJobsBanner::refresh);
    refresh();
}

QString UnfinishedJobsBanner::describe(const QList<UnfinishedJob>& jobs) {
    if (jobs.isEmpty())
        return {};
    if (jobs.size() == 1)
        return tr("A job did not finish: %1. Resume goes on from where it stopped.").arg(jobText(jobs.first()));
    return tr("%1 jobs did not finish: %2 and %3 more. Resume goes on with each from where it stopped.")
        .arg(jobs.size())
        .arg(jobText(jobs.first()))
        .arg(jobs.size() - 1);
}

void UnfinishedJobsBanner::refresh() {
    const QList<UnfinishedJob> jobs = jobs_->unfinishedJobs();
    setVisible(!jobs.isEmpty());
    if (jobs.isEmpty())
        return;
    text_->setText(describe(jobs));
    QStringList all;
    for (const UnfinishedJob& job : jobs)
        all << jobText(job);
    text_->setToolTip(all.join(QLatin1Char('\n')));
    resume_->setToolTip(jobs.size() == 1 ? tr("Queue the job again: it goes on from its last saved step")
                                         : tr("Queue the %1 jobs again: each goes on from its last saved step")
                                               .arg(jobs.size()));
}

void UnfinishedJobsBanner::discard() {
    const QList<UnfinishedJob> jobs = jobs_->unfinishedJobs();
    int steps = 0;
    for (const UnfinishedJob& job : jobs)
        steps += job.stepsDone;
    QMessageBox ask(QMessageBox::Question, tr("Discard unfinished jobs"),
                    jobs.size() == 1 ? tr("Discard the unfinished job?")
                                     : tr("Discard the %1 unfinished jobs?").arg(jobs.size()),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("discardUnfinishedQuestion"));
    ask.setInformativeText(steps > 0 ? tr("Finished steps that are lost: %1.").arg(steps)
                                     : tr("No step of them was saved."));
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.button(QMessageBox::Discard)->setObjectName(QStringLiteral("confirmDiscardUnfinished"));
    if (ask.exec() == QMessageBox::Discard)
        jobs_->discardUnfinished();
}

} // namespace i2v::ui
