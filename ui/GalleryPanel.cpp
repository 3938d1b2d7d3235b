#include "ui/GalleryPanel.h"

#include "ui/GalleryFilter.h"
#include "ui/GalleryHoverPlayer.h"
#include "ui/GalleryModel.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace i2v::ui {

GalleryPanel::GalleryPanel(QWidget* parent) : QWidget(parent) {
    model_ = new GalleryModel(this);
    filter_ = new GalleryFilter(this);
    filter_->setSourceModel(model_);

    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("galleryFilter"));
    search_->setPlaceholderText(tr("Filter by prompt"));
    search_->setClearButtonEnabled(true);
    search_->setToolTip(tr("Show only the videos whose prompt contains this text"));
    connect(search_, &QLineEdit::textChanged, filter_, &GalleryFilter::setText);

    period_ = new QComboBox(this);
    period_->setObjectName(QStringLiteral("galleryPeriod"));
    period_->addItem(tr("Any time"), int(GalleryFilter::Period::Any));
    period_->addItem(tr("Today"), int(GalleryFilter::Period::Today));
    period_->addItem(tr("Last 7 days"), int(GalleryFilter::Period::Week));
    period_->addItem(tr("Last 30 days"), int(GalleryFilter::Period::Month));
    period_->setToolTip(tr("Show only the videos made in this period"));
    connect(period_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setPeriod(GalleryFilter::Period(period_->currentData().toInt())); });

    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("galleryCount"));

    view_ = new QListView(this);
    view_->setObjectName(QStringLiteral("galleryView"));
    view_->setModel(filter_);
    view_->setViewMode(QListView::IconMode);
    view_->viewport()->installEventFilter(this);  // its height sets the thumbnails' (fitItemsToHeight)
    view_->setUniformItemSizes(true);
    view_->setMovement(QListView::Static);
    view_->setResizeMode(QListView::Adjust);
    view_->setWrapping(true);
    view_->setWordWrap(true);
    view_->setTextElideMode(Qt::ElideRight);
    // One row of whole items at the smallest thumbnails (fitItemsToHeight), rather than a scroll area's own
    // 70 pixels, which showed neither caption; the note that stands in for the list while it is empty is as
    // tall (updateEmptyNote).
    view_->setMinimumHeight(itemHeight(smallestThumbnailHeight()) + 2 * view_->frameWidth());
    // Lays out 1,000 items in batches so that the window stays responsive while the history loads.
    view_->setLayoutMode(QListView::Batched);
    view_->setBatchSize(200);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setDragEnabled(true);
    view_->setDragDropMode(QAbstractItemView::DragOnly);
    view_->setDefaultDropAction(Qt::CopyAction);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->setToolTip(QString());  // each item has its own
    connect(view_, &QWidget::customContextMenuRequested, this, &GalleryPanel::showContextMenu);
    hover_ = new GalleryHoverPlayer(view_, model_);

    empty_ = new QLabel(this);
    empty_->setObjectName(QStringLiteral("galleryEmpty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setEnabled(false);  // drawn as a hint, not as content
    empty_->setMinimumHeight(view_->minimumHeight());

    play_ = addEntryAction(QStringLiteral("galleryPlay"), tr("Play"), tr("Play this video in the result view"),
                           &GalleryPanel::playRequested);
    export_ = addEntryAction(QStringLiteral("galleryExport"), tr("Export…"), tr("Write this video in another format"),
                             &GalleryPanel::exportRequested);
    reuse_ = addEntryAction(QStringLiteral("galleryReuse"), tr("Reuse settings"),
                            tr("Put this job's picture, prompt and settings back into the controls"),
                            &GalleryPanel::reuseRequested);
    continue_ = addEntryAction(QStringLiteral("galleryContinue"), tr("Continue from last frame"),
                               tr("Start a new job whose picture is the last frame of this video"),
                               &GalleryPanel::continueRequested);
    openFolder_ = addEntryAction(QStringLiteral("galleryOpenFolder"), tr("Show in folder"),
                                 tr("Open the folder that holds this video"), &GalleryPanel::openFolderRequested);
    delete_ = addEntryAction(QStringLiteral("galleryDelete"), tr("Delete…"),
                             tr("Remove this video from the gallery (you choose whether the file stays)"),
                             &GalleryPanel::deleteRequested);
    delete_->setShortcut(QKeySequence::Delete);
    copy_ = new QAction(tr("Copy"), this);
    copy_->setObjectName(QStringLiteral("galleryCopy"));
    copy_->setToolTip(tr("Copy the video file, to paste it into another application"));
    copy_->setShortcut(QKeySequence::Copy);
    copy_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy_, &QAction::triggered, this, &GalleryPanel::copySelected);
    addAction(copy_);

    connect(view_, &QAbstractItemView::clicked, this, [this] {
        if (const auto e = selectedEntry(); e && play_->isEnabled())
            emit playRequested(*e);
    });
    connect(view_, &QAbstractItemView::activated, this, [this] {  // Enter, or a double click
        if (const auto e = selectedEntry(); e && play_->isEnabled())
            emit playRequested(*e);
    });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GalleryPanel::updateActions);
    // The count and the note follow the entries (an entry the filter hides changes "3 of 5" too) and the filter.
    for (QAbstractItemModel* m : std::initializer_list<QAbstractItemModel*>{model_, filter_}) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(m, signal, this, &GalleryPanel::updateEmptyNote);
        connect(m, &QAbstractItemModel::modelReset, this, &GalleryPanel::updateEmptyNote);
    }
    connect(filter_, &QAbstractItemModel::layoutChanged, this, &GalleryPanel::updateEmptyNote);

    auto* filters = new QHBoxLayout;
    filters->addWidget(search_, 1);
    filters->addWidget(period_);
    filters->addWidget(count_);
    auto* buttons = new QHBoxLayout;
    for (QAction* action : {play_, reuse_, continue_, openFolder_}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    auto* deleteButton = new QToolButton(this);
    deleteButton->setDefaultAction(delete_);
    deleteButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buttons->addWidget(deleteButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(view_, 1);
    layout->addWidget(empty_, 1);
    layout->addLayout(buttons);
    updateActions();
    updateEmptyNote();
    fitItemsToHeight();
}

bool GalleryPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_->viewport() && event->type() == QEvent::Resize)
        fitItemsToHeight();
    return QWidget::eventFilter(watched, event);
}

