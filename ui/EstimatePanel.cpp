#include "ui/EstimatePanel.h"

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
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(line_);
    layout->addWidget(warning_);
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
}

QString EstimatePanel::text() const { return line_->text(); }
QString EstimatePanel::warningText() const { return warning_->isHidden() ? QString() : warning_->text(); }

} // namespace i2v::ui
