#include "ui/ResultExporter.h"

#include "ui/ExportDialog.h"
#include "ui/ExportFlow.h"
#include "ui/JobController.h"

#include <QWidget>

#include <utility>

namespace i2v::ui {

ResultExporter::ResultExporter(JobController* jobs, QSettings* settings, QWidget* window)
    : QObject(window), jobs_(jobs), settings_(settings), window_(window) {
    connect(jobs_, &JobController::resultReady, this, [this](const JobResult& r) {
        if (r.historyId && std::exchange(awaited_, 0) == r.historyId)
            exportResult();
    });
    connect(jobs_, &JobController::pastResultFailed, this, [this](qint64 id) {
        if (id == awaited_)
            awaited_ = 0;
    });
}

bool ResultExporter::canExport() const {
    return jobs_->hasResult() && !jobs_->isExporting() && ExportDialog::exportAvailable();
}

QString ResultExporter::suggestedPath(const QString& format) const {
    return ExportFlow(*settings_, outputFolder_, jobs_->result().seed).suggestedPath(format);
}

void ResultExporter::exportResult() {
    // The button and the menu entry are disabled then; a call from elsewhere does nothing.
    if (!canExport())
        return;
    if (const auto target = ExportFlow(*settings_, outputFolder_, jobs_->result().seed).ask(window_))
        jobs_->exportTo(target->settings, target->path);
}

} // namespace i2v::ui
