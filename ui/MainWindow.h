// MainWindow: the I2V Studio window: layout, menus and banners. The InputPanel (the picture) top left with the
// PlayerTabs (live preview and result) below it, the JobPanel (model, form, estimate, Generate…) on the right,
// the Queue and Gallery docks, the JobStatusBar with the DownloadStatusButton, the DemoBanner and the
// ErrorBanner, and the Models window. Jobs belong to the JobController (worker thread, queue, history, export),
// the model in use to the ActiveModel, the model download to the DownloadController; the window submits what the
// form says, shows what they report and puts what goes wrong in the ErrorBanner. It never runs the model.
// Which model loads at start: the one the user chose (stored), else a complete real I2VGen-XL (the app's
// models folder, then the Hugging Face cache: ModelLocations), else the demo model; a folder picked that way
// is never stored. MainWindow.cpp lays the window out; MainWindowJobs.cpp, MainWindowModels.cpp and
// MainWindowGallery.cpp hold its side of the jobs, the models and the Gallery dock.
#pragma once
#include "ui/AppSettings.h"
#include "ui/ErrorBanner.h"
#include "ui/JobHistory.h"
#include "ui/JobRequest.h"

#include <QMainWindow>
#include <QPointer>
#include <QString>

#include <memory>

class QAction;
class QDockWidget;
class QSettings;

namespace i2v::ui {

class ActiveModel;
class DemoBanner;
class DownloadController;
class DownloadStatusButton;
class DropZone;
class EstimatePanel;
class FramePlayer;
class GalleryPanel;
class GenerationForm;
class InputPanel;
class JobController;
class JobPanel;
class JobPresets;
class JobStatusBar;
struct JobResult;
class ModelsDialog;
class PlayerTabs;
class QueuePanel;
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
    // Where Export… proposes to write the result in `format` (ExportFlow::suggestedPath): the export folder, the
    // result's seed and, where two formats share an extension (MP4 H.264 / MP4 AV1), the codec.
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
    // Loads the model in `dir` and records it as the user's choice.
    void setModelFolder(const QString& dir);
    // Forgets the user's choice and loads automaticModelDir().
    void useAutomaticModel();
    void chooseModelFolder();
    // Shows the Models window (made on first use).
    void openModels();
    // The demo banner's button: starts (or resumes) downloading I2VGen-XL in fp16 and shows the Models window.
    void startModelDownload();
    // The input panel's Open… and Paste, for the menu.
    void openImage();
    void pasteImage();
    // Queues "Runs" jobs (consecutive or random seeds after the first).
    void generate();
    // Cancels the running job; cancelAll also drops the queued ones.
    void cancel();
    void cancelAll();
    // Queues one job with the current settings whose picture is the last frame of the shown result; with
    // "Join continued parts" on, its clip is also written joined after the result's video.
    void continueFromLastFrame();
    // The same from a gallery entry (its video's last frame, read from the file) with that entry's settings.
    void continueFromHistory(const i2v::ui::HistoryEntry& entry);
    // Puts an entry's picture, prompt and every setting back into the form.
    void reuseSettings(const i2v::ui::HistoryEntry& entry);
    // Asks whether to remove the entry from the gallery only or to delete its video file too, then does it.
    void deleteHistoryEntry(const i2v::ui::HistoryEntry& entry);
    // Removes the entry (and with deleteVideo its file, to the trash where there is one); no question.
    void removeHistoryEntry(const i2v::ui::HistoryEntry& entry, bool deleteVideo);
    void openHistoryFolder(const i2v::ui::HistoryEntry& entry);
    // Reads a past job's video and shows it as the result (Export and Continue then act on it).
    void playFromHistory(const i2v::ui::HistoryEntry& entry);
    // The same, then Export… as for a new result.
    void exportFromHistory(const i2v::ui::HistoryEntry& entry);
    void openSettings();
    // Stores the preferences and reloads the model when its folder or the engine settings changed.
    void applySettings(const i2v::ui::AppSettings& settings);
    // Asks for the format and the file (ExportFlow), then the JobController writes it.
    void exportResult();
    // A message in the error banner that no situation of the window withdraws (only its close button).
    void showError(const QString& message);
    void clearError();

protected:
    void closeEvent(QCloseEvent* event) override;
    // A picture dropped anywhere on the window goes to the DropZone; what is no picture is refused on entry.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // MainWindow.cpp: the layout, the menus, the preferences.
    QWidget* buildInputPanel();
    QWidget* buildJobPanel();
    void buildDocks();
    void createActions();
    void loadSettings();
    void saveSettings() const;
    void updateButtons();
    void reportError(ErrorBanner::Topic topic, const QString& message);

    // MainWindowJobs.cpp
    void connectJobs();
    // False (with the reason in the banner) when the output folder cannot take the job's video.
    bool outputFolderUsable();
    void submit(const JobRequest& request);
    // The video a continuation of `earlierVideo` is joined after: it, when joining is on and it exists.
    QString joinedSource(const QString& earlierVideo) const;
    void showResult(const JobResult& result);  // the banner side; the players and the status bar follow by themselves

    // MainWindowModels.cpp
    void connectDownloads();
    // ModelLocations' automaticModelDir() in the hub cache of the preferences: the model loaded when none is chosen.
    QString automaticModelDir() const;
    // Loads the model in `dir` without recording a choice.
    void loadModelFolder(const QString& dir);
    // At start: the chosen folder while it holds a model, else automaticModelDir(); the banner says when there is none.
    void loadStartModel();
    // After new preferences: the chosen folder, else automaticModelDir(); a chosen folder without a model is reported.
    void loadPreferredModel();
    // The ActiveModel's signals as the banners and the buttons show them (the JobPanel, the status line and the
    // DemoBanner follow it by themselves).
    void onModelLoading(const QString& dir);
    void onModelReady();
    void onModelFailed(const QString& dir, const QString& message);
    void onDownloadFinished(const QString& repo, const QString& snapshotDir);

    // MainWindowGallery.cpp
    void buildGallery();

    QSettings* settings_;
    std::unique_ptr<QSettings> ownSettings_;
    AppSettings app_;
    std::unique_ptr<JobPresets> presets_;
    JobController* jobs_;

    ActiveModel* model_;
    DemoBanner* demoBanner_;
    ErrorBanner* errorBanner_;
    DownloadController* downloads_;
    DownloadStatusButton* downloadStatus_;   // in the status bar; opens the Models window
    QPointer<ModelsDialog> models_;
    InputPanel* inputPanel_;
    JobPanel* jobPanel_;
    QAction* generateAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* cancelAllAction_ = nullptr;
    QAction* continueAction_ = nullptr;
    QAction* joinPartsAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* useDemoAction_ = nullptr;
    JobStatusBar* jobStatus_;  // the status bar: the stage line and the job's progress
    PlayerTabs* players_;
    QueuePanel* queuePanel_;
    GalleryPanel* gallery_;
    QDockWidget* queueDock_;
    QDockWidget* galleryDock_;
    qint64 exportWhenShown_ = 0;  // the gallery entry whose Export… waits for its video to be read
};

} // namespace i2v::ui
