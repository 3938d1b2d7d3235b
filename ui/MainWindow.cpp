#include "ui/MainWindow.h"

#include "util/Runtime.h"

#include "ui/ActiveModel.h"
#include "ui/DemoBanner.h"
#include "ui/DownloadController.h"
#include "ui/DownloadStatusButton.h"
#include "ui/DropZone.h"
#include "ui/ExportDialog.h"
#include "ui/GalleryController.h"
#include "ui/GalleryPanel.h"
#include "ui/GenerationForm.h"
#include "ui/InputPanel.h"
#include "ui/JobAttention.h"
#include "ui/JobController.h"
#include "ui/JobLauncher.h"
#include "ui/JobPanel.h"
#include "ui/JobPresets.h"
#include "ui/JobStatusBar.h"
#include "ui/ModelChoice.h"
#include "ui/ModelLocations.h"
#include "ui/PlayerTabs.h"
#include "ui/QueuePanel.h"
#include "ui/ResultExporter.h"
#include "ui/ResultView.h"
#include "ui/ScreenRoom.h"
#include "ui/SettingsDialog.h"
#include "ui/UnfinishedJobsBanner.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QDockWidget>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace i2v::ui {
namespace {

constexpr char kJoinPartsKey[] = "job/joinContinuations";

} // namespace

QString MainWindow::demoModelDir() { return ui::demoModelDir(); }

