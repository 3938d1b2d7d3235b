#include "ui/DemoBanner.h"

#include "ui/ActiveModel.h"
#include "ui/DownloadController.h"
#include "ui/JobPresets.h"
#include "ui/ModelLocations.h"
#include "ui/StatusColors.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace i2v::ui {
namespace {

// The demo model has random weights and a few million parameters; the real UNet alone has over a billion.
constexpr qint64 kDemoParameterLimit = 100'000'000;

} // namespace

DemoBanner::DemoBanner(const ActiveModel* model, DownloadController* downloads, QWidget* parent)
    : QFrame(parent), model_(model), downloads_(downloads) {
    setObjectName(QStringLiteral("demoBar"));
    followPaletteAsStrip(this, Tone::Caution);
    text_ = new QLabel(this);
    text_->setObjectName(QStringLiteral("demoBanner"));
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    draft_ = new QPushButton(tr("Try the Draft preset"), this);
    draft_->setObjectName(QStringLiteral("demoDraftButton"));
    const QStringList presets = JobPresets::builtInNames();
    draft_->setToolTip(tr("The Draft preset: %1. The default job (%2) keeps even the demo model busy for about an "
                          "hour on a 2-core CPU.")
                           .arg(JobPresets::builtInSummary(presets.at(0)), JobPresets::builtInSummary(presets.at(1))));
    connect(draft_, &QPushButton::clicked, this, &DemoBanner::draftRequested);
    download_ = new QPushButton(tr("Download I2VGen-XL (fp16, about 5 GB)"), this);
    download_->setObjectName(QStringLiteral("downloadModelButton"));
    connect(download_, &QPushButton::clicked, this, &DemoBanner::downloadRequested);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 4, 6, 4);
    row->addWidget(text_, 1);
    row->addWidget(draft_, 0, Qt::AlignVCenter);
    row->addWidget(download_, 0, Qt::AlignVCenter);
    setVisible(false);

    connect(model_, &ActiveModel::loading, this, &DemoBanner::refresh);
    connect(model_, &ActiveModel::ready, this, &DemoBanner::refresh);
    connect(downloads_, &DownloadController::stateChanged, this, &DemoBanner::refresh);
    connect(downloads_, &DownloadController::progress, this, &DemoBanner::showProgress);
}

void DemoBanner::refresh() {
    if (!model_->isReady() || !isFor(model_->folder(), model_->parameters())) {
        setVisible(false);
        return;
    }
    const hub::HubSettings hub = downloads_->hubSettings();
    Situation s;
    s.modelDir = model_->folder();
    s.parameters = model_->parameters();
    s.automaticModelDir = automaticModelDir(hub.cacheDir);
    s.downloading = downloads_->isActive() || downloads_->state() == DownloadController::State::Paused;
    s.downloadPercent = currentDownloadPercent();
    s.hubEndpoint = QString::fromStdString(hub.endpoint);
    showFor(s);
}

void DemoBanner::showProgress() {
    if (isHidden() || !shown_.downloading)
        return;
    shown_.downloadPercent = currentDownloadPercent();
    showFor(shown_);
}

int DemoBanner::currentDownloadPercent() const {
    return downloads_->status().total > 0 ? downloads_->percent() : -1;
}

bool DemoBanner::isFor(const QString& modelDir, qint64 parameters) {
    return parameters < kDemoParameterLimit || isSameFolder(modelDir, demoModelDir());
}

void DemoBanner::showFor(const Situation& s) {
    shown_ = s;
    const QString& real = s.automaticModelDir;
    const bool realHere = !real.isEmpty() && !isSameFolder(real, demoModelDir());
    if (realHere && isSameFolder(real, s.modelDir))
        // A model where the real one belongs, yet with a few million parameters: a test checkpoint.
        text_->setText(tr("This model has only %1 million parameters: it is a test checkpoint with random "
                          "weights, and its videos are noise.")
                           .arg(s.parameters / 1'000'000));
    else if (realHere)
        text_->setText(tr("Random-weight demo model: videos are noise. The real I2VGen-XL weights are on this "
                          "computer: choose them in File ▸ Models…"));
    else
        text_->setText(tr("Random-weight demo model: videos are noise. Download the real I2VGen-XL weights with "
                          "the button (or `i2v download` on the command line), or put them in %1.")
                           .arg(QDir::toNativeSeparators(defaultRealModelDir())));
    download_->setVisible(!realHere || s.downloading);
    if (!DownloadController::available()) {
        download_->setEnabled(false);
        download_->setToolTip(DownloadController::unavailableReason());
    } else {
        download_->setText(!s.downloading ? tr("Download I2VGen-XL (fp16, about 5 GB)")
                           : s.downloadPercent >= 0 ? tr("Show the download (%1 %)").arg(s.downloadPercent)
                                                    : tr("Show the download"));
        download_->setToolTip(s.downloading ? QString()
                                            : tr("From %1 into the shared model cache; the Models window shows "
                                                 "the progress")
                                                  .arg(s.hubEndpoint));
    }
    setVisible(true);
}

} // namespace i2v::ui
