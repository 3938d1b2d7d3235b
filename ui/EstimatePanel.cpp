#include "ui/EstimatePanel.h"

#include "ui/JobPresets.h"
#include "ui/StatusColors.h"

#include <QLabel>
#include <QVBoxLayout>

namespace i2v::ui {

EstimatePanel::EstimatePanel(QWidget* parent) : QWidget(parent) {
    line_ = new QLabel(this);
    line_->setObjectName(QStringLiteral("estimate"));
    line_->setWordWrap(true);
    line_->setToolTip(tr("Measured on this computer with this model: right after the model first loads, then "
                         "refined by every job"));
    warning_ = new QLabel(this);
    warning_->setObjectName(QStringLiteral("estimateWarning"));
    warning_->setWordWrap(true);
    followPalette(warning_, [this] { warning_->setStyleSheet(toneLabelStyle(Tone::Error)); });
    warning_->setVisible(false);
    draftOffer_ = new QLabel(this);
    draftOffer_->setObjectName(QStringLiteral("estimateDraftOffer"));
    draftOffer_->setWordWrap(true);
    draftOffer_->setTextFormat(Qt::RichText);
    draftOffer_->setVisible(false);
    connect(draftOffer_, &QLabel::linkActivated, this, &EstimatePanel::draftRequested);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(line_);
    layout->addWidget(warning_);
    layout->addWidget(draftOffer_);
    showNoModel();
}

void EstimatePanel::showEstimate(const JobEstimate& e, int runs, bool calibrating) {
    QString text;
    if (!e.seconds && calibrating) {
        text = tr("Measuring this computer's speed with the model…");
        if (e.peakBytes > 0)
            text += QLatin1Char(' ') + tr("The job needs about %1 of memory.").arg(formatBytes(e.peakBytes));
    } else if (runs > 1 && e.seconds) {
        JobEstimate all = e;
        all.seconds = *e.seconds * runs;
        text = tr("%1 jobs: %2").arg(runs).arg(describeEstimate(all));
    } else {
        text = describeEstimate(e);
    }
    line_->setText(text);
    const QString warning = memoryWarning(e);
    warning_->setText(warning);
    warning_->setVisible(!warning.isEmpty());
}

void EstimatePanel::showNoModel() {
    line_->setText(tr("No model loaded: no estimate"));
    warning_->clear();
    warning_->setVisible(false);
    offerDraft(std::nullopt);
}

void EstimatePanel::offerDraft(std::optional<double> draftSeconds) {
    if (!draftSeconds) {
        draftOffer_->clear();
        draftOffer_->setVisible(false);
        return;
    }
    const QString draft = JobPresets::builtInNames().constFirst();
    draftOffer_->setText(tr("A long job on this computer: the %1 preset (%2) takes %3. <a href=\"draft\">Use %1</a>")
                             .arg(draft.toHtmlEscaped(), JobPresets::builtInSummary(draft).toHtmlEscaped(),
                                  formatDuration(*draftSeconds).toHtmlEscaped()));
    draftOffer_->setVisible(true);
}

QString EstimatePanel::text() const { return line_->text(); }
QString EstimatePanel::warningText() const { return warning_->isHidden() ? QString() : warning_->text(); }
QString EstimatePanel::draftOfferText() const { return draftOffer_->isHidden() ? QString() : draftOffer_->text(); }

} // namespace i2v::ui
