#include "ui/MainWindow.h"

#include "ui/DownloadController.h"
#include "ui/DropZone.h"
#include "ui/ExportDialog.h"
#include "ui/FramePlayer.h"
#include "ui/GenerationWorker.h"
#include "ui/HistoryPanel.h"
#include "ui/JobQueueModel.h"
#include "ui/ModelsDialog.h"
#include "ui/PromptTokenCounter.h"
#include "ui/QueuePanel.h"
#include "ui/ResultView.h"
#include "ui/SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <climits>

namespace i2v::ui {
namespace {

struct SizePreset {
    int width, height;
};
constexpr SizePreset kSizePresets[] = {{1280, 704}, {704, 1280}, {1024, 576}, {512, 288}};

bool isModelFolder(const QString& dir) { return !dir.isEmpty() && QFileInfo::exists(dir + "/model_index.json"); }

} // namespace

QString MainWindow::demoModelDir() {
    QStringList candidates;
    if (const QString env = qEnvironmentVariable("I2V_DEMO_MODEL"); !env.isEmpty())
        candidates << env;
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates << appDir + "/../share/i2v-studio/models/demo" << appDir + "/../../resources/models/demo";
#ifdef I2V_SOURCE_DIR
    candidates << QStringLiteral(I2V_SOURCE_DIR "/resources/models/demo");
#endif
    for (const QString& c : candidates)
        if (isModelFolder(c))
            return QDir(c).canonicalPath();
    return {};
}

QString MainWindow::defaultRealModelDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/models/i2vgen-xl";
}

MainWindow::MainWindow(QSettings* settings, QWidget* parent, const QString& historyPath)
    : QMainWindow(parent), settings_(settings), tokens_(std::make_unique<PromptTokenCounter>()),
      history_(std::make_unique<JobHistory>(historyPath)) {
    if (!settings_) {
        ownSettings_ = std::make_unique<QSettings>();
        settings_ = ownSettings_.get();
    }
    app_ = AppSettings::load(*settings_);
    setWindowTitle(tr("I2V Studio"));
    setDockNestingEnabled(true);

    // The demo banner: what the demo model is, and a button that fetches the real one.
    demoBar_ = new QFrame(this);
    demoBar_->setObjectName(QStringLiteral("demoBar"));
    demoBar_->setStyleSheet(QStringLiteral("QFrame#demoBar { background: #fff3c4; }"
                                           "QFrame#demoBar > QLabel { color: #5a4500; }"));
    demoBanner_ = new QLabel(demoBar_);
    demoBanner_->setObjectName(QStringLiteral("demoBanner"));
    demoBanner_->setWordWrap(true);
    demoBanner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    downloadButton_ = new QPushButton(tr("Download I2VGen-XL (fp16, about 5 GB)"), demoBar_);
    downloadButton_->setObjectName(QStringLiteral("downloadModelButton"));
    connect(downloadButton_, &QPushButton::clicked, this, &MainWindow::startModelDownload);
    auto* demoRow = new QHBoxLayout(demoBar_);
    demoRow->setContentsMargins(6, 4, 6, 4);
    demoRow->addWidget(demoBanner_, 1);
    demoRow->addWidget(downloadButton_, 0, Qt::AlignVCenter);
    demoBar_->setVisible(false);
    errorBanner_ = new ErrorBanner(this);

    players_ = new QTabWidget(this);
    preview_ = new FramePlayer(this);
    preview_->setControlsVisible(false);
    preview_->setPlaceholderText(tr("The estimate of every frame appears here while the video denoises"));
    result_ = new ResultView(this);
    players_->addTab(preview_, tr("Live preview"));
    players_->addTab(result_, tr("Result"));

    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(buildInputPanel());
    left->addWidget(players_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(buildSettingsPanel());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(demoBar_);
    layout->addWidget(errorBanner_);
    layout->addWidget(split, 1);
    setCentralWidget(central);
    stage_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(260);
    progress_->setVisible(false);
    downloadStatus_ = new QToolButton(this);
    downloadStatus_->setObjectName(QStringLiteral("downloadStatus"));
    downloadStatus_->setAutoRaise(true);
    downloadStatus_->setToolTip(tr("Show the download in the Models window"));
    downloadStatus_->setVisible(false);
    connect(downloadStatus_, &QToolButton::clicked, this, &MainWindow::openModels);
    statusBar()->addWidget(stage_, 1);
    statusBar()->addPermanentWidget(downloadStatus_);
    statusBar()->addPermanentWidget(progress_);
    buildDocks();
    createActions();

    downloads_ = new DownloadController(settings_, [this] { return app_.hub.toHubSettings(); }, this);
    connect(downloads_, &DownloadController::stateChanged, this, [this] {
        updateDownloadStatus();
        updateDemoBanner();
    });
    connect(downloads_, &DownloadController::progress, this, &MainWindow::updateDownloadStatus);
    connect(downloads_, &DownloadController::finished, this, &MainWindow::onDownloadFinished);
    connect(downloads_, &DownloadController::failed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("The model download stopped: %1").arg(message), 15000);
    });

    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("GenerationWorker"));
    worker_ = new GenerationWorker;
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connectWorker();
    thread_->start();

    loadSettings();
    // A download the app was quit in the middle of goes on where it stopped.
    if (downloads_->resumePending())
        statusBar()->showMessage(tr("Resuming the download of %1 that was under way when I2V Studio was closed")
                                     .arg(downloads_->repo()),
                                 10000);
    if (history_->isOpen())
        historyPanel_->setEntries(history_->entries());
    else
        showError(tr("The job history cannot be opened (%1): jobs are not recorded").arg(history_->errorString()));
    updateButtons();
}

