#include "ui/QueuePanel.h"

#include "ui/JobQueueModel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace i2v::ui {
namespace {

// Draws the progress column as a progress bar with the "step / total" text.
class ProgressDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const int total = index.data(JobQueueModel::TotalRole).toInt();
        if (total <= 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = total;
        bar.progress = index.data(JobQueueModel::StepRole).toInt();
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

} // namespace

QueuePanel::QueuePanel(JobQueueModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    view_ = new QTreeView(this);
    view_->setObjectName(QStringLiteral("queueView"));
    view_->setModel(model_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setItemDelegateForColumn(JobQueueModel::ProgressColumn, new ProgressDelegate(view_));
    view_->header()->setStretchLastSection(true);
    view_->header()->setSectionResizeMode(JobQueueModel::JobColumn, QHeaderView::Stretch);
    view_->header()->setStretchLastSection(false);
    view_->setColumnWidth(JobQueueModel::ProgressColumn, 140);

    cancelJob_ = new QPushButton(tr("Cancel job"), this);
    cancelJob_->setObjectName(QStringLiteral("queueCancelJob"));
    cancelAll_ = new QPushButton(tr("Cancel all"), this);
    cancelAll_->setObjectName(QStringLiteral("queueCancelAll"));
    clear_ = new QPushButton(tr("Clear finished"), this);
    clear_->setObjectName(QStringLiteral("queueClear"));
    connect(cancelJob_, &QPushButton::clicked, this, [this] {
        if (const int id = selectedJob())
            emit cancelJobRequested(id);
    });
    connect(cancelAll_, &QPushButton::clicked, this, &QueuePanel::cancelAllRequested);
    connect(clear_, &QPushButton::clicked, model_, &JobQueueModel::removeEnded);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancelJob_);
    buttons->addWidget(cancelAll_);
    buttons->addStretch(1);
    buttons->addWidget(clear_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_, 1);
    layout->addLayout(buttons);

    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueuePanel::updateButtons);
    connect(model_, &QAbstractItemModel::dataChanged, this, &QueuePanel::updateButtons);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateButtons);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateButtons);
    updateButtons();
}

int QueuePanel::selectedJob() const {
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : model_->jobIdAt(rows.first().row());
}

void QueuePanel::selectJob(int jobId) {
    const int row = model_->rowOf(jobId);
    if (row < 0)
        view_->clearSelection();
    else
        view_->selectionModel()->select(model_->index(row, 0),
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void QueuePanel::updateButtons() {
    const int id = selectedJob();
    cancelJob_->setEnabled(id != 0 && !JobQueueModel::isEnded(model_->stateOf(id)));
    cancelAll_->setEnabled(model_->hasUnfinished());
    bool anyEnded = false;
    for (int jobId : model_->jobIds())
        anyEnded = anyEnded || JobQueueModel::isEnded(model_->stateOf(jobId));
    clear_->setEnabled(anyEnded);
}

} // namespace i2v::ui
