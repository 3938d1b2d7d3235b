#include "ui/DownloadStatusButton.h"

#include "ui/DownloadController.h"
#include "ui/DownloadPanel.h"

namespace i2v::ui {

DownloadStatusButton::DownloadStatusButton(DownloadController* downloads, QWidget* parent)
    : QToolButton(parent), downloads_(downloads) {
    setObjectName(QStringLiteral("downloadStatus"));
    setAutoRaise(true);
    setToolTip(tr("Show the download in the Models window"));
    setVisible(false);
    connect(downloads_, &DownloadController::stateChanged, this, &DownloadStatusButton::refresh);
    connect(downloads_, &DownloadController::progress, this, &DownloadStatusButton::refresh);
}

void DownloadStatusButton::refresh() {
    using State = DownloadController::State;
    const DownloadStatus& st = downloads_->status();
    const QString percent = QString::number(downloads_->percent());
    QString text;
    switch (downloads_->state()) {
    case State::Running:
        text = st.total > 0 ? tr("Downloading %1: %2 % (%3 of %4)")
                                  .arg(downloads_->repo(), percent, DownloadPanel::bytesText(st.done),
                                       DownloadPanel::bytesText(st.total))
                            : tr("Downloading %1: starting…").arg(downloads_->repo());
        if (const QString left = DownloadPanel::timeLeftText(st.etaSeconds); st.total > 0 && !left.isEmpty())
            text += QStringLiteral(", ") + left;
        break;
    case State::Pausing: text = tr("Pausing the download…"); break;
    case State::Cancelling: text = tr("Cancelling the download…"); break;
    case State::Paused: text = tr("Download paused at %1 %").arg(percent); break;
    case State::Failed: text = tr("Download stopped: see Models…"); break;
    case State::Idle:
    case State::Finished: break;
    }
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace i2v::ui
