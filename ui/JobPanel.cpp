#include "ui/JobPanel.h"

#include "ui/ActiveModel.h"
#include "ui/EstimatePanel.h"
#include "ui/GenerationForm.h"
#include "ui/JobController.h"
#include "ui/JobPresets.h"
#include "ui/PresetRow.h"
#include "ui/VerticalScrollArea.h"

#include <QDir>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace i2v::ui {

JobPanel::JobPanel(DropZone* picture, JobPresets* presets, JobController* jobs, const ActiveModel* model, QWidget* parent)
    : QWidget(parent), jobs_(jobs), presets_(presets) {
    // Model and form scroll when the window is too short for them (every row keeps its height at 1280x720
    // and below); the buttons stay below, always in view. Spare height goes to the prompt.
    auto* outerLayout = new QVBoxLayout(this);
    outerLayout->setContentsMargins(0, 0, 0, 0);
    scroll_ = verticalScrollArea(QStringLiteral("settingsScroll"), this);
    column_ = new QWidget(scroll_);
    auto* layout = new QVBoxLayout(column_);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* modelBox = new QGroupBox(tr("Model"), column_);
    modelFolder_ = new QLineEdit(modelBox);
    modelFolder_->setObjectName(QStringLiteral("modelFolder"));
    modelFolder_->setReadOnly(true);
    auto* browse = new QToolButton(modelBox);
    browse->setText(tr("Choose…"));
    connect(browse, &QToolButton::clicked, this, &JobPanel::chooseModelRequested);
    auto* modelRow = new QHBoxLayout(modelBox);
    modelRow->addWidget(modelFolder_, 1);
    modelRow->addWidget(browse);
    layout->addWidget(modelBox);
    form_ = new GenerationForm(picture, presets, column_);
    layout->addWidget(form_, 1);
    estimate_ = new EstimatePanel(this);

    generate_ = new QPushButton(tr("Generate"), this);
    generate_->setObjectName(QStringLiteral("generateButton"));
    generate_->setToolTip(tr("Generate the video (Ctrl+Enter)"));
    generate_->setDefault(true);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("cancelButton"));
    cancel_->setToolTip(tr("Stop the running job (Esc)"));
    export_ = new QPushButton(tr("Export…"), this);
    export_->setObjectName(QStringLiteral("exportButton"));
    continue_ = new QPushButton(tr("Continue"), this);
    continue_->setObjectName(QStringLiteral("continueButton"));
    continue_->setToolTip(tr("Generate a new clip that starts from the last frame of this result"));
    connect(generate_, &QPushButton::clicked, this, &JobPanel::generateRequested);
    connect(cancel_, &QPushButton::clicked, this, &JobPanel::cancelRequested);
    connect(export_, &QPushButton::clicked, this, &JobPanel::exportRequested);
    connect(continue_, &QPushButton::clicked, this, &JobPanel::continueRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(generate_, 1);
    buttons->addWidget(cancel_);
    buttons->addWidget(continue_);
    buttons->addWidget(export_);
    scroll_->setWidget(column_);
    outerLayout->addWidget(scroll_, 1);
    outerLayout->addWidget(estimate_);
    outerLayout->addLayout(buttons);
    fitColumnWidth();
    // Measured at construction alone, the column was cut by 70 px at 1024x640 once polished and filled in.
    column_->installEventFilter(this);

    connect(form_, &GenerationForm::changed, this, &JobPanel::updateEstimate);
    connect(jobs_, &JobController::estimateInputsChanged, this, &JobPanel::updateEstimate);
    connect(jobs_, &JobController::calibratingChanged, this, &JobPanel::updateEstimate);
    connect(estimate_, &EstimatePanel::draftRequested, this, &JobPanel::useDraftPreset);
    // The form counts the prompt's tokens with the model's tokenizer and offers its default scheduler once known.
    connect(model, &ActiveModel::loading, this, [this](const QString& dir) {
        modelFolder_->setText(QDir::toNativeSeparators(dir));
        form_->setModel(dir);
        form_->setDefaultScheduler(QString());
    });
    connect(model, &ActiveModel::ready, this, [this](const QString&, const QString& defaultScheduler) {
        form_->setDefaultScheduler(defaultScheduler);
    });
}

void JobPanel::setAvailable(const Available& available, bool queueing) {
    generate_->setText(queueing ? tr("Add to queue") : tr("Generate"));
    generate_->setEnabled(available.generate);
    cancel_->setEnabled(available.cancel);
    continue_->setEnabled(available.continueResult);
    export_->setEnabled(available.exportResult);
}

void JobPanel::fitColumnWidth() {
    const int width = column_->minimumSizeHint().width() + scroll_->verticalScrollBar()->sizeHint().width();
    if (width == minimumWidth())
        return;
    setMinimumWidth(width);
    // QSplitter keeps the other side's share when a child's minimum grows, which pushed this panel past its right
    // edge: it shares out again now.
    if (auto* split = qobject_cast<QSplitter*>(parentWidget()))
        split->refresh();
}

bool JobPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == column_ && event->type() == QEvent::LayoutRequest)
        fitColumnWidth();
    return QWidget::eventFilter(watched, event);
}

void JobPanel::useDraftPreset() { form_->presetRow()->apply(JobPresets::builtInNames().constFirst()); }

void JobPanel::updateEstimate() {
    if (!jobs_->hasCostModel()) {
        estimate_->showNoModel();
        return;
    }
    const JobRequest request = form_->request();
    const JobEstimate estimate = jobs_->estimate(request);
    estimate_->showEstimate(estimate, form_->runs(), jobs_->isCalibrating());
    estimate_->offerDraft(draftSecondsToOffer(request, estimate));
}

std::optional<double> JobPanel::draftSecondsToOffer(const JobRequest& request, const JobEstimate& estimate) const {
    constexpr double kLongJobSeconds = 30 * 60;
    const QString draft = JobPresets::builtInNames().constFirst();
    if (!estimate.seconds || *estimate.seconds < kLongJobSeconds || presets_->holds(draft, request.generation))
        return std::nullopt;
    JobRequest quick = request;
    quick.generation = *presets_->apply(draft, request.generation);
    const std::optional<double> seconds = jobs_->estimate(quick).seconds;
    if (!seconds || *seconds > *estimate.seconds / 4)
        return std::nullopt;
    return seconds;
}

} // namespace i2v::ui