MainWindow::~MainWindow() {
    // Queued signals of the running job would arrive after this window is gone: record what is left here.
    disconnect(worker_, nullptr, this, nullptr);
    worker_->cancelAll();
    // A running download stops within a fraction of a second, its partial files kept for the next start.
    disconnect(downloads_, nullptr, this, nullptr);
    downloads_->shutdown();
    thread_->quit();
    thread_->wait();
    if (exportThread_)
        exportThread_->wait();
    for (auto it = jobs_.cbegin(); it != jobs_.cend(); ++it) {
        HistoryEntry e;
        e.started = it->started.isValid() ? it->started : it->queued;
        e.ended = QDateTime::currentDateTime();
        e.outcome = JobOutcome::Cancelled;
        e.message = tr("I2V Studio was closed before the job ended");
        e.request = it->request;
        e.modelDir = modelDir_;
        e.thumbnail = it->lastPreview.isNull() ? it->request.image : it->lastPreview;
        history_->record(e);
    }
}

void MainWindow::connectWorker() {
    connect(worker_, &GenerationWorker::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(worker_, &GenerationWorker::modelFailed, this, &MainWindow::onModelFailed);
    connect(worker_, &GenerationWorker::jobStarted, this, [this](int id, const JobRequest&) {
        runningJob_ = id;
        errorBanner_->clearTopic(ErrorBanner::Topic::Job);  // an earlier job's failure is not this one's
        if (auto it = jobs_.find(id); it != jobs_.end())
            it->started = QDateTime::currentDateTime();
        queue_->setRunning(id);
        preview_->clear();
        players_->setCurrentWidget(preview_);
        progress_->setRange(0, 0);
        progress_->setVisible(true);
        updateButtons();
    });
    connect(worker_, &GenerationWorker::stageChanged, this, [this](int id, const QString& stage) {
        queue_->setStage(id, stage);
        if (id == runningJob_)
            stage_->setText(stage);
    });
    connect(worker_, &GenerationWorker::stepProgress, this, [this](int id, int step, int total, double eta) {
        queue_->setProgress(id, step, total);
        if (id != runningJob_)
            return;
        progress_->setRange(0, total);
        progress_->setValue(step);
        stage_->setText(eta >= 0 ? tr("Denoising: step %1 of %2, about %3 s left").arg(step).arg(total).arg(qRound(eta))
                                 : tr("Denoising: step %1 of %2").arg(step).arg(total));
    });
    connect(worker_, &GenerationWorker::decodeProgress, this, [this](int id, int done, int total) {
        if (id == runningJob_)
            stage_->setText(tr("Decoding frames: %1 of %2").arg(done).arg(total));
    });
    connect(worker_, &GenerationWorker::previewReady, this, [this](int id, const QVector<QImage>& frames) {
        if (auto it = jobs_.find(id); it != jobs_.end() && !frames.isEmpty())
            it->lastPreview = frames.first();
        if (id != runningJob_)
            return;
        preview_->setFrames(frames);
        if (!preview_->isPlaying())
            preview_->play();
    });
    connect(worker_, &GenerationWorker::warning, this, [this](int id, const QString& message) {
        if (auto it = jobs_.find(id); it != jobs_.end())
            it->warning = it->warning.isEmpty() ? message : it->warning + QLatin1Char('\n') + message;
        statusBar()->showMessage(message, 8000);
    });
    connect(worker_, &GenerationWorker::finished, this, &MainWindow::onJobFinished);
    connect(worker_, &GenerationWorker::failed, this, [this](int id, const QString& message) {
        reportError(ErrorBanner::Topic::Job, tr("Generation failed: %1").arg(message));
        stage_->setText(tr("Failed"));
        const auto it = jobs_.constFind(id);
        const QImage thumb = it == jobs_.cend() ? QImage() : it->lastPreview.isNull() ? it->request.image : it->lastPreview;
        onJobEnded(id, JobOutcome::Failed, message, thumb);
    });
    connect(worker_, &GenerationWorker::cancelled, this, [this](int id) {
        if (id == runningJob_ || runningJob_ == 0)
            stage_->setText(tr("Cancelled"));
        const auto it = jobs_.constFind(id);
        const QImage thumb = it == jobs_.cend() ? QImage() : it->lastPreview.isNull() ? it->request.image : it->lastPreview;
        onJobEnded(id, JobOutcome::Cancelled, QString(), thumb);
    });
}

void MainWindow::buildDocks() {
    queue_ = new JobQueueModel(this);
    queuePanel_ = new QueuePanel(queue_, this);
    connect(queuePanel_, &QueuePanel::cancelJobRequested, this, &MainWindow::cancelJob);
    connect(queuePanel_, &QueuePanel::cancelAllRequested, this, &MainWindow::cancelAll);
    queueDock_ = new QDockWidget(tr("Queue"), this);
    queueDock_->setObjectName(QStringLiteral("queueDock"));
    queueDock_->setWidget(queuePanel_);

    historyPanel_ = new HistoryPanel(this);
    connect(historyPanel_, &HistoryPanel::reuseRequested, this, &MainWindow::reuseSettings);
    connect(historyPanel_, &HistoryPanel::continueRequested, this, &MainWindow::continueFromHistory);
    connect(historyPanel_, &HistoryPanel::openFolderRequested, this, &MainWindow::openHistoryFolder);
    connect(historyPanel_, &HistoryPanel::deleteRequested, this, &MainWindow::deleteHistoryEntry);
    historyDock_ = new QDockWidget(tr("History"), this);
    historyDock_->setObjectName(QStringLiteral("historyDock"));
    historyDock_->setWidget(historyPanel_);

    addDockWidget(Qt::BottomDockWidgetArea, queueDock_);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock_);
    tabifyDockWidget(queueDock_, historyDock_);
    queueDock_->raise();
    // A few rows of queue by default (its table would ask for a third of a 720-pixel screen); the user's own
    // dock sizes and window geometry come back with the saved window state (loadSettings).
    resizeDocks({queueDock_}, {7 * fontMetrics().lineSpacing()}, Qt::Vertical);
}

