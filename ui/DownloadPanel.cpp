#include "ui/DownloadPanel.h"

#include "ui/StatusColors.h"

#include "hub/DownloadProgress.h"
#include "hub/RepoId.h"

#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace i2v::ui {
namespace {

// Bars count in thousandths: byte counts of a 10 GB model do not fit an int.
constexpr int kBarRange = 1000;

int permille(qint64 done, qint64 total) {
    return total > 0 ? int(std::clamp<double>(double(done) / double(total), 0.0, 1.0) * kBarRange) : 0;
}

QProgressBar* makeBar(const char* name, QWidget* parent) {
    auto* bar = new QProgressBar(parent);
    bar->setObjectName(QLatin1String(name));
    bar->setRange(0, kBarRange);
    bar->setValue(0);
    bar->setFormat(QStringLiteral("%p %"));
    return bar;
}

} // namespace

QString DownloadPanel::bytesText(qint64 bytes) {
    return QString::fromStdString(hub::formatBytes(uint64_t(std::max<qint64>(0, bytes))));
}

QString DownloadPanel::timeLeftText(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds))
        return {};
    const qint64 s = qint64(std::ceil(seconds));
    if (s < 60)
        return tr("about %1 s left").arg(std::max<qint64>(1, s));
    if (s < 3600)
        return tr("about %1 min left").arg((s + 30) / 60);
    return tr("about %1 h %2 min left").arg(s / 3600).arg((s % 3600) / 60);
}

QString DownloadPanel::detailText(const DownloadStatus& status, const QString& waiting) {
    QStringList parts;
    if (!waiting.isEmpty()) {
        parts << waiting;   // rate and time left are stale while nothing arrives
    } else {
        if (status.bytesPerSecond > 0)
            parts << tr("%1/s").arg(bytesText(qint64(status.bytesPerSecond)));
        if (const QString left = timeLeftText(status.etaSeconds); !left.isEmpty())
            parts << left;
    }
    if (status.freeBytes >= 0)
        parts << tr("%1 free on the disk").arg(bytesText(status.freeBytes));
    return parts.join(QStringLiteral(" · "));
}

