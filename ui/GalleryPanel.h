// GalleryPanel: every job of the history as a grid of thumbnails (newest first). Resting the pointer on
// one plays its clip in place, a click plays it in the result view; the text box and the period filter the
// grid. Each item offers Play, Export…, Reuse settings, Continue from last frame, Show in folder, Copy and
// Delete… (buttons under the grid, the context menu, and keys); items drag out to other applications as
// files. The panel shows HistoryEntry values and asks for actions; the window talks to the database.
#pragma once
#include "ui/JobHistory.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace i2v::ui {

class GalleryFilter;
class GalleryHoverPlayer;
class GalleryModel;

class GalleryPanel : public QWidget {
    Q_OBJECT
public:
    explicit GalleryPanel(QWidget* parent = nullptr);

    void setEntries(const QList<HistoryEntry>& entries);  // newest first
    void addEntry(const HistoryEntry& entry);              // goes first
    void removeEntry(qint64 id);
    int count() const;         // every entry, shown or filtered out
    int shownCount() const;    // those the filter lets through
    qint64 entryIdAt(int shownRow) const;
    std::optional<HistoryEntry> selectedEntry() const;
    void selectEntry(qint64 id);
    // Puts the selected entry's video on the clipboard (file URL, path as text, thumbnail as image).
    void copySelected();

    QListView* view() const { return view_; }
    GalleryModel* model() const { return model_; }
    GalleryFilter* filter() const { return filter_; }
    GalleryHoverPlayer* hoverPlayer() const { return hover_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void playRequested(const i2v::ui::HistoryEntry& entry);
    void exportRequested(const i2v::ui::HistoryEntry& entry);
    void reuseRequested(const i2v::ui::HistoryEntry& entry);
    void continueRequested(const i2v::ui::HistoryEntry& entry);
    void openFolderRequested(const i2v::ui::HistoryEntry& entry);
    // The window asks first (and whether the video file goes too).
    void deleteRequested(const i2v::ui::HistoryEntry& entry);

private:
    QAction* addEntryAction(const QString& name, const QString& text, const QString& tip,
                            void (GalleryPanel::*signal)(const HistoryEntry&));
    void updateActions();
    void updateEmptyNote();
    void showContextMenu(const QPoint& pos);
    // Thumbnails as large as the grid's height lets a whole item (thumbnail and caption) show.
    void fitItemsToHeight();
    int captionHeight() const;                     // two lines under a thumbnail: date and prompt
    int itemHeight(int thumbnailHeight) const;     // the viewport height one row of items needs
    static int smallestThumbnailHeight();          // 40 % of the full size

    GalleryModel* model_;
    GalleryFilter* filter_;
    QListView* view_;
    GalleryHoverPlayer* hover_;
    QLineEdit* search_;
    QComboBox* period_;
    QLabel* count_;
    QLabel* empty_;
    QAction* play_;
    QAction* export_;
    QAction* reuse_;
    QAction* continue_;
    QAction* openFolder_;
    QAction* copy_;
    QAction* delete_;
};

} // namespace i2v::ui
