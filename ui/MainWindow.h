// MainWindow: the I2V Studio window. Picture in (DropZone), prompt and settings, Generate / Cancel, a
// live preview animating every step's estimate, the result player and Export…. The window only wires
// widgets to the GenerationWorker (on its own QThread) through queued signals; it never runs the model.
#pragma once
#include "ui/JobRequest.h"

#include <QImage>
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QVector>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;
class QTabWidget;
class QThread;

namespace i2v::ui {

class DropZone;
class FramePlayer;
class GenerationWorker;
class PromptTokenCounter;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `settings` (not owned) holds the preferences; null: the app's default QSettings.
    explicit MainWindow(QSettings* settings = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    // The job Generate would submit now (seed as shown; randomising happens in generate()).
    JobRequest currentRequest() const;

    QString modelFolder() const;
    bool isGenerating() const { return activeJob_ != 0; }
    bool isModelReady() const { return modelReady_; }
    QString errorText() const;         // the error banner's text, empty when none
    const QVector<QImage>& resultFrames() const { return resultFrames_; }
    QString resultParameters() const { return resultParameters_; }

    DropZone* dropZone() const { return dropZone_; }
    GenerationWorker* worker() const { return worker_; }
    FramePlayer* previewPlayer() const { return preview_; }
    FramePlayer* resultPlayer() const { return result_; }

    // Where the demo model is installed (or in the source tree), empty when not found.
    static QString demoModelDir();
    // The folder the real weights are expected in: <AppDataLocation>/models/i2vgen-xl.
    static QString defaultRealModelDir();

public slots:
    void setModelFolder(const QString& dir);
    void chooseModelFolder();
    void openImage();
    void pasteImage();
    void generate();
    void cancel();
    void exportResult();
    void showError(const QString& message);
    void clearError();

signals:
    void jobSubmitted(int jobId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildInputPanel();
    QWidget* buildSettingsPanel();
    void createActions();
    void loadSettings();
    void saveSettings() const;
    void updateTokenCount(QPlainTextEdit* edit, QLabel* label);
    void updateSizeControls();
    void updateEtaEnabled();
    void updateButtons();
    void onModelLoaded(const QString& dir, const QString& defaultScheduler, qint64 parameters);
    void onModelFailed(const QString& dir, const QString& message);
    void onJobEnded(int jobId);

    QSettings* settings_;
    std::unique_ptr<QSettings> ownSettings_;
    std::unique_ptr<PromptTokenCounter> tokens_;
    QThread* thread_;
    GenerationWorker* worker_;

    QLabel* demoBanner_;
    QLabel* errorBanner_;
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
    QSpinBox* frames_;
    QSpinBox* fps_;
    QComboBox* sizePreset_;
    QSpinBox* width_;
    QSpinBox* height_;
    QSpinBox* decodeChunk_;
    QComboBox* previewMode_;
    QPushButton* generateButton_;
    QPushButton* cancelButton_;
    QPushButton* exportButton_;
    QProgressBar* progress_;
    QLabel* stage_;
    QTabWidget* players_;
    FramePlayer* preview_;
    FramePlayer* result_;

    QString modelDir_;
    QString defaultScheduler_;
    bool modelReady_ = false;
    int activeJob_ = 0;
    QVector<QImage> resultFrames_;
    QString resultParameters_;
    QPointer<QThread> exportThread_;
};

} // namespace i2v::ui