QWidget* MainWindow::buildInputPanel() {
    auto* panel = new QWidget(this);
    dropZone_ = new DropZone(panel);
    dropZone_->setObjectName(QStringLiteral("dropZone"));
    auto* open = new QPushButton(tr("Open…"), panel);
    auto* paste = new QPushButton(tr("Paste"), panel);
    connect(open, &QPushButton::clicked, this, &MainWindow::openImage);
    connect(paste, &QPushButton::clicked, this, &MainWindow::pasteImage);
    connect(dropZone_, &DropZone::loadFailed, this,
            [this](const QString& m) { reportError(ErrorBanner::Topic::Picture, tr("Cannot use this picture: %1").arg(m)); });
    // A caveat (only the first frame of an animated GIF is used) is no error: the status bar, not the banner.
    connect(dropZone_, &DropZone::loadWarning, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(dropZone_, &DropZone::imageChanged, this, [this] {
        errorBanner_->clearTopic(ErrorBanner::Topic::Picture);
        updateButtons();
    });
    auto* row = new QHBoxLayout;
    row->addWidget(open);
    row->addWidget(paste);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(dropZone_, 1);
    layout->addLayout(row);
    return panel;
}

QWidget* MainWindow::buildSettingsPanel() {
    // Model, prompts and settings scroll when the window is too short for them (every row keeps its height
    // at 1280x720 and below); the buttons stay below, always in view. Spare height goes to the prompt.
    auto* outer = new QWidget(this);
    auto* outerLayout = new QVBoxLayout(outer);
    outerLayout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(outer);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* panel = new QWidget(scroll);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);

    // Model folder
    auto* modelBox = new QGroupBox(tr("Model"), panel);
    modelEdit_ = new QLineEdit(modelBox);
    modelEdit_->setObjectName(QStringLiteral("modelFolder"));
    modelEdit_->setReadOnly(true);
    auto* browse = new QToolButton(modelBox);
    browse->setText(tr("Choose…"));
    connect(browse, &QToolButton::clicked, this, &MainWindow::chooseModelFolder);
    auto* modelRow = new QHBoxLayout(modelBox);
    modelRow->addWidget(modelEdit_, 1);
    modelRow->addWidget(browse);
    layout->addWidget(modelBox);

    // Prompts with their token counters
    auto* textBox = new QGroupBox(tr("Prompt"), panel);
    auto* textLayout = new QVBoxLayout(textBox);
    prompt_ = new QPlainTextEdit(textBox);
    prompt_->setObjectName(QStringLiteral("prompt"));
    prompt_->setPlaceholderText(tr("What should happen in the video"));
    prompt_->setTabChangesFocus(true);
    promptCount_ = new QLabel(textBox);
    promptCount_->setObjectName(QStringLiteral("promptTokens"));
    negative_ = new QPlainTextEdit(textBox);
    negative_->setObjectName(QStringLiteral("negativePrompt"));
    negative_->setPlaceholderText(tr("What to avoid (negative prompt)"));
    negative_->setTabChangesFocus(true);
    negativeCount_ = new QLabel(textBox);
    negativeCount_->setObjectName(QStringLiteral("negativeTokens"));
    // Three lines at least; the prompt takes the panel's spare height, the negative prompt stays compact.
    const int line = prompt_->fontMetrics().lineSpacing();
    for (QPlainTextEdit* edit : {prompt_, negative_})
        edit->setMinimumHeight(3 * line + 12);
    negative_->setMaximumHeight(5 * line + 12);
    textLayout->addWidget(prompt_, 1);
    textLayout->addWidget(promptCount_, 0, Qt::AlignRight);
    textLayout->addWidget(negative_);
    textLayout->addWidget(negativeCount_, 0, Qt::AlignRight);
    connect(prompt_, &QPlainTextEdit::textChanged, this, [this] { updateTokenCount(prompt_, promptCount_); });
    connect(negative_, &QPlainTextEdit::textChanged, this, [this] { updateTokenCount(negative_, negativeCount_); });
    layout->addWidget(textBox, 1);

    // Generation settings
    auto* settingsBox = new QGroupBox(tr("Settings"), panel);
    auto* form = new QFormLayout(settingsBox);
    scheduler_ = new QComboBox(settingsBox);
    scheduler_->setObjectName(QStringLiteral("scheduler"));
    scheduler_->addItem(tr("Model default"), QString());
    for (const QString& name : GenerationWorker::schedulerNames())
        scheduler_->addItem(name, name);
    connect(scheduler_, qOverload<int>(&QComboBox::currentIndexChanged), this, &MainWindow::updateEtaEnabled);
    steps_ = new QSpinBox(settingsBox);
    steps_->setObjectName(QStringLiteral("steps"));
    steps_->setRange(1, 1000);
    steps_->setValue(50);
    guidance_ = new QDoubleSpinBox(settingsBox);
    guidance_->setObjectName(QStringLiteral("guidance"));
    guidance_->setRange(0, 100);
    guidance_->setSingleStep(0.5);
    guidance_->setValue(9.0);
    guidance_->setToolTip(tr("Classifier-free guidance; 1 or less turns it off"));
    eta_ = new QDoubleSpinBox(settingsBox);
    eta_->setObjectName(QStringLiteral("eta"));
    eta_->setRange(0, 1);
    eta_->setSingleStep(0.1);
    eta_->setToolTip(tr("DDIM only: 0 is deterministic, 1 adds fresh noise every step"));

    seed_ = new QSpinBox(settingsBox);
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setRange(0, INT_MAX);
    auto* randomise = new QToolButton(settingsBox);
    randomise->setText(tr("Random"));
    randomise->setToolTip(tr("Pick a new random seed"));
    connect(randomise, &QToolButton::clicked, this,
            [this] { seed_->setValue(int(QRandomGenerator::global()->bounded(INT_MAX))); });
    seedLock_ = new QCheckBox(tr("Lock"), settingsBox);
    seedLock_->setObjectName(QStringLiteral("seedLock"));
    seedLock_->setToolTip(tr("Keep this seed; unlocked, every Generate picks a new one"));
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(seed_, 1);
    seedRow->addWidget(randomise);
    seedRow->addWidget(seedLock_);

    frames_ = new QSpinBox(settingsBox);
    frames_->setObjectName(QStringLiteral("frames"));
    frames_->setRange(1, 256);
    frames_->setValue(16);
    fps_ = new QSpinBox(settingsBox);
    fps_->setObjectName(QStringLiteral("fps"));
    fps_->setRange(1, 240);
    fps_->setValue(16);
    fps_->setToolTip(tr("The model's frame-rate conditioning (not the playback rate)"));

    sizePreset_ = new QComboBox(settingsBox);
    sizePreset_->setObjectName(QStringLiteral("sizePreset"));
    for (const SizePreset& p : kSizePresets)
        sizePreset_->addItem(tr("%1 × %2").arg(p.width).arg(p.height), QSize(p.width, p.height));
    sizePreset_->addItem(tr("Custom"), QSize());
    width_ = new QSpinBox(settingsBox);
    width_->setObjectName(QStringLiteral("width"));
    height_ = new QSpinBox(settingsBox);
    height_->setObjectName(QStringLiteral("height"));
    for (QSpinBox* s : {width_, height_}) {
        s->setRange(8, 4096);
        s->setSingleStep(8);
        // The model works on 8x8 latent cells: snap typed values to a multiple of 8.
        connect(s, &QSpinBox::editingFinished, this, [s] { s->setValue(std::max(8, (s->value() + 4) / 8 * 8)); });
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this,
                [this] { dropZone_->setTargetSize(width_->value(), height_->value()); });
    }
    width_->setValue(1280);
    height_->setValue(704);
    connect(sizePreset_, qOverload<int>(&QComboBox::currentIndexChanged), this, &MainWindow::updateSizeControls);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(sizePreset_);
    sizeRow->addWidget(width_);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), settingsBox));
    sizeRow->addWidget(height_);

    runs_ = new QSpinBox(settingsBox);
    runs_->setObjectName(QStringLiteral("runs"));
    runs_->setRange(1, 100);
    runs_->setPrefix(QStringLiteral("× "));
    runs_->setToolTip(tr("How many jobs Generate queues, one per seed"));
    seedMode_ = new QComboBox(settingsBox);
    seedMode_->setObjectName(QStringLiteral("seedMode"));
    seedMode_->addItem(tr("consecutive seeds"), QStringLiteral("consecutive"));
    seedMode_->addItem(tr("random seeds"), QStringLiteral("random"));
    auto* runsRow = new QHBoxLayout;
    runsRow->addWidget(runs_);
    runsRow->addWidget(seedMode_, 1);

    form->addRow(tr("Scheduler"), scheduler_);
    form->addRow(tr("Steps"), steps_);
    form->addRow(tr("Guidance"), guidance_);
    form->addRow(tr("Eta"), eta_);
    form->addRow(tr("Seed"), seedRow);
    form->addRow(tr("Frames"), frames_);
    form->addRow(tr("FPS conditioning"), fps_);
    form->addRow(tr("Size"), sizeRow);
    form->addRow(tr("Runs"), runsRow);
    layout->addWidget(settingsBox);

    generateButton_ = new QPushButton(tr("Generate"), outer);
    generateButton_->setObjectName(QStringLiteral("generateButton"));
    generateButton_->setToolTip(tr("Generate the video (Ctrl+Enter)"));
    generateButton_->setDefault(true);
    cancelButton_ = new QPushButton(tr("Cancel"), outer);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    cancelButton_->setToolTip(tr("Stop the running job (Esc)"));
    exportButton_ = new QPushButton(tr("Export…"), outer);
    exportButton_->setObjectName(QStringLiteral("exportButton"));
    connect(generateButton_, &QPushButton::clicked, this, &MainWindow::generate);
    connect(cancelButton_, &QPushButton::clicked, this, &MainWindow::cancel);
    continueButton_ = new QPushButton(tr("Continue"), outer);
    continueButton_->setObjectName(QStringLiteral("continueButton"));
    continueButton_->setToolTip(tr("Generate a new clip that starts from the last frame of this result"));
    connect(exportButton_, &QPushButton::clicked, this, &MainWindow::exportResult);
    connect(continueButton_, &QPushButton::clicked, this, &MainWindow::continueFromLastFrame);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(generateButton_, 1);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(continueButton_);
    buttons->addWidget(exportButton_);
    scroll->setWidget(panel);
    outerLayout->addWidget(scroll, 1);
    outerLayout->addLayout(buttons);
    // Wide enough for the form's widest row without a horizontal scroll bar.
    outer->setMinimumWidth(panel->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    return outer;
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open picture…"), this, &MainWindow::openImage);
    open->setShortcut(QKeySequence::Open);
    QAction* paste = file->addAction(tr("&Paste picture"), this, &MainWindow::pasteImage);
    paste->setShortcut(QKeySequence::Paste);
    QAction* models = file->addAction(tr("&Models…"), this, &MainWindow::openModels);
    models->setObjectName(QStringLiteral("modelsAction"));
    models->setShortcut(QKeySequence(tr("Ctrl+M")));
    file->addAction(tr("Choose &model folder…"), this, &MainWindow::chooseModelFolder);
    exportAction_ = file->addAction(tr("&Export video…"), this, &MainWindow::exportResult);
    exportAction_->setObjectName(QStringLiteral("exportAction"));
    exportAction_->setShortcut(QKeySequence(tr("Ctrl+E")));
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Generate"));
    // Actions that cannot run now are disabled (updateButtons()), never answered with an error.
    generateAction_ = run->addAction(tr("&Generate"), this, &MainWindow::generate);
    generateAction_->setObjectName(QStringLiteral("generateAction"));
    generateAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    cancelAction_ = run->addAction(tr("&Cancel"), this, &MainWindow::cancel);
    cancelAction_->setObjectName(QStringLiteral("cancelAction"));
    cancelAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAllAction_ = run->addAction(tr("Cancel &all"), this, &MainWindow::cancelAll);
    cancelAllAction_->setObjectName(QStringLiteral("cancelAllAction"));
    continueAction_ = run->addAction(tr("C&ontinue from last frame"), this, &MainWindow::continueFromLastFrame);
    continueAction_->setObjectName(QStringLiteral("continueAction"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(queueDock_->toggleViewAction());
    view->addAction(historyDock_->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About I2V Studio"), this, [this] {
        // I2V_VERSION is CMake's project(VERSION), like `i2v --version`, the package and exported metadata.
        QMessageBox::about(this, tr("About I2V Studio"),
                           tr("<h3>I2V Studio %1</h3><p>Turns a picture and a prompt into a video with the "
                              "I2VGen-XL diffusion model, computed locally with libtorch.</p><p>Qt %2</p>")
                               .arg(QStringLiteral(I2V_VERSION), QString::fromLatin1(qVersion())));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::loadSettings() {
    QSettings& s = *settings_;
    restoreGeometry(s.value("window/geometry").toByteArray());
    restoreState(s.value("window/state").toByteArray());
    prompt_->setPlainText(s.value("last/prompt").toString());
    negative_->setPlainText(s.value("last/negativePrompt").toString());
    scheduler_->setCurrentIndex(std::max(0, scheduler_->findData(s.value("last/scheduler").toString())));
    steps_->setValue(s.value("last/steps", 50).toInt());
    guidance_->setValue(s.value("last/guidance", 9.0).toDouble());
    eta_->setValue(s.value("last/eta", 0.0).toDouble());
    seed_->setValue(s.value("last/seed", 0).toInt());
    seedLock_->setChecked(s.value("last/seedLocked", false).toBool());
    frames_->setValue(s.value("last/frames", 16).toInt());
    fps_->setValue(s.value("last/fps", 16).toInt());
    const int preset = s.value("last/sizePreset", 0).toInt();
    sizePreset_->setCurrentIndex(std::clamp(preset, 0, sizePreset_->count() - 1));
    width_->setValue(s.value("last/width", 1280).toInt());
    height_->setValue(s.value("last/height", 704).toInt());
    updateSizeControls();
    runs_->setValue(s.value("last/runs", 1).toInt());
    seedMode_->setCurrentIndex(std::max(0, seedMode_->findData(s.value("last/seedMode").toString())));

    // The user's choice when it is still there (a folder on a disk that is not mounted stays chosen), else
    // the best model found; only a choice is ever stored.
    QString model = app_.modelDir;
    if (!isModelFolder(model))
        model = automaticModelDir();
    if (model.isEmpty())
        reportError(ErrorBanner::Topic::Model, tr("No model found: download I2VGen-XL or choose a model folder (File ▸ Models…)"));
    else
        loadModelFolder(model);
    updateEtaEnabled();
}

void MainWindow::saveSettings() const {
    QSettings& s = *settings_;
    app_.save(s);
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    s.setValue("last/prompt", prompt_->toPlainText());
    s.setValue("last/negativePrompt", negative_->toPlainText());
    s.setValue("last/scheduler", scheduler_->currentData().toString());
    s.setValue("last/steps", steps_->value());
    s.setValue("last/guidance", guidance_->value());
    s.setValue("last/eta", eta_->value());
    s.setValue("last/seed", seed_->value());
    s.setValue("last/seedLocked", seedLock_->isChecked());
    s.setValue("last/frames", frames_->value());
    s.setValue("last/fps", fps_->value());
    s.setValue("last/sizePreset", sizePreset_->currentIndex());
    s.setValue("last/width", width_->value());
    s.setValue("last/height", height_->value());
    s.setValue("last/runs", runs_->value());
    s.setValue("last/seedMode", seedMode_->currentData().toString());
    s.sync();
}

JobRequest MainWindow::currentRequest() const {
    JobRequest r;
    r.image = dropZone_->image();
    r.imagePath = dropZone_->imagePath();
    r.imageName = dropZone_->sourceName();
    r.prompt = prompt_->toPlainText();
    r.negativePrompt = negative_->toPlainText();
    r.width = width_->value();
    r.height = height_->value();
    r.frames = frames_->value();
    r.steps = steps_->value();
    r.guidance = guidance_->value();
    r.fps = fps_->value();
    r.scheduler = scheduler_->currentData().toString();
    r.eta = eta_->isEnabled() ? eta_->value() : 0.0;
    r.seed = quint64(seed_->value());
    r.decodeChunk = app_.decodeChunk;
    r.preview = app_.preview;
    r.outputFolder = app_.outputFolder;
    return r;
}

QString MainWindow::modelFolder() const { return modelDir_; }

QString MainWindow::errorText() const { return errorBanner_->text(); }

void MainWindow::setModelFolder(const QString& dir) {
    app_.modelDir = dir;
    loadModelFolder(dir);
}

void MainWindow::loadModelFolder(const QString& dir) {
    modelDir_ = dir;
    modelReady_ = false;
    defaultScheduler_.clear();
    modelParameters_ = 0;
    modelEdit_->setText(QDir::toNativeSeparators(dir));
    demoBar_->setVisible(false);
    if (models_)
        models_->setCurrentModel(dir);
    errorBanner_->clearTopic(ErrorBanner::Topic::Model);
    stage_->setText(tr("Loading the model from %1…").arg(QDir::toNativeSeparators(dir)));
    tokens_->load(dir);
    updateTokenCount(prompt_, promptCount_);
    updateTokenCount(negative_, negativeCount_);
    QMetaObject::invokeMethod(worker_, [worker = worker_, dir, engine = app_.engine] { worker->loadModel(dir, engine); },
                              Qt::QueuedConnection);
    updateButtons();
}

void MainWindow::chooseModelFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose an I2VGen-XL model folder"), modelDir_);
    if (!dir.isEmpty())
        setModelFolder(dir);
}

void MainWindow::onModelLoaded(const QString& dir, const QString& defaultScheduler, qint64 parameters) {
    if (dir != modelDir_)
        return;
    modelReady_ = true;
    errorBanner_->clearTopic(ErrorBanner::Topic::Model);
    defaultScheduler_ = defaultScheduler;
    scheduler_->setItemText(0, tr("Model default (%1)").arg(defaultScheduler));
    modelParameters_ = parameters;
    updateDemoBanner();
    stage_->setText(tr("Model ready: %1 (%2 M parameters)").arg(QDir(dir).dirName()).arg(parameters / 1'000'000));
    updateEtaEnabled();
    updateButtons();
}

void MainWindow::onModelFailed(const QString& dir, const QString& message) {
    if (dir != modelDir_)
        return;
    modelReady_ = false;
    reportError(ErrorBanner::Topic::Model,
                tr("The model in %1 could not be loaded: %2").arg(QDir::toNativeSeparators(dir), message));
    stage_->setText(tr("No model"));
    updateButtons();
}

void MainWindow::openImage() {
    const QString start = settings_->value("input/folder", QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a picture"), start,
                                                      tr("Pictures (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff);;All files (*)"));
    if (path.isEmpty())
        return;
    settings_->setValue("input/folder", QFileInfo(path).absolutePath());
    dropZone_->loadFile(path);
}

void MainWindow::pasteImage() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!DropZone::canTake(mime)) {
        reportError(ErrorBanner::Topic::Picture, tr("The clipboard holds no picture"));
        return;
    }
    dropZone_->loadMimeData(mime, tr("the pasted picture"));
}

void MainWindow::openSettings() {
    SettingsDialog dialog(app_, GenerationWorker::cudaAvailable(), this);
    if (dialog.exec() == QDialog::Accepted)
        applySettings(dialog.settings());
}

void MainWindow::applySettings(const AppSettings& settings) {
    const bool reload = settings.modelDir != app_.modelDir || settings.engine != app_.engine;
    const bool hubChanged = settings.hub != app_.hub;
    if (settings.hub.token != app_.hub.token)
        if (const QString error = HubPreferences::writeToken(settings.hub.token); !error.isEmpty())
            showError(tr("The access token was not saved: %1").arg(error));
    app_ = settings;
    app_.save(*settings_);
    settings_->sync();
    if (reload) {
        const QString dir = settings.modelDir.isEmpty() ? automaticModelDir() : settings.modelDir;
        if (isModelFolder(dir))
            loadModelFolder(dir);
        else
            reportError(ErrorBanner::Topic::Model, tr("%1 is not a model folder (no model_index.json)").arg(QDir::toNativeSeparators(dir)));
    }
    if (hubChanged) {   // another cache folder holds other models
        if (models_)
            models_->refresh();
        updateDemoBanner();
    }
}

bool MainWindow::isExporting() const { return !exportThread_.isNull(); }

QString MainWindow::suggestedExportPath(const QString& format) const {
    const QString folder = settings_->value("export/folder", app_.outputFolder).toString();
    return folder + QLatin1Char('/') + ExportDialog::suggestedFileName(resultSeed_, format);
}

void MainWindow::exportResult() {
    // The button and the menu entry are disabled then; a call from elsewhere does nothing.
    if (resultFrames_.isEmpty() || exportThread_ || !ExportDialog::exportAvailable())
        return;
    ExportChoice initial;
    initial.format = settings_->value("export/format", initial.format).toString();
    initial.fps = settings_->value("export/fps", initial.fps).toDouble();
    initial.quality = settings_->value("export/quality", initial.quality).toInt();
    ExportDialog dialog(initial, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportChoice choice = dialog.choice();
    settings_->setValue("export/format", choice.format);
    settings_->setValue("export/fps", choice.fps);
    settings_->setValue("export/quality", choice.quality);

    // Our own overwrite question below, so that a PNG folder and every platform dialog behave the same.
    const QString path = QFileDialog::getSaveFileName(this, tr("Export video"), suggestedExportPath(choice.format), QString(),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    settings_->setValue("export/folder", QFileInfo(path).absolutePath());
    bool overwrite = false;
    if (QFileInfo::exists(path)) {
        const auto answer = QMessageBox::question(this, tr("Replace file?"),
                                                  tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
        overwrite = true;
    }
    exportTo(choice, path, overwrite);
}

void MainWindow::exportTo(const ExportChoice& choice, const QString& path, bool overwrite) {
    if (resultFrames_.isEmpty() || exportThread_)
        return;
    errorBanner_->clearTopic(ErrorBanner::Topic::Export);
    auto error = std::make_shared<QString>();
    const QVector<QImage> frames = resultFrames_;
    const QString parameters = resultParameters_;
    QThread* thread = QThread::create([=] { *error = exportFrames(frames, choice, parameters, path, overwrite); });
    exportThread_ = thread;
    stage_->setText(tr("Exporting %1…").arg(QDir::toNativeSeparators(path)));
    connect(thread, &QThread::finished, this, [this, thread, error, path] {
        // deleteLater() leaves the pointer set until the event loop gets to it: the export is over now.
        exportThread_.clear();
        thread->deleteLater();
        if (error->isEmpty()) {
            stage_->setText(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
            errorBanner_->clearTopic(ErrorBanner::Topic::Output);  // the unsaved result is saved now
        }
        else
            reportError(ErrorBanner::Topic::Export, tr("Export failed: %1").arg(*error));
        updateButtons();
        emit exportEnded(path, *error);
    });
    thread->start();
    updateButtons();
}

void MainWindow::showError(const QString& message) { reportError(ErrorBanner::Topic::Other, message); }

void MainWindow::reportError(ErrorBanner::Topic topic, const QString& message) { errorBanner_->showMessage(topic, message); }

void MainWindow::clearError() { errorBanner_->clearAll(); }

void MainWindow::updateTokenCount(QPlainTextEdit* edit, QLabel* label) {
    const PromptTokenCounter::Count c = tokens_->count(edit->toPlainText());
    if (!c.valid) {
        label->clear();
        return;
    }
    if (c.truncated) {
        label->setText(tr("%1 / %2 — the model will not see the end of this text").arg(c.tokens).arg(c.maxTokens));
        label->setStyleSheet(QStringLiteral("color: #b00000; font-weight: bold;"));
    } else {
        label->setText(tr("%1 / %2").arg(c.tokens).arg(c.maxTokens));
        label->setStyleSheet(QString());
    }
}

void MainWindow::updateSizeControls() {
    const QSize preset = sizePreset_->currentData().toSize();
    const bool custom = !preset.isValid();
    width_->setEnabled(custom);
    height_->setEnabled(custom);
    if (!custom) {
        width_->setValue(preset.width());
        height_->setValue(preset.height());
    }
    dropZone_->setTargetSize(width_->value(), height_->value());
}

void MainWindow::updateEtaEnabled() {
    QString name = scheduler_->currentData().toString();
    if (name.isEmpty())
        name = defaultScheduler_;
    eta_->setEnabled(name == QLatin1String("ddim"));
}

void MainWindow::updateButtons() {
    generateButton_->setText(isGenerating() ? tr("Add to queue") : tr("Generate"));
    // A job needs a loaded model; the picture is checked by generate(), whose banner says where to get one.
    generateButton_->setEnabled(modelReady_);
    generateAction_->setEnabled(modelReady_);
    cancelButton_->setEnabled(runningJob_ != 0);
    cancelAction_->setEnabled(runningJob_ != 0);
    cancelAllAction_->setEnabled(isGenerating());
    const bool canExport = !resultFrames_.isEmpty() && !exportThread_ && ExportDialog::exportAvailable();
    exportButton_->setEnabled(canExport);
    exportAction_->setEnabled(canExport);
    const bool canContinue = !resultFrames_.isEmpty() && modelReady_;
    continueButton_->setEnabled(canContinue);
    continueAction_->setEnabled(canContinue);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    worker_->cancelAll();
    downloads_->shutdown();   // at once: the download's partial files stay and the next start resumes it
    QMainWindow::closeEvent(event);
}

} // namespace i2v::ui
