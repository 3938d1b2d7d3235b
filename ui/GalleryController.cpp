#include "ui/GalleryController.h"

#include "ui/GalleryPanel.h"
#include "ui/GenerationForm.h"
#include "ui/JobController.h"
#include "ui/JobLauncher.h"
#include "ui/JobStatusBar.h"
#include "ui/ResultExporter.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace i2v::ui {

GalleryController::GalleryController(GalleryPanel* panel, JobController* jobs, GenerationForm* form, JobLauncher* launcher,
                                     ResultExporter* exporter, JobStatusBar* status, QWidget* window)
    : QObject(window), panel_(panel), jobs_(jobs), form_(form), exporter_(exporter), status_(status), window_(window) {
    if (jobs_->history()->isOpen())   // when it is not, the window says so
        panel_->setEntries(jobs_->history()->entries());
    connect(jobs_, &JobController::historyRecorded, this, [this](qint64 id) {
        if (const auto entry = jobs_->history()->entry(id))
            panel_->addEntry(*entry);
    });
    connect(panel_, &GalleryPanel::playRequested, this, &GalleryController::play);
    connect(panel_, &GalleryPanel::exportRequested, this, &GalleryController::exportEntry);
    connect(panel_, &GalleryPanel::reuseRequested, this, &GalleryController::reuseSettings);
    connect(panel_, &GalleryPanel::continueRequested, launcher, &JobLauncher::continueFrom);
    connect(panel_, &GalleryPanel::openFolderRequested, this, &GalleryController::openFolder);
    connect(panel_, &GalleryPanel::deleteRequested, this, &GalleryController::deleteEntry);
}

void GalleryController::play(const HistoryEntry& entry) {
    if (!QFileInfo::exists(entry.videoPath)) {
        emit failed(ErrorBanner::Topic::Export, tr("%1 no longer exists").arg(QDir::toNativeSeparators(entry.videoPath)));
        return;
    }
    status_->showStage(tr("Opening %1…").arg(QFileInfo(entry.videoPath).fileName()));
    jobs_->openPastResult(entry);
}

void GalleryController::exportEntry(const HistoryEntry& entry) {
    exporter_->exportWhenShown(entry.id);
    play(entry);
}

void GalleryController::reuseSettings(const HistoryEntry& entry) {
    JobRequest request = entry.request;
    if (request.imagePath.isEmpty())
        request.image = jobs_->history()->picture(entry.id);
    if (form_->setRequest(request))
        status_->showMessage(tr("Settings of job %1 restored").arg(entry.id), 5000);
}

void GalleryController::openFolder(const HistoryEntry& entry) {
    const QString folder = QFileInfo(entry.videoPath).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        emit failed(ErrorBanner::Topic::Other, tr("The folder %1 no longer exists").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        emit failed(ErrorBanner::Topic::Other, tr("No file manager could open %1").arg(QDir::toNativeSeparators(folder)));
}

void GalleryController::deleteEntry(const HistoryEntry& entry) {
    const bool hasFile = !entry.videoPath.isEmpty() && QFileInfo::exists(entry.videoPath);
    QMessageBox box(QMessageBox::Question, tr("Delete from the gallery?"),
                    hasFile ? tr("Remove this job from the gallery? Its video %1 stays on disk unless you delete it too.")
                                  .arg(QDir::toNativeSeparators(entry.videoPath))
                            : tr("Remove this job from the gallery? It has no video file."),
                    QMessageBox::Cancel, window_);
    QPushButton* removeOnly = box.addButton(hasFile ? tr("Keep the file") : tr("Remove"), QMessageBox::AcceptRole);
    removeOnly->setObjectName(QStringLiteral("keepVideo"));
    QPushButton* deleteFile = nullptr;
    if (hasFile) {
        deleteFile = box.addButton(tr("Delete the file too"), QMessageBox::DestructiveRole);
        deleteFile->setObjectName(QStringLiteral("deleteVideo"));
    }
    box.setDefaultButton(removeOnly);
    box.exec();
    if (box.clickedButton() == removeOnly)
        removeEntry(entry, false);
    else if (deleteFile && box.clickedButton() == deleteFile)
        removeEntry(entry, true);
}

void GalleryController::removeEntry(const HistoryEntry& entry, bool deleteVideo) {
    if (deleteVideo && QFileInfo::exists(entry.videoPath)) {
        // The trash where the desktop has one, so that a wrong click can be undone; else the file goes.
        QFile file(entry.videoPath);
        if (!file.moveToTrash() && !file.remove()) {
            emit failed(ErrorBanner::Topic::Other, tr("%1 could not be deleted (%2); the gallery entry is kept")
                                                       .arg(QDir::toNativeSeparators(entry.videoPath), file.errorString()));
            return;
        }
    }
    if (!jobs_->history()->remove(entry.id)) {
        emit failed(ErrorBanner::Topic::Other, tr("The gallery entry could not be deleted: %1").arg(jobs_->history()->errorString()));
        return;
    }
    panel_->removeEntry(entry.id);
    status_->showMessage(deleteVideo ? tr("Deleted %1").arg(QDir::toNativeSeparators(entry.videoPath))
                                     : tr("Removed job %1 from the gallery").arg(entry.id),
                         5000);
}

} // namespace i2v::ui