DownloadPanel::DownloadPanel(DownloadController* downloads, QWidget* parent)
    : QGroupBox(tr("Download I2VGen-XL (%1)").arg(QString::fromLatin1(hub::kDefaultModelRepo)), parent),
      downloads_(downloads) {
    setObjectName(QStringLiteral("downloadPanel"));
    variant_ = new QComboBox(this);
    variant_->setObjectName(QStringLiteral("downloadVariant"));
    variant_->addItem(tr("fp16 weights, about 5 GB (recommended)"), QStringLiteral("fp16"));
    variant_->addItem(tr("fp32 weights, about 10 GB"), QStringLiteral("fp32"));
    variant_->setToolTip(tr("The fp16 files are half the download; the engine computes in the precision chosen in "
                            "Settings either way"));
    start_ = new QPushButton(tr("Download"), this);
    start_->setObjectName(QStringLiteral("downloadStartButton"));
    pause_ = new QPushButton(tr("Pause"), this);
    pause_->setObjectName(QStringLiteral("downloadPauseButton"));
    pause_->setToolTip(tr("Stop for now and keep what has arrived; Resume continues from there, also after a restart"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("downloadCancelButton"));
    cancel_->setToolTip(tr("Stop and delete the partly downloaded files (complete files stay in the cache)"));
    connect(start_, &QPushButton::clicked, this, &DownloadPanel::startOrResume);
    connect(pause_, &QPushButton::clicked, downloads_, &DownloadController::pause);
    connect(cancel_, &QPushButton::clicked, downloads_, &DownloadController::cancel);

    where_ = new QLabel(this);
    where_->setObjectName(QStringLiteral("downloadWhere"));
    where_->setWordWrap(true);
    where_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    state_ = new QLabel(this);
    state_->setObjectName(QStringLiteral("downloadState"));
    state_->setWordWrap(true);
    QFont bold = state_->font();
    bold.setBold(true);
    state_->setFont(bold);
    fileLabel_ = new QLabel(this);
    fileLabel_->setObjectName(QStringLiteral("downloadFileText"));
    fileLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fileBar_ = makeBar("downloadFileProgress", this);
    totalLabel_ = new QLabel(this);
    totalLabel_->setObjectName(QStringLiteral("downloadTotalText"));
    totalBar_ = makeBar("downloadTotalProgress", this);
    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("downloadDetails"));
    notices_ = new QPlainTextEdit(this);
    notices_->setObjectName(QStringLiteral("downloadNotices"));
    notices_->setReadOnly(true);
    notices_->setMaximumHeight(notices_->fontMetrics().lineSpacing() * 4 + 12);
    notices_->setVisible(false);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("downloadError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    followPaletteAsStrip(error_, Tone::Error, QStringLiteral("padding: 6px;"));
    error_->setVisible(false);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Weights:"), this));
    top->addWidget(variant_);
    top->addStretch(1);
    top->addWidget(start_);
    top->addWidget(pause_);
    top->addWidget(cancel_);
    bars_ = new QWidget(this);
    auto* bars = new QGridLayout(bars_);
    bars->setContentsMargins(0, 0, 0, 0);
    bars->addWidget(new QLabel(tr("File"), bars_), 0, 0);
    bars->addWidget(fileLabel_, 0, 1);
    bars->addWidget(fileBar_, 1, 1);
    bars->addWidget(new QLabel(tr("Total"), bars_), 2, 0);
    bars->addWidget(totalLabel_, 2, 1);
    bars->addWidget(totalBar_, 3, 1);
    bars->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(where_);
    layout->addWidget(state_);
    layout->addWidget(bars_);
    layout->addWidget(details_);
    layout->addWidget(notices_);
    layout->addWidget(error_);

    if (!DownloadController::available()) {
        for (QWidget* w : {static_cast<QWidget*>(variant_), static_cast<QWidget*>(start_)}) {
            w->setEnabled(false);
            w->setToolTip(DownloadController::unavailableReason());
        }
    }
    stallCheck_ = new QTimer(this);
    stallCheck_->setInterval(1000);
    connect(stallCheck_, &QTimer::timeout, this, &DownloadPanel::updateDetails);
    connect(downloads_, &DownloadController::stateChanged, this, [this](DownloadController::State s) {
        if (s == DownloadController::State::Running) {   // a new start: the controller dropped the old notices
            notices_->clear();
            notices_->setVisible(false);
        }
        updateState();
    });
    connect(downloads_, &DownloadController::planReady, this, [this] { updateState(); });
    connect(downloads_, &DownloadController::progress, this, &DownloadPanel::updateProgress);
    connect(downloads_, &DownloadController::notice, this, &DownloadPanel::addNotice);
    connect(downloads_, &DownloadController::failed, this, [this] { updateState(); });
    connect(downloads_, &DownloadController::cancelled, this, [this](qint64 removed) {
        updateState();
        state_->setText(removed > 0 ? tr("Cancelled: %1 of partly downloaded files deleted").arg(bytesText(removed))
                                    : tr("Cancelled"));
    });
    for (const QString& n : downloads_->notices())
        addNotice(n);
    updateState();
}

QString DownloadPanel::chosenVariant() const { return variant_->currentData().toString(); }

void DownloadPanel::startOrResume() {
    if (downloads_->state() == DownloadController::State::Paused)
        downloads_->resume();
    else
        downloads_->start(QString::fromLatin1(hub::kDefaultModelRepo), chosenVariant());
}

void DownloadPanel::addNotice(const QString& message) {
    notices_->appendPlainText(message);
    notices_->setVisible(true);
    notices_->verticalScrollBar()->setValue(notices_->verticalScrollBar()->maximum());
}

void DownloadPanel::updateState() {
    using State = DownloadController::State;
    const State s = downloads_->state();
    const bool can = DownloadController::available();
    const bool idle = s == State::Idle || s == State::Finished || s == State::Failed;
    if (s == State::Running)
        stallCheck_->start();
    else
        stallCheck_->stop();
    start_->setText(s == State::Paused ? tr("Resume") : s == State::Failed ? tr("Try again") : tr("Download"));
    start_->setEnabled(can && (idle || s == State::Paused));
    pause_->setEnabled(s == State::Running);
    cancel_->setEnabled(s == State::Running || s == State::Paused || s == State::Failed);
    variant_->setEnabled(can && idle);
    if (!downloads_->variant().isEmpty() && !idle)
        variant_->setCurrentIndex(std::max(0, variant_->findData(downloads_->variant())));

    const hub::HubSettings hub = downloads_->hubSettings();
    const QString cache = s == State::Idle || downloads_->plan().cacheDir.isEmpty()
                              ? QString::fromStdString(hub.cacheDir.string())
                              : downloads_->plan().cacheDir;
    where_->setText(tr("Into the shared model cache %1 (huggingface_hub and diffusers use it too; another folder can "
                       "be set in Settings ▸ Model hub), from %2.")
                        .arg(QDir::toNativeSeparators(cache), QString::fromStdString(hub.endpoint)));

    const DownloadPlanSummary& plan = downloads_->plan();
    const DownloadStatus& st = downloads_->status();
    switch (s) {
    case State::Idle:
        state_->setText(tr("Not downloading"));
        break;
    case State::Running:
        state_->setText(plan.files == 0 ? tr("Asking %1 for the file list…").arg(QString::fromStdString(hub.endpoint))
                        : plan.bytesToFetch == 0
                            ? tr("Everything is in the cache already: linking the model folder")
                            : tr("Downloading %1 of %2 files: %3 to fetch")
                                  .arg(plan.files - plan.filesPresent)
                                  .arg(plan.files)
                                  .arg(bytesText(plan.bytesToFetch)));
        break;
    case State::Pausing:
        state_->setText(tr("Pausing…"));
        break;
    case State::Paused:
        state_->setText(tr("Paused: %1 of %2 kept. Resume continues from there (also after a restart of the app).")
                            .arg(bytesText(st.done), bytesText(st.total)));
        break;
    case State::Cancelling:
        state_->setText(tr("Cancelling…"));
        break;
    case State::Failed:
        state_->setText(st.total > 0 ? tr("The download stopped; what has arrived is kept for another try")
                                     : tr("The download could not start"));
        break;
    case State::Finished:
        state_->setText(tr("Complete and verified: %1").arg(QDir::toNativeSeparators(downloads_->snapshotDir())));
        break;
    }
    bars_->setVisible(s != State::Idle && st.total > 0);
    error_->setText(s == State::Failed ? downloads_->errorText() : QString());
    error_->setVisible(s == State::Failed && !downloads_->errorText().isEmpty());
    if (s == State::Idle) {
        fileBar_->setValue(0);
        totalBar_->setValue(0);
        fileLabel_->clear();
        totalLabel_->clear();
        details_->clear();
    } else {
        updateProgress(st);
    }
}

void DownloadPanel::updateProgress(const DownloadStatus& st) {
    const bool finished = downloads_->state() == DownloadController::State::Finished;
    if (finished) {
        fileLabel_->setText(tr("All %1 files are in place").arg(downloads_->plan().files));
        fileBar_->setValue(kBarRange);
    } else if (!st.file.isEmpty()) {
        fileLabel_->setText(st.verifying ? tr("%1 (file %2 of %3): checking the %4 kept from before")
                                               .arg(st.file)
                                               .arg(st.fileIndex + 1)
                                               .arg(st.fileCount)
                                               .arg(bytesText(st.fileDone))
                                         : tr("%1 (file %2 of %3): %4 of %5")
                                               .arg(st.file)
                                               .arg(st.fileIndex + 1)
                                               .arg(st.fileCount)
                                               .arg(bytesText(st.fileDone), bytesText(st.fileSize)));
        fileBar_->setValue(permille(st.fileDone, st.fileSize));
    }
    if (st.total > 0) {
        bars_->setVisible(true);
        totalLabel_->setText(tr("%1 of %2").arg(bytesText(st.done), bytesText(st.total)));
        totalBar_->setValue(permille(st.done, st.total));
    }
    updateDetails();
}

void DownloadPanel::updateDetails() {
    if (downloads_->state() != DownloadController::State::Running) {
        details_->clear();
        return;
    }
    const qint64 quiet = downloads_->msSinceProgress();
    // The engine tries a connection that stays silent for 30 s again; until then, say that it waits.
    const QString waiting = quiet >= 3000 && downloads_->plan().files > 0
                                ? tr("Waiting for the server: no data for %1 s").arg(quiet / 1000)
                                : QString();
    details_->setText(detailText(downloads_->status(), waiting));
}

} // namespace i2v::ui
