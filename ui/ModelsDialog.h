// ModelsDialog: the Models window (File > Models…, and the demo banner's download button). Lists every
// I2VGen-XL model on this computer, as core's hub::listModels finds them: sub-folders of the app's models folder,
// snapshots in the shared Hugging Face cache and folders the user added (kept in QSettings `models/userFolders`),
// each with its weight variants, size on disk and whether it is complete (the problems as a tooltip). Use
// switches the main window to a model (double-click too), Show in folder opens the file manager, Verify hashes
// every file on a thread of its own, Remove deletes a model from the cache (after asking; never one that is being
// downloaded), Add folder… adds one. Below, the DownloadPanel. The window is not modal and closing it stops
// nothing: the download belongs to the DownloadController.
#pragma once
#include "ui/DownloadController.h"

#include "hub/ModelCatalog.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QSettings;
class QTableWidget;
class QThread;

namespace i2v {
class CancelToken;
}

namespace i2v::ui {

class DownloadPanel;

class ModelsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { NameColumn, SourceColumn, VariantsColumn, SizeColumn, StatusColumn, FolderColumn, ColumnCount };

    // `settings` (not owned) holds the user's folders; `appModelsDir` is the app's own models folder.
    ModelsDialog(DownloadController* downloads, QSettings* settings, const QString& appModelsDir,
                 QWidget* parent = nullptr);
    ~ModelsDialog() override;   // stops a running Verify and waits for it

    const std::vector<hub::ModelEntry>& models() const { return models_; }
    // The row of the model in `dir`, -1 when it is not listed.
    int rowOf(const QString& dir) const;
    DownloadPanel* downloadPanel() const { return panel_; }
    bool isVerifying() const { return verifyThread_ != nullptr; }
    QString verifyText() const;

    static QStringList userFolders(const QSettings& settings);
    static QString userFoldersKey() { return QStringLiteral("models/userFolders"); }

public slots:
    // Lists the models again (keeps the selection where it can).
    void refresh();
    // The folder the main window uses, shown in bold.
    void setCurrentModel(const QString& dir);
    void selectRow(int row);
    void useSelected();
    void showSelectedInFolder();
    void verifySelected();
    void removeSelected();
    void addFolder();
    // Adds a folder as the user's (what Add folder… does after its file dialog); false with a message when it is
    // no I2VGen-XL model folder.
    bool addUserFolder(const QString& dir);

signals:
    void useModelRequested(const QString& dir);
    // The model in `dir` was deleted (or its folder forgotten).
    void modelRemoved(const QString& dir);

private:
    const hub::ModelEntry* selected() const;
    void updateButtons();
    void onVerifyFile(const QString& file, int index, int count);
    void onVerifyDone(const QStringList& problems, int filesHashed, qint64 bytesHashed, bool deep,
                      const QString& name);

    DownloadController* downloads_;
    QSettings* settings_;
    QString appModelsDir_;
    QString current_;
    std::vector<hub::ModelEntry> models_;
    QTableWidget* table_;
    QLabel* summary_;
    QPushButton* use_;
    QPushButton* show_;
    QPushButton* verify_;
    QPushButton* remove_;
    QPushButton* add_;
    QProgressBar* verifyBar_;
    QLabel* verifyResult_;
    DownloadPanel* panel_;
    QThread* verifyThread_ = nullptr;
    std::shared_ptr<CancelToken> verifyCancel_;
};

} // namespace i2v::ui