int GalleryPanel::captionHeight() const { return 2 * view_->fontMetrics().height() + 8; }

int GalleryPanel::itemHeight(int thumbnailHeight) const { return thumbnailHeight + captionHeight() + 6; }

int GalleryPanel::smallestThumbnailHeight() { return GalleryModel::iconSize().height() * 2 / 5; }

void GalleryPanel::fitItemsToHeight() {
    // The dock starts a few rows high (1280x720 leaves it ~90 pixels): full-size thumbnails would show no
    // caption there. They shrink, down to 40 %, so that one row of whole items fits; a taller dock gets
    // the full size.
    const int line = view_->fontMetrics().height();
    const QSize full = GalleryModel::iconSize();
    const int height = std::clamp(view_->viewport()->height() - itemHeight(0), smallestThumbnailHeight(), full.height());
    const QSize icon(full.width() * height / full.height(), height);
    if (icon == view_->iconSize() && view_->gridSize().isValid())
        return;
    view_->setIconSize(icon);
    // Wide enough for a caption's ~28 characters whatever the thumbnail's size.
    view_->setGridSize(QSize(std::max(icon.width(), 8 * line) + 3 * line, icon.height() + captionHeight() + 4));
}

QAction* GalleryPanel::addEntryAction(const QString& name, const QString& text, const QString& tip,
                                      void (GalleryPanel::*signal)(const HistoryEntry&)) {
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    action->setToolTip(tip);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, [this, signal] {
        if (const auto e = selectedEntry())
            emit (this->*signal)(*e);
    });
    addAction(action);
    return action;
}

void GalleryPanel::setEntries(const QList<HistoryEntry>& entries) { model_->setEntries(entries); }

void GalleryPanel::addEntry(const HistoryEntry& entry) { model_->prepend(entry); }

void GalleryPanel::removeEntry(qint64 id) { model_->remove(id); }

int GalleryPanel::count() const { return model_->rowCount(); }
int GalleryPanel::shownCount() const { return filter_->rowCount(); }

qint64 GalleryPanel::entryIdAt(int shownRow) const {
    return filter_->index(shownRow, 0).data(GalleryModel::EntryIdRole).toLongLong();
}

std::optional<HistoryEntry> GalleryPanel::selectedEntry() const {
    const QModelIndexList rows = view_->selectionModel()->selectedIndexes();
    if (rows.isEmpty())
        return std::nullopt;
    return model_->entry(rows.first().data(GalleryModel::EntryIdRole).toLongLong());
}

void GalleryPanel::selectEntry(qint64 id) {
    const int row = model_->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex shown = filter_->mapFromSource(model_->index(row));
    if (!shown.isValid())
        return;  // filtered out
    view_->setCurrentIndex(shown);
    view_->scrollTo(shown);
}

void GalleryPanel::copySelected() {
    const auto e = selectedEntry();
    if (!e)
        return;
    QGuiApplication::clipboard()->setMimeData(GalleryModel::mimeDataFor({*e}, model_->thumbnail(e->id)));
}

void GalleryPanel::updateActions() {
    const auto e = selectedEntry();
    const bool hasVideo = e && !e->videoPath.isEmpty() && QFileInfo::exists(e->videoPath);
    play_->setEnabled(hasVideo);
    export_->setEnabled(hasVideo);
    reuse_->setEnabled(e.has_value());
    continue_->setEnabled(hasVideo && e->outcome == JobOutcome::Finished);
    openFolder_->setEnabled(e && !e->videoPath.isEmpty());
    copy_->setEnabled(hasVideo);
    delete_->setEnabled(e.has_value());
}

void GalleryPanel::updateEmptyNote() {
    const int all = count(), shown = shownCount();
    count_->setText(shown != all ? tr("%1 of %2").arg(shown).arg(all) : all == 1 ? tr("1 video") : tr("%1 videos").arg(all));
    empty_->setText(all == 0 ? tr("Your videos appear here when a job ends.") : tr("No video matches the filter."));
    // The tabbed bottom docks grow to the tallest minimum of their pages and stay that high: the list and the
    // note have one minimum height, and one is hidden before the other shows (with both shown for a moment,
    // the docks took ~45 pixels of the form's height at 1280x720 when the first video came).
    if (shown > 0) {
        empty_->hide();
        view_->show();
    } else {
        view_->hide();
        empty_->show();
    }
    updateActions();
}

void GalleryPanel::showContextMenu(const QPoint& pos) {
    const QModelIndex index = view_->indexAt(pos);
    if (!index.isValid())
        return;
    view_->setCurrentIndex(index);
    QMenu menu(this);
    menu.addActions({play_, export_});
    menu.addSeparator();
    menu.addActions({reuse_, continue_});
    menu.addSeparator();
    menu.addActions({openFolder_, copy_});
    menu.addSeparator();
    menu.addAction(delete_);
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

} // namespace i2v::ui
