#include "ui/HistoryPanel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace i2v::ui {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString outcomeText(JobOutcome outcome) {
    switch (outcome) {
    case JobOutcome::Finished: return HistoryPanel::tr("Finished");
    case JobOutcome::NotSaved: return HistoryPanel::tr("Not saved");
    case JobOutcome::Cancelled: return HistoryPanel::tr("Cancelled");
    case JobOutcome::Failed: return HistoryPanel::tr("Failed");
    }
    return {};
}

} // namespace

HistoryPanel::HistoryPanel(QWidget* parent) : QWidget(parent) {
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("historyList"));
    list_->setIconSize(JobHistory::thumbnailSize() / 2);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setWordWrap(true);
    list_->setUniformItemSizes(false);

    reuse_ = new QPushButton(tr("Reuse settings"), this);
    reuse_->setObjectName(QStringLiteral("historyReuse"));
    reuse_->setToolTip(tr("Put this job's picture, prompt and settings back into the controls"));
    continue_ = new QPushButton(tr("Continue from last frame"), this);
    continue_->setObjectName(QStringLiteral("historyContinue"));
    continue_->setToolTip(tr("Start a new job whose picture is the last frame of this video"));
    openFolder_ = new QPushButton(tr("Open folder"), this);
    openFolder_->setObjectName(QStringLiteral("historyOpenFolder"));
    delete_ = new QPushButton(tr("Delete"), this);
    delete_->setObjectName(QStringLiteral("historyDelete"));
    delete_->setToolTip(tr("Remove this entry from the history (the video file stays)"));

    connect(reuse_, &QPushButton::clicked, this, [this] {
        if (const auto e = selectedEntry())
            emit reuseRequested(*e);
    });
    connect(continue_, &QPushButton::clicked, this, [this] {
        if (const auto e = selectedEntry())
            emit continueRequested(*e);
    });
    connect(openFolder_, &QPushButton::clicked, this, [this] {
        if (const auto e = selectedEntry())
            emit openFolderRequested(*e);
    });
    connect(delete_, &QPushButton::clicked, this, [this] {
        if (const auto e = selectedEntry())
            emit deleteRequested(e->id);
    });
    connect(list_, &QListWidget::itemSelectionChanged, this, &HistoryPanel::updateButtons);
    connect(list_, &QListWidget::itemDoubleClicked, this, [this] {
        if (const auto e = selectedEntry())
            emit reuseRequested(*e);
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(reuse_);
    buttons->addWidget(continue_);
    buttons->addWidget(openFolder_);
    buttons->addStretch(1);
    buttons->addWidget(delete_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(list_, 1);
    layout->addLayout(buttons);
    updateButtons();
}

QString HistoryPanel::describe(const HistoryEntry& e) {
    const GenerationRequest& r = e.request.generation;
    QString text = tr("%1 · %2 · seed %3 · %4×%5, %6 frames, %7 steps")
                       .arg(outcomeText(e.outcome), QLocale().toString(e.ended, QLocale::ShortFormat))
                       .arg(r.seed)
                       .arg(r.width)
                       .arg(r.height)
                       .arg(r.numFrames)
                       .arg(r.numInferenceSteps);
    if (const QString prompt = e.request.prompt(); !prompt.isEmpty())
        text += QLatin1Char('\n') + prompt.simplified().left(120);
    if (!e.message.isEmpty())
        text += QLatin1Char('\n') + e.message.left(160);
    return text;
}

QListWidgetItem* HistoryPanel::makeItem(const HistoryEntry& e) {
    auto* item = new QListWidgetItem(describe(e));
    item->setData(kIdRole, e.id);
    if (!e.thumbnail.isNull())
        item->setIcon(QPixmap::fromImage(e.thumbnail));
    QString tip = tr("Started %1, ended %2").arg(QLocale().toString(e.started), QLocale().toString(e.ended));
    if (!e.videoPath.isEmpty())
        tip += QLatin1Char('\n') + e.videoPath;
    item->setToolTip(tip);
    entries_.insert(e.id, e);
    return item;
}

void HistoryPanel::setEntries(const QList<HistoryEntry>& entries) {
    list_->clear();
    entries_.clear();
    for (const HistoryEntry& e : entries)
        list_->addItem(makeItem(e));
    updateButtons();
}

void HistoryPanel::addEntry(const HistoryEntry& entry) {
    list_->insertItem(0, makeItem(entry));
    updateButtons();
}

void HistoryPanel::removeEntry(qint64 id) {
    for (int row = 0; row < list_->count(); ++row)
        if (list_->item(row)->data(kIdRole).toLongLong() == id) {
            delete list_->takeItem(row);
            break;
        }
    entries_.remove(id);
    updateButtons();
}

int HistoryPanel::count() const { return list_->count(); }

qint64 HistoryPanel::entryIdAt(int row) const {
    const QListWidgetItem* item = list_->item(row);
    return item ? item->data(kIdRole).toLongLong() : 0;
}

std::optional<HistoryEntry> HistoryPanel::selectedEntry() const {
    const QList<QListWidgetItem*> items = list_->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const auto it = entries_.constFind(items.first()->data(kIdRole).toLongLong());
    if (it == entries_.constEnd())
        return std::nullopt;
    return *it;
}

void HistoryPanel::selectEntry(qint64 id) {
    for (int row = 0; row < list_->count(); ++row)
        if (list_->item(row)->data(kIdRole).toLongLong() == id) {
            list_->setCurrentRow(row);
            return;
        }
}

void HistoryPanel::updateButtons() {
    const auto e = selectedEntry();
    reuse_->setEnabled(e.has_value());
    continue_->setEnabled(e && e->outcome == JobOutcome::Finished && QFileInfo::exists(e->videoPath));
    openFolder_->setEnabled(e && !e->videoPath.isEmpty());
    delete_->setEnabled(e.has_value());
}

} // namespace i2v::ui