MainWindow::MainWindow(QSettings* settings, QWidget* parent, const QString& historyPath)
    : QMainWindow(parent), settings_(settings) {
    if (!settings_) {
        ownSettings_ = std::make_unique<QSettings>();
        settings_ = ownSettings_.get();
    }
    app_ = AppSettings::load(*settings_);
    presets_ = std::make_unique<JobPresets>(*settings_);
    jobs_ = new JobController(historyPath, this);
    jobs_->setPreferences(app_);
    jobs_->setSpeedStore(settings_);
    setWindowTitle(tr("I2V Studio"));
    attention_ = new JobAttention(jobs_, this);
    attention_->setNotify(app_.notifyWhenDone);
    setDockNestingEnabled(true);
    setAcceptDrops(true);

    model_ = new ActiveModel(jobs_, this);
    downloads_ = new DownloadController(settings_, [this] { return app_.hub.toHubSettings(); }, this);
    modelChoice_ = new ModelChoice(model_, downloads_, settings_, this);
    modelChoice_->setPreferences(app_);
    demoBanner_ = new DemoBanner(model_, downloads_, this);
    connect(demoBanner_, &DemoBanner::downloadRequested, this, &MainWindow::startModelDownload);
    connect(demoBanner_, &DemoBanner::draftRequested, this, [this] { jobPanel_->useDraftPreset(); });
    errorBanner_ = new ErrorBanner(this);
    unfinishedBanner_ = new UnfinishedJobsBanner(jobs_, this);
    players_ = new PlayerTabs(jobs_, this);

    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(buildInputPanel());
    left->addWidget(players_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(buildJobPanel());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(demoBanner_);
    layout->addWidget(errorBanner_);
    layout->addWidget(unfinishedBanner_);
    layout->addWidget(split, 1);
    setCentralWidget(central);
    jobStatus_ = new JobStatusBar(jobs_, model_, this);
    setStatusBar(jobStatus_);
    launcher_ = new JobLauncher(jobs_, model_, dropZone(), form(), jobStatus_, this);
    downloadStatus_ = new DownloadStatusButton(downloads_, this);
    connect(downloadStatus_, &QToolButton::clicked, this, &MainWindow::openModels);
    jobStatus_->addPermanentWidgetBeforeProgress(downloadStatus_);
    buildDocks();
    createActions();
    connectModel();
    connectJobs();
    // After connectJobs: a gallery entry's Export… asks its questions once the window shows the entry as the result.
    exporter_ = new ResultExporter(jobs_, settings_, this);
    exporter_->setOutputFolder(app_.outputFolder);
    galleryController_ = new GalleryController(gallery_, jobs_, form(), launcher_, exporter_, jobStatus_, this);
    connect(galleryController_, &GalleryController::failed, this, &MainWindow::reportError);

    loadSettings();
    // A download the app was quit in the middle of goes on where it stopped.
    if (downloads_->resumePending())
        statusBar()->showMessage(tr("Resuming the download of %1 that was under way when I2V Studio was closed")
                                     .arg(downloads_->repo()),
                                 10000);
    if (!jobs_->history()->isOpen())
        showError(tr("The job history cannot be opened (%1): jobs are not recorded").arg(jobs_->history()->errorString()));
    else if (const QString aside = jobs_->history()->keptAside(); !aside.isEmpty())
        showError(tr("The job history could not be read (%1), so a new one has begun; the old file is kept as %2")
                      .arg(jobs_->history()->damagedReason(), QDir::toNativeSeparators(aside)));
    updateButtons();
}

MainWindow::~MainWindow() {
    // The controller's own destructor records the jobs that had not ended; nothing of it may reach this window.
    for (QObject* follower : std::initializer_list<QObject*>{this, model_, players_, jobPanel_, jobStatus_, exporter_, galleryController_, attention_})
        disconnect(jobs_, nullptr, follower, nullptr);
    // A running download stops within a fraction of a second, its partial files kept for the next start.
    for (QObject* follower : std::initializer_list<QObject*>{this, demoBanner_, downloadStatus_, modelChoice_})
        disconnect(downloads_, nullptr, follower, nullptr);
    downloads_->shutdown();
    delete jobs_;
}

void MainWindow::buildDocks() {
    queuePanel_ = new QueuePanel(jobs_->queueModel(), this);
    connect(queuePanel_, &QueuePanel::cancelJobRequested, jobs_, &JobController::cancelJob);
    connect(queuePanel_, &QueuePanel::cancelAllRequested, this, &MainWindow::cancelAll);
    queueDock_ = new QDockWidget(tr("Queue"), this);
    queueDock_->setObjectName(QStringLiteral("queueDock"));
    queueDock_->setWidget(queuePanel_);
    gallery_ = new GalleryPanel(this);
    galleryDock_ = new QDockWidget(tr("Gallery"), this);
    galleryDock_->setObjectName(QStringLiteral("galleryDock"));
    galleryDock_->setWidget(gallery_);

    addDockWidget(Qt::BottomDockWidgetArea, queueDock_);
    addDockWidget(Qt::BottomDockWidgetArea, galleryDock_);
    tabifyDockWidget(queueDock_, galleryDock_);
    queueDock_->raise();
    // A few rows of queue by default (its table would ask for a third of a 720-pixel screen); the user's own
    // dock sizes and window geometry come back with the saved window state (loadSettings).
    resizeDocks({queueDock_}, {7 * fontMetrics().lineSpacing()}, Qt::Vertical);
}

QWidget* MainWindow::buildInputPanel() {
    inputPanel_ = new InputPanel(settings_, this);
    connect(inputPanel_, &InputPanel::pictureError, this, [this](const QString& message, const QString& details) {
        errorBanner_->showDetailedMessage(ErrorBanner::Topic::Picture, message, details);
    });
    // A caveat (only the first frame of an animated GIF is used) is no error: the status bar, not the banner.
    connect(inputPanel_, &InputPanel::warning, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(inputPanel_, &InputPanel::imageChanged, this, [this] {
        errorBanner_->clearTopic(ErrorBanner::Topic::Picture);
        updateButtons();
    });
    connect(dropZone(), &DropZone::readingChanged, this, &MainWindow::updateButtons);
    return inputPanel_;
}

QWidget* MainWindow::buildJobPanel() {
    jobPanel_ = new JobPanel(dropZone(), presets_.get(), jobs_, model_, this);
    connect(inputPanel_, &InputPanel::sizeChosen, form(), &GenerationForm::setSize);
    connect(jobPanel_, &JobPanel::chooseModelRequested, modelChoice_, &ModelChoice::askForFolder);
    connect(jobPanel_, &JobPanel::generateRequested, this, &MainWindow::generate);
    connect(jobPanel_, &JobPanel::cancelRequested, this, &MainWindow::cancel);
    connect(jobPanel_, &JobPanel::exportRequested, this, &MainWindow::exportResult);
    connect(jobPanel_, &JobPanel::continueRequested, this, &MainWindow::continueFromLastFrame);
    return jobPanel_;
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
    file->addAction(tr("Choose &model folder…"), modelChoice_, &ModelChoice::askForFolder);
    // The built-in random-weight model: to try the app out, or to get back to a working state.
    useDemoAction_ = file->addAction(tr("Use the &demo model"), this, [this] { setModelFolder(demoModelDir()); });
    useDemoAction_->setObjectName(QStringLiteral("useDemoModel"));
    useDemoAction_->setEnabled(!demoModelDir().isEmpty());
    exportAction_ = file->addAction(tr("&Export video…"), this, &MainWindow::exportResult);
    exportAction_->setObjectName(QStringLiteral("exportAction"));
    exportAction_->setShortcut(QKeySequence(tr("Ctrl+E")));
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    // The desktop's Preferences keys where it has them (KDE: Ctrl+Shift+,); GNOME and the others give Qt none,
    // and Ctrl+, is what most apps use there.
    const QList<QKeySequence> preferences = QKeySequence::keyBindings(QKeySequence::Preferences);
    settings->setShortcuts(preferences.isEmpty() ? QList<QKeySequence>{QKeySequence(tr("Ctrl+,"))} : preferences);
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
    joinPartsAction_ = run->addAction(tr("&Join continued parts into one video"));
    joinPartsAction_->setObjectName(QStringLiteral("joinPartsAction"));
    joinPartsAction_->setCheckable(true);
    connect(joinPartsAction_, &QAction::toggled, launcher_, &JobLauncher::setJoinsContinuations);
    joinPartsAction_->setChecked(true);
    joinPartsAction_->setToolTip(tr("Continue also writes the earlier video and the new clip as one video, and shows that"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(queueDock_->toggleViewAction());
    view->addAction(galleryDock_->toggleViewAction());

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

void MainWindow::connectJobs() {
    connect(jobs_, &JobController::jobSubmitted, this, [this] {
        if (!queueDock_->isVisible())
            queueDock_->show();
        queueDock_->raise();
        updateButtons();
    });
    connect(jobs_, &JobController::jobStarted, this, [this] {
        errorBanner_->clearTopic(ErrorBanner::Topic::Job);  // an earlier job's failure is not this one's
        updateButtons();
    });
    connect(jobs_, &JobController::warning, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(jobs_, &JobController::resultReady, this, &MainWindow::showResult);
    connect(jobs_, &JobController::jobFailed, this, [this](const QString& message) {
        reportError(ErrorBanner::Topic::Job, tr("Generation failed: %1").arg(message));
    });
    connect(jobs_, &JobController::jobEnded, this, &MainWindow::updateButtons);
    connect(jobs_, &JobController::pastResultFailed, this, [this](qint64, const QString& message) {
        reportError(ErrorBanner::Topic::Export, message);
    });
    connect(jobs_, &JobController::historyFailed, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(jobs_, &JobController::exportStarted, this, [this] {
        errorBanner_->clearTopic(ErrorBanner::Topic::Export);
        updateButtons();
    });
    connect(jobs_, &JobController::exportEnded, this, [this](const QString&, const QString& error) {
        if (error.isEmpty())
            errorBanner_->clearTopic(ErrorBanner::Topic::Output);  // the unsaved result is saved now
        else
            reportError(ErrorBanner::Topic::Export, tr("Export failed: %1").arg(error));
        updateButtons();
    });
    connect(launcher_, &JobLauncher::refused, this, &MainWindow::reportError);
    connect(launcher_, &JobLauncher::accepted, errorBanner_, &ErrorBanner::clearTopic);
    connect(launcher_, &JobLauncher::queueingForm, this, &MainWindow::saveSettings);
}

void MainWindow::showResult(const JobResult& r) {
    if (r.historyId) {
        updateButtons();   // before a gallery entry's Export… asks its questions (ResultExporter)
        return;
    }
    if (r.notSaved) {
        const QString message = tr("The video was not saved; its %1 frames are kept until the next result. %2")
                                    .arg(r.frames.size()).arg(r.why);
        if (ExportDialog::exportAvailable())
            errorBanner_->showMessage(ErrorBanner::Topic::Output, message, tr("Save as…"), [this] { exportResult(); });
        else
            reportError(ErrorBanner::Topic::Output, message);
    } else {
        errorBanner_->clearTopic(ErrorBanner::Topic::Output);  // the unsaved result is gone from the view
    }
}

void MainWindow::connectModel() {
    connect(modelChoice_, &ModelChoice::choiceChanged, this, [this](const QString& dir) {
        app_.modelDir = dir;
        storePreferences();
    });
    connect(modelChoice_, &ModelChoice::notFound, this, [this](const QString& message) {
        reportError(ErrorBanner::Topic::Model, message);
    });
    connect(modelChoice_, &ModelChoice::modelRemoved, demoBanner_, &DemoBanner::refresh);
    connect(modelChoice_, &ModelChoice::notice, this, [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(downloads_, &DownloadController::failed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("The model download stopped: %1").arg(message), 15000);
    });
    // A model that loads, then is ready, withdraws the failure of the one before.
    const auto modelChanged = [this] {
        errorBanner_->clearTopic(ErrorBanner::Topic::Model);
        updateButtons();
    };
    connect(model_, &ActiveModel::loading, this, modelChanged);
    connect(model_, &ActiveModel::ready, this, modelChanged);
    connect(model_, &ActiveModel::failed, this, [this](const QString& dir, const QString& message) {
        // The engine names the file and what is wrong with it: Details keeps that for whoever fixes the folder.
        errorBanner_->showDetailedMessage(ErrorBanner::Topic::Model,
                                          tr("The model in %1 could not be loaded. Download I2VGen-XL again or choose another "
                                             "model folder (File ▸ Models…).")
                                              .arg(QDir::toNativeSeparators(dir)),
                                          message);
        updateButtons();
    });
}

void MainWindow::loadSettings() {
    QSettings& s = *settings_;
    // The size and place the user left the window in (maximised too); the first start gets 1400x900 where the
    // screen has room for it and its frame, else the whole screen (a 1280x720 laptop: sized to the screen, the
    // frame pushed the status bar under its bottom edge).
    if (!restoreGeometry(s.value("window/geometry").toByteArray())) {
        const QSize room = roomOnScreen(this), first(1400, 900);
        resize(first.boundedTo(room));
        if (room.width() < first.width() || room.height() < first.height())
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    restoreState(s.value("window/state").toByteArray());
    form()->load(s);
    joinPartsAction_->setChecked(s.value(kJoinPartsKey, true).toBool());
    modelChoice_->loadAtStart();
}

void MainWindow::saveSettings() const {
    QSettings& s = *settings_;
    app_.save(s);
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    form()->save(s);
    s.setValue(kJoinPartsKey, joinPartsAction_->isChecked());
    s.sync();
}

void MainWindow::storePreferences() {
    app_.save(*settings_);
    settings_->sync();
}

QString MainWindow::errorText() const { return errorBanner_->text(); }
QString MainWindow::modelFolder() const { return model_->folder(); }
bool MainWindow::isModelReady() const { return model_->isReady(); }
QString MainWindow::suggestedExportPath(const QString& format) const { return exporter_->suggestedPath(format); }
FramePlayer* MainWindow::previewPlayer() const { return players_->preview(); }
FramePlayer* MainWindow::resultPlayer() const { return players_->result()->framePlayer(); }
ResultView* MainWindow::resultView() const { return players_->result(); }
GenerationForm* MainWindow::form() const { return jobPanel_->form(); }
EstimatePanel* MainWindow::estimatePanel() const { return jobPanel_->estimatePanel(); }
DropZone* MainWindow::dropZone() const { return inputPanel_->dropZone(); }
ModelsDialog* MainWindow::modelsDialog() const { return modelChoice_->modelsDialog(); }

void MainWindow::setModelFolder(const QString& dir) { modelChoice_->choose(dir); }
void MainWindow::openModels() { modelChoice_->openModels(); }
void MainWindow::startModelDownload() { modelChoice_->downloadDefaultModel(); }
void MainWindow::openImage() { inputPanel_->openImage(); }
void MainWindow::pasteImage() { inputPanel_->pasteImage(); }
void MainWindow::generate() { launcher_->generate(); }
void MainWindow::cancel() { launcher_->cancel(); }
void MainWindow::cancelAll() { launcher_->cancelAll(); }
void MainWindow::continueFromLastFrame() { launcher_->continueFromLastFrame(); }
void MainWindow::exportResult() { exporter_->exportResult(); }
void MainWindow::reuseSettings(const HistoryEntry& entry) { galleryController_->reuseSettings(entry); }
void MainWindow::playFromHistory(const HistoryEntry& entry) { galleryController_->play(entry); }

void MainWindow::openSettings() {
    SettingsDialog dialog(app_, runtimeInfo(), this);
    if (jobs_->hasCostModel()) {
        const JobRequest job = form()->request();
        dialog.setJobEstimator([this, job](const AppSettings& s) { return jobs_->estimate(job, s); });
        dialog.setMeasuredBf16SpeedUp(jobs_->measuredBf16SpeedUp(job));
    }
    if (dialog.exec() == QDialog::Accepted)
        applySettings(dialog.settings());
}

void MainWindow::applySettings(const AppSettings& settings) {
    const bool reload = ActiveModel::needsReload(app_, settings);
    const bool hubChanged = settings.hub != app_.hub;
    if (settings.hub.token != app_.hub.token)
        if (const QString error = HubPreferences::writeToken(settings.hub.token); !error.isEmpty())
            showError(tr("The access token was not saved: %1").arg(error));
    app_ = settings;
    storePreferences();
    jobs_->setPreferences(app_);
    modelChoice_->setPreferences(app_);
    exporter_->setOutputFolder(app_.outputFolder);
    attention_->setNotify(app_.notifyWhenDone);
    jobPanel_->updateEstimate();
    if (reload)
        modelChoice_->loadPreferred();
    if (hubChanged)   // another cache may hold the real model
        demoBanner_->refresh();
}

void MainWindow::showError(const QString& message) { reportError(ErrorBanner::Topic::Other, message); }

void MainWindow::reportError(ErrorBanner::Topic topic, const QString& message) { errorBanner_->showMessage(topic, message); }

void MainWindow::clearError() { errorBanner_->clearAll(); }

void MainWindow::updateButtons() {
    const bool generating = jobs_->isGenerating();
    JobPanel::Available can;
    // A job needs a loaded model and no picture half read; a missing picture is checked by generate(), whose
    // banner says where to get one.
    can.generate = model_->isReady() && !dropZone()->isReading();
    can.cancel = jobs_->runningJob() != 0;
    can.exportResult = exporter_->canExport();
    can.continueResult = jobs_->hasResult() && model_->isReady();
    jobPanel_->setAvailable(can, generating);
    generateAction_->setEnabled(can.generate);
    cancelAction_->setEnabled(can.cancel);
    cancelAllAction_->setEnabled(generating);
    exportAction_->setEnabled(can.exportResult);
    continueAction_->setEnabled(can.continueResult);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (DropZone::canTake(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    if (dropZone()->loadMimeData(event->mimeData(), tr("the dropped picture")))
        event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    jobs_->stopForClose();    // the jobs stay among the unfinished ones: the next start offers to go on with them
    downloads_->shutdown();   // at once: the download's partial files stay and the next start resumes it
    QMainWindow::closeEvent(event);
}

} // namespace i2v::ui
