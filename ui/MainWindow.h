// MainWindow: the I2V Studio window: layout, menus and banners. The InputPanel (the picture) top left with the
// PlayerTabs (live preview and result) below it, the JobPanel (model, form, estimate, Generate…) on the right,
// the Queue and Gallery docks, the JobStatusBar with the DownloadStatusButton, the DemoBanner and the
// ErrorBanner. The window wires the classes that do the work to its menus and banners: the JobController runs
// the jobs (worker thread, queue, history, export), the JobLauncher queues and cancels them, the ResultExporter
// exports the shown result, the GalleryController answers the Gallery; the ActiveModel is the model in use, the
// ModelChoice says which one that is (and has the Models window), the DownloadController downloads models. What
// goes wrong goes to the ErrorBanner, what is worth a word to the status bar. The window never runs the model.
#pragma once
#include "ui/AppSettings.h"
#include "ui/ErrorBanner.h"
#include "ui/JobHistory.h"

#include <QMainWindow>
#include <QString>

#include <memory>

class QAction;
class QDockWidget;
class QSettings;

namespace i2v::ui {

class ActiveModel;
class DemoBanner;
class UnfinishedJobsBanner;
class DownloadController;
class DownloadStatusButton;
class DropZone;
class EstimatePanel;
class FramePlayer;
class GalleryController;
class GalleryPanel;
class GenerationForm;
class InputPanel;
class JobAttention;
class JobController;
class JobLauncher;
class JobPanel;
class JobPresets;
class JobStatusBar;
struct JobResult;
class ModelChoice;
class ModelsDialog;
class PlayerTabs;
class QueuePanel;
class ResultExporter;
class ResultView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `settings` (not owned) holds the preferences; null: the app's default QSettings. The job history
    // lives in `historyPath` (default: JobHistory::defaultPath(), under AppDataLocation).
    explicit MainWindow(QSettings* settings = nullptr, QWidget* parent = nullptr,
                        const QString& historyPath = JobHistory::defaultPath());
    ~MainWindow() override;

    AppSettings appSettings() const { return app_; }
    QString modelFolder() const;
    bool isModelReady() const;
    QString errorText() const;         // the error banner's text, empty when none
    // Where Export… proposes to write the result in `format` (ResultExporter::suggestedPath).
    QString suggestedExportPath(const QString& format) const;

    GenerationForm* form() const;
    EstimatePanel* estimatePanel() const;
    JobController* jobs() const { return jobs_; }
    DropZone* dropZone() const;
    FramePlayer* previewPlayer() const;
    FramePlayer* resultPlayer() const;
    ResultView* resultView() const;
    QueuePanel* queuePanel() const { return queuePanel_; }
    GalleryPanel* gallery() const { return gallery_; }
    DownloadController* downloads() const { return downloads_; }
    // The Models window once it was opened, else null.
    ModelsDialog* modelsDialog() const;

    // ModelLocations' demoModelDir(), for the tests and the screenshot tour.
    static QString demoModelDir();

public slots:
    // Loads the model in `dir` and records it as the user's choice (ModelChoice::choose).
    void setModelFolder(const QString& dir);
    // Shows the Models window (made on first use).
    void openModels();
    // The demo banner's button: starts (or resumes) downloading I2VGen-XL in fp16 and shows the Models window.
    void startModelDownload();
    // The input panel's Open… and Paste, for the menu.
    void openImage();
    void pasteImage();
    // The JobLauncher's commands, which the menu and the JobPanel's buttons share.
    void generate();
    void cancel();
    void cancelAll();
    void continueFromLastFrame();
    // The ResultExporter's Export… of the shown result.
    void exportResult();
    // The GalleryController's Reuse settings and Play of a gallery entry.
    void reuseSettings(const i2v::ui::HistoryEntry& entry);
    void playFromHistory(const i2v::ui::HistoryEntry& entry);
    void openSettings();
    // Stores the preferences and reloads the model when its folder or the engine settings changed.
    void applySettings(const i2v::ui::AppSettings& settings);
    // A message in the error banner that no situation of the window withdraws (only its close button).
    void showError(const QString& message);
    void clearError();

protected:
    void closeEvent(QCloseEvent* event) override;
    // A picture dropped anywhere on the window goes to the DropZone; what is no picture is refused on entry.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* buildInputPanel();
    QWidget* buildJobPanel();
    void buildDocks();
    void createActions();
    // What the window shows of the JobController and of the model (ActiveModel, ModelChoice, DownloadController):
    // banners, the Queue dock, status messages, the buttons.
    void connectJobs();
    void connectModel();
    void loadSettings();
    void saveSettings() const;
    void storePreferences();
    void updateButtons();
    void reportError(ErrorBanner::Topic topic, const QString& message);
    void showResult(const JobResult& result);  // the banner side; the players and the status bar follow by themselves

    QSettings* settings_;
    std::unique_ptr<QSettings> ownSettings_;
    AppSettings app_;
    std::unique_ptr<JobPresets> presets_;
    JobController* jobs_;

    ActiveModel* model_;
    ModelChoice* modelChoice_;
    DemoBanner* demoBanner_;
    ErrorBanner* errorBanner_;
    UnfinishedJobsBanner* unfinishedBanner_;
    DownloadController* downloads_;
    DownloadStatusButton* downloadStatus_;   // in the status bar; opens the Models window
    InputPanel* inputPanel_;
    JobPanel* jobPanel_;
    JobLauncher* launcher_;
    ResultExporter* exporter_ = nullptr;
    GalleryController* galleryController_ = nullptr;
    QAction* generateAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* cancelAllAction_ = nullptr;
    QAction* continueAction_ = nullptr;
    QAction* joinPartsAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* useDemoAction_ = nullptr;
    JobStatusBar* jobStatus_;  // the status bar: the stage line and the job's progress
    JobAttention* attention_;  // the title's progress, the launcher entry, notifications in the background
    PlayerTabs* players_;
    QueuePanel* queuePanel_;
    GalleryPanel* gallery_;
    QDockWidget* queueDock_;
    QDockWidget* galleryDock_;
};

} // namespace i2v::ui
