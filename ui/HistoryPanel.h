// HistoryPanel: the job history (newest first) with each job's thumbnail, time, outcome and main
// parameters, and the actions Reuse settings, Continue from last frame, Open folder and Delete. It
// shows HistoryEntry values and asks for actions; the window talks to the JobHistory database.
#pragma once
#include "ui/JobHistory.h"

#include <QHash>
#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace i2v::ui {

class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    void setEntries(const QList<HistoryEntry>& entries);  // newest first
    void addEntry(const HistoryEntry& entry);              // goes on top
    void removeEntry(qint64 id);
    int count() const;
    qint64 entryIdAt(int row) const;
    std::optional<HistoryEntry> selectedEntry() const;
    void selectEntry(qint64 id);
    QListWidget* list() const { return list_; }

    static QString describe(const HistoryEntry& entry);  // the list text

signals:
    void reuseRequested(const i2v::ui::HistoryEntry& entry);
    void continueRequested(const i2v::ui::HistoryEntry& entry);
    void openFolderRequested(const i2v::ui::HistoryEntry& entry);
    void deleteRequested(qint64 id);

private:
    QListWidgetItem* makeItem(const HistoryEntry& entry);
    void updateButtons();

    QListWidget* list_;
    QPushButton* reuse_;
    QPushButton* continue_;
    QPushButton* openFolder_;
    QPushButton* delete_;
    QHash<qint64, HistoryEntry> entries_;
};

} // namespace i2v::ui
