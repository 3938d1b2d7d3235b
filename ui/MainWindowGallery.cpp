// MainWindow's Gallery dock (the window is laid out in MainWindow.cpp): playing a past video as the result (so
// that Export… and Continue act on it), Reuse settings, Continue from a past video's last frame, Show in folder,
// and Delete… with its question whether the video file goes too.
#include "ui/MainWindow.h"

#include "ui/ErrorBanner.h"
#include "ui/FrameExport.h"
#include "ui/GalleryPanel.h"
#include "ui/GenerationForm.h"
#include "ui/JobController.h"
#include "ui/JobStatusBar.h"

#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QUrl>

namespace i2v::ui {

void MainWindow::buildGallery() {
    gallery_ = new GalleryPanel(this);
    connect(gallery_, &GalleryPanel::playRequested, this, &MainWindow::playFromHistory);
    connect(gallery_, &GalleryPanel::exportRequested, this, &MainWindow::exportFromHistory);
    connect(gallery_, &GalleryPanel::reuseRequested, this, &MainWindow::reuseSettings);
    connect(gallery_, &GalleryPanel::continueRequested, this, &MainWindow::continueFromHistory);
    connect(gallery_, &GalleryPanel::openFolderRequested, this, &MainWindow::openHistoryFolder);
    connect(gallery_, &GalleryPanel::deleteRequested, this, &MainWindow::deleteHistoryEntry);
    galleryDock_ = new QDockWidget(tr("Gallery"), this);
    galleryDock_->setObjectName(QStringLiteral("galleryDock"));
    galleryDock_->setWidget(gallery_);
}

void MainWindow::playFromHistory(const HistoryEntry& entry) {
    if (!QFileInfo::exists(entry.videoPath)) {
        reportError(ErrorBanner::Topic::Export, tr("%1 no longer exists").arg(QDir::toNativeSeparators(entry.videoPath)));
        return;
    }
    jobStatus_->showStage(tr("Opening %1…").arg(QFileInfo(entry.videoPath).fileName()));
    jobs_->openPastResult(entry);
}

void MainWindow::exportFromHistory(const HistoryEntry& entry) {
    exportWhenShown_ = entry.id;
    playFromHistory(entry);
}

void MainWindow::continueFromHistory(const HistoryEntry& entry) {
    QImage last;
    if (entry.outcome == JobOutcome::Finished && !entry.videoPath.isEmpty())
        last = lastVideoFrame(entry.videoPath);
    if (last.isNull()) {
        reportError(ErrorBanner::Topic::Job, tr("The last frame of %1 cannot be read").arg(QDir::toNativeSeparators(entry.videoPath)));
        return;
    }
    if (!outputFolderUsable())
        return;
    JobRequest next = form()->continuation(last, tr("the last frame of %1").arg(QFileInfo(entry.videoPath).fileName()), &entry.request);
    next.joinAfter = joinedSource(entry.videoPath);
    submit(next);
}

void MainWindow::reuseSettings(const HistoryEntry& entry) {
    if (form()->setRequest(entry.request))
        statusBar()->showMessage(tr("Settings of job %1 restored").arg(entry.id), 5000);
}

void MainWindow::deleteHistoryEntry(const HistoryEntry& entry) {
    const bool hasFile = !entry.videoPath.isEmpty() && QFileInfo::exists(entry.videoPath);
    QMessageBox box(QMessageBox::Question, tr("Delete from the gallery?"),
                    hasFile ? tr("Remove this job from the gallery? Its video %1 stays on disk unless you delete it too.")
                                  .arg(QDir::toNativeSeparators(entry.videoPath))
                            : tr("Remove this job from the gallery? It has no video file."),
                    QMessageBox::Cancel, this);
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
        removeHistoryEntry(entry, false);
    else if (deleteFile && box.clickedButton() == deleteFile)
        removeHistoryEntry(entry, true);
}

void MainWindow::removeHistoryEntry(const HistoryEntry& entry, bool deleteVideo) {
    if (deleteVideo && QFileInfo::exists(entry.videoPath)) {
        // The trash where the desktop has one, so that a wrong click can be undone; else the file goes.
        QFile file(entry.videoPath);
        if (!file.moveToTrash() && !file.remove()) {
            reportError(ErrorBanner::Topic::Other, tr("%1 could not be deleted (%2); the gallery entry is kept")
                                                       .arg(QDir::toNativeSeparators(entry.videoPath), file.errorString()));
            return;
        }
    }
    if (!jobs_->history()->remove(entry.id)) {
        showError(tr("The gallery entry could not be deleted: %1").arg(jobs_->history()->errorString()));
        return;
    }
    gallery_->removeEntry(entry.id);
    statusBar()->showMessage(deleteVideo ? tr("Deleted %1").arg(QDir::toNativeSeparators(entry.videoPath))
                                         : tr("Removed job %1 from the gallery").arg(entry.id),
                             5000);
}

void MainWindow::openHistoryFolder(const HistoryEntry& entry) {
    const QString folder = QFileInfo(entry.videoPath).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        showError(tr("The folder %1 no longer exists").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        showError(tr("No file manager could open %1").arg(QDir::toNativeSeparators(folder)));
}

} // namespace i2v::ui
