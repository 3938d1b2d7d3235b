// MainWindow: the I2V Studio window. Picture in (DropZone), prompt and settings, Generate (one job or
// a run of seeds into the queue) / Cancel, a live preview animating every step's estimate, the result
// (the encoded file through Qt Multimedia, else the frames), Export…, Continue from last frame, and
// the Queue and History docks, the Models window and the model download (DownloadController, whose
// progress the status bar sums up). The window only wires widgets to the GenerationWorker (on its own
// QThread) through queued signals and records every ended job in the JobHistory; it never runs the model.
// Which model loads at start: the one the user chose (stored), else a complete real I2VGen-XL (the app's
// models folder, then the Hugging Face cache), else the demo model; a folder picked that way is never stored.
#pragma once
#include "ui/AppSettings.h"
#include "ui/ErrorBanner.h"
#include "ui/ExportDialog.h"
#include "ui/JobHistory.h"
#include "ui/JobRequest.h"

#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QVector>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QDockWidget;
class QDoubleSpinBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;
class QTabWidget;
class QThread;
class QToolButton;

namespace i2v::ui {

class DownloadController;
class DropZone;
class FramePlayer;
class GenerationWorker;
class HistoryPanel;
class JobQueueModel;
class ModelsDialog;
class PromptTokenCounter;
class QueuePanel;
class ResultView;
class VideoPlayer;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `settings` (not owned) holds the preferences; null: the app's default QSettings. The job history
    // lives in `historyPath` (default: JobHistory::defaultPath(), under AppDataLocation).
    explicit MainWindow(QSettings* settings = nullptr, QWidget* parent = nullptr,
                        const QString& historyPath = JobHistory::defaultPath());
    ~MainWindow() override;

    // The job Generate would submit now (seed as shown; randomising happens in generate()).
    JobRequest currentRequest() const;
    AppSettings appSettings() const { return app_; }

    QString modelFolder() const;
    bool isGenerating() const;         // a job is queued or running
    bool isModelReady() const { return modelReady_; }
    QString errorText() const;         // the error banner's text, empty when none
    const QVector<QImage>& resultFrames() const { return resultFrames_; }
    QString resultParameters() const { return resultParameters_; }
    QString resultVideoPath() const { return resultVideoPath_; }
    quint64 resultSeed() const { return resultSeed_; }
    // Where Export… proposes to write the result in `format`: the export folder, the result's seed and,
    // where two formats share an extension (MP4 H.264 / MP4 AV1), the codec.
    QString suggestedExportPath(const QString& format) const;
    bool isExporting() const;

    DropZone* dropZone() const { return dropZone_; }
    GenerationWorker* worker() const { return worker_; }
    FramePlayer* previewPlayer() const { return preview_; }
    FramePlayer* resultPlayer() const;
    ResultView* resultView() const { return result_; }
    JobQueueModel* queueModel() const { return queue_; }
    QueuePanel* queuePanel() const { return queuePanel_; }
    HistoryPanel* historyPanel() const { return historyPanel_; }
    JobHistory* history() const { return history_.get(); }
    DownloadController* downloads() const { return downloads_; }
    // The Models window once it was opened, else null.
    ModelsDialog* modelsDialog() const;

    // Where the demo model is installed (or in the source tree), empty when not found.
    static QString demoModelDir();
    // The folder the real weights are expected in: <AppDataLocation>/models/i2vgen-xl.
    static QString defaultRealModelDir();
    // The app's own models folder, <AppDataLocation>/models (each sub-folder may be a model).
    static QString appModelsDir();
    // The model the window loads when the user chose none: a complete model in defaultRealModelDir(), else
    // the complete ali-vilab/i2vgen-xl in the Hugging Face cache, else the demo model (empty when none).
    QString automaticModelDir() const;

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
    void openImage();
    void pasteImage();
    // Queues "Runs" jobs (consecutive or random seeds after the first).
    void generate();
    // Cancels the running job; cancelJob/cancelAll work on the queue.
    void cancel();
    void cancelJob(int jobId);
    void cancelAll();
    // Queues one job with the current settings whose picture is the last frame of the shown result.
    void continueFromLastFrame();
    // The same from a history entry (its video's last frame, decoded from the file).
    void continueFromHistory(const i2v::ui::HistoryEntry& entry);
    // Puts an entry's picture, prompt and every setting back into the controls.
    void reuseSettings(const i2v::ui::HistoryEntry& entry);
    void deleteHistoryEntry(qint64 id);
    void openHistoryFolder(const i2v::ui::HistoryEntry& entry);
    void openSettings();
    // Stores the preferences and reloads the model when its folder or the engine settings changed.
    void applySettings(const i2v::ui::AppSettings& settings);
    // Asks for the format and the file, then exportTo().
    void exportResult();
    // Writes the shown result to `path` on a thread of its own; exportEnded() when done.
    void exportTo(const i2v::ui::ExportChoice& choice, const QString& path, bool overwrite);
    // A message in the error banner that no situation of the window withdraws (only its close button).
    void showError(const QString& message);
    void clearError();

signals:
    void jobSubmitted(int jobId);
    void historyRecorded(qint64 entryId);
    // An export started by exportTo() ended; `error` is empty when the file was written.
    void exportEnded(const QString& path, const QString& error);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct TrackedJob {
        JobRequest request;
        QDateTime queued;
        QDateTime started;
        QString warning;
        QImage lastPreview;
    };

