// GalleryModel: every job of the history (newest first) as one item of the gallery grid: its thumbnail, a
// short caption, the full description as tooltip, and its video as a file URL for drag-out and the clipboard.
// The thumbnails are kept as pixmaps only (the entries' QImages are dropped), so 1,000 entries stay small.
#pragma once
#include "ui/JobHistory.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>

#include <optional>

class QMimeData;

namespace i2v::ui {

class GalleryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        EntryIdRole = Qt::UserRole + 1,  // qint64
        PromptRole,                      // QString
        EndedRole,                       // QDateTime
        OutcomeRole,                     // int (JobOutcome)
        VideoPathRole,                   // QString; empty when the job wrote no video
    };

    explicit GalleryModel(QObject* parent = nullptr);

    void setEntries(QList<HistoryEntry> entries);  // newest first
    void prepend(HistoryEntry entry);
    bool remove(qint64 id);
    int rowOf(qint64 id) const;  // -1 when absent
    std::optional<HistoryEntry> entry(qint64 id) const;  // without its thumbnail (thumbnail() has it)
    QPixmap thumbnail(qint64 id) const { return thumbnails_.value(id); }
    const HistoryEntry& entryAt(int row) const { return entries_.at(row); }

    // What the item shows instead of its thumbnail while the pointer rests on it (a frame of its clip);
    // a null image shows the thumbnail again.
    void setLiveFrame(qint64 id, const QImage& frame);
    qint64 liveFrameEntry() const { return liveId_; }

    // The thumbnail's size in the grid.
    static QSize iconSize() { return {128, 80}; }
    static QString caption(const HistoryEntry& entry);   // under the thumbnail
    static QString describe(const HistoryEntry& entry);  // the tooltip: outcome, time, settings, prompt, file
    static QString outcomeText(JobOutcome outcome);
    // The data other applications get for these entries (drag-out, clipboard): the videos that exist as
    // file URLs, their paths as text, and the first entry's thumbnail as an image.
    static QMimeData* mimeDataFor(const QList<HistoryEntry>& entries, const QPixmap& thumbnail = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

private:
    void keepThumbnail(HistoryEntry& entry);

    QList<HistoryEntry> entries_;
    QHash<qint64, QPixmap> thumbnails_;
    qint64 liveId_ = 0;
    QPixmap liveFrame_;
};

} // namespace i2v::ui