    // False (with the reason in the banner) when the output folder cannot take the job's video.
    bool outputFolderUsable();
    QWidget* buildInputPanel();
    QWidget* buildSettingsPanel();
    void buildDocks();
    void connectWorker();
    void createActions();
    void loadSettings();
    void saveSettings() const;
    // Loads the model in `dir` without recording a choice.
    void loadModelFolder(const QString& dir);
    void updateDemoBanner();
    void updateDownloadStatus();
    void onDownloadFinished(const QString& repo, const QString& snapshotDir);
    int submit(JobRequest request);
    void updateTokenCount(QPlainTextEdit* edit, QLabel* label);
    void updateSizeControls();
    void updateEtaEnabled();
    void updateButtons();
    // Sets the seed of the next job: the seed box keeps a locked seed, else shows a new random one.
    void chooseSeed();
    void reportError(ErrorBanner::Topic topic, const QString& message);
    void onModelLoaded(const QString& dir, const QString& defaultScheduler, qint64 parameters);
    void onModelFailed(const QString& dir, const QString& message);
    void onJobFinished(int jobId, const QVector<QImage>& frames, const QString& parameters, const QString& video);
    void onJobEnded(int jobId, JobOutcome outcome, const QString& message, const QImage& thumbnail,
                    const QString& parameters = {}, const QString& video = {});

    QSettings* settings_;
    std::unique_ptr<QSettings> ownSettings_;
    std::unique_ptr<PromptTokenCounter> tokens_;
    std::unique_ptr<JobHistory> history_;
    AppSettings app_;
    QThread* thread_;
    GenerationWorker* worker_;

    QFrame* demoBar_;          // the demo banner: its text (demoBanner_) and the download button
    QLabel* demoBanner_;
    QPushButton* downloadButton_;
    ErrorBanner* errorBanner_;
    QToolButton* downloadStatus_;   // status bar: the running download; opens the Models window
    DownloadController* downloads_;
    QPointer<ModelsDialog> models_;
    DropZone* dropZone_;
    QLineEdit* modelEdit_;
    QPlainTextEdit* prompt_;
    QPlainTextEdit* negative_;
    QLabel* promptCount_;
    QLabel* negativeCount_;
    QComboBox* scheduler_;
    QSpinBox* steps_;
    QDoubleSpinBox* guidance_;
    QDoubleSpinBox* eta_;
    QSpinBox* seed_;
    QCheckBox* seedLock_;
    QSpinBox* runs_;
    QComboBox* seedMode_;
    QSpinBox* frames_;
    QSpinBox* fps_;
    QComboBox* sizePreset_;
    QSpinBox* width_;
    QSpinBox* height_;
    QPushButton* generateButton_;
    QPushButton* cancelButton_;
    QPushButton* exportButton_;
    QPushButton* continueButton_;
    QAction* generateAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* cancelAllAction_ = nullptr;
    QAction* continueAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QProgressBar* progress_;
    QLabel* stage_;
    QTabWidget* players_;
    FramePlayer* preview_;
    ResultView* result_;
    JobQueueModel* queue_;
    QueuePanel* queuePanel_;
    HistoryPanel* historyPanel_;
    QDockWidget* queueDock_;
    QDockWidget* historyDock_;

    QString modelDir_;
    QString defaultScheduler_;
    qint64 modelParameters_ = 0;
    bool modelReady_ = false;
    int runningJob_ = 0;
    QHash<int, TrackedJob> jobs_;
    QVector<QImage> resultFrames_;
    QString resultParameters_;
    QString resultVideoPath_;
    quint64 resultSeed_ = 0;
    QPointer<QThread> exportThread_;
};

} // namespace i2v::ui
