// The Models window and the model download in the app (issue 14), against the stand-in hub on 127.0.0.1
// (tests/support/hub_server.py, which serves the tiny model as ali-vilab/i2vgen-xl): the demo banner's button
// starts the download and opens the window, the file and total bars move, Pause stops within a moment during a
// stalled transfer and keeps the partial file, Resume continues it with a Range request, the finished model is
// listed complete and the main window switches to it; Cancel deletes the partial files (and only those); a gated
// repository without a token is an error in words, and with the token from Settings (stored 0600, never in the
// ini) it downloads; a download under way when the window closes stops at once and resumes at the next start;
// with no model chosen the window picks the complete model of the cache and stores no choice; Verify and Remove.
#include "MainWindowDriver.h"

#include "support/HubServer.h"

#include "ui/DownloadController.h"
#include "ui/DownloadPanel.h"
#include "ui/HubPreferences.h"
#include "ui/ModelsDialog.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>

#include <filesystem>

namespace fs = std::filesystem;
using namespace i2v::ui;
using i2v::test::childOf;
using i2v::test::HubServer;
using State = DownloadController::State;

namespace {

const QString kRepo = QStringLiteral("ali-vilab/i2vgen-xl");
const QString kUnetFp16 = QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors");
constexpr int kDownloadMs = 60'000;

QString stallFault(int seconds = 20) {
    return QStringLiteral(R"({"kind": "stall", "path": "%1", "at": 100000, "seconds": %2})").arg(kUnetFp16).arg(seconds);
}

fs::path repoDir(const QString& cache) { return fs::path(cache.toStdString()) / "models--ali-vilab--i2vgen-xl"; }

QString snapshotOf(const QString& cache, const HubServer& hub) {
    return QString::fromStdString((repoDir(cache) / "snapshots" / hub.commit().toStdString()).string());
}

// (partial files, complete blobs) in the repository's blobs/ folder, and the bytes of the partial ones.
struct Blobs {
    int partial = 0;
    int complete = 0;
    qint64 partialBytes = 0;
};

Blobs blobsIn(const QString& cache) {
    Blobs b;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(repoDir(cache) / "blobs", ec)) {
        if (e.path().extension() == ".incomplete") {
            ++b.partial;
            b.partialBytes += qint64(fs::file_size(e.path(), ec));
        } else {
            ++b.complete;
        }
    }
    return b;
}

nlohmann::json serverLog(HubServer& hub) { return nlohmann::json::parse(hub.log().toStdString()); }

// Answers the next message box (Remove asks first) with `button`, once it is shown.
void answerNextMessageBox(QMessageBox::StandardButton button, QString* text = nullptr) {
    QTimer::singleShot(0, [button, text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (text)
            *text = box->text();
        box->button(button)->click();
    });
}

} // namespace

class TestModelsWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    std::unique_ptr<HubServer> hub_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<MainWindow> window_;

    // A shown window on the demo model that downloads from `endpoint` into `cache`; settings in `name`.ini.
    void openWindow(const QString& name, const QString& endpoint, const QString& cache, bool chooseDemo = true) {
        window_.reset();
        settings_ = i2v::test::makeSettings(tmp_, name + ".ini");
        if (!chooseDemo)
            settings_->remove("model/folder");
        settings_->setValue("hub/endpoint", endpoint);
        settings_->setValue("hub/cacheDir", cache);
        settings_->sync();
        reopenWindow(name);
    }

    void reopenWindow(const QString& name) {
        window_.reset();
        window_ = std::make_unique<MainWindow>(settings_.get(), nullptr, tmp_.filePath(name + ".sqlite"));
        window_->show();
        QVERIFY2(i2v::test::waitForModel(*window_), qPrintable(window_->errorText()));
    }

    template <class T> T* dialogChild(const char* name) {
        if (!window_->modelsDialog())
            qFatal("the Models window was never opened");
        return childOf<T>(window_->modelsDialog(), name);
    }

    // Waits until the download into `cache` is inside the stalled transfer of the UNet's weights: the 100 kB
    // before the stall are in its partial file (progress reports come only with new bytes, none during a stall).
    bool waitForStall(const QString& cache) {
        return QTest::qWaitFor(
                   [&] {
                       return window_->downloads()->state() != State::Running ||
                              (window_->downloads()->status().file == kUnetFp16 && blobsIn(cache).partialBytes >= 100000);
                   },
                   kDownloadMs) &&
               window_->downloads()->state() == State::Running;
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        // Nothing of this machine's user reaches the test, and nothing of the test reaches the network: a
        // fresh HOME and XDG folders, no token in the environment, and an endpoint nobody listens on for
        // whatever would not take the settings' one.
        for (const char* v : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "HF_HOME", "HUGGINGFACE_HUB_CACHE",
                              "https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(v);
        qputenv("HOME", tmp_.filePath("home").toUtf8());
        qputenv("XDG_CONFIG_HOME", tmp_.filePath("home/.config").toUtf8());
        qputenv("XDG_DATA_HOME", tmp_.filePath("home/.local/share").toUtf8());
        qputenv("XDG_CACHE_HOME", tmp_.filePath("home/.cache").toUtf8());
        qputenv("HF_HUB_CACHE", tmp_.filePath("env-cache").toUtf8());
        qputenv("HF_ENDPOINT", "http://127.0.0.1:9");
        i2v::test::enterTestMode();
        hub_ = std::make_unique<HubServer>();
        QVERIFY2(hub_->ok(), qPrintable(hub_->error()));
    }

    void cleanupTestCase() {
        window_.reset();
        hub_.reset();
    }

    void cleanup() {
        window_.reset();
        if (hub_)
            hub_->reset();
    }

    void bannerDownloadPausesResumesAndSwitchesToTheModel() {
        const QString cache = tmp_.filePath("cache-main");
        openWindow("main", hub_->endpoint(), cache);
        auto* banner = window_->findChild<QLabel*>("demoBanner");
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains("i2v download"), qPrintable(banner->text()));
        auto* button = childOf<QPushButton>(window_.get(), "downloadModelButton");
        QVERIFY(button->isVisible());
        QVERIFY(button->isEnabled());
        QCOMPARE(button->text(), QString("Download I2VGen-XL (fp16, about 5 GB)"));

        // The UNet's weights stall after 100 kB for 20 s: time to look and to pause.
        QVERIFY(hub_->addFault(stallFault()));
        QTest::mouseClick(button, Qt::LeftButton);
        ModelsDialog* dialog = window_->modelsDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        DownloadController* downloads = window_->downloads();
        QVERIFY(downloads->state() == State::Running);
        QCOMPARE(settings_->value(DownloadController::settingsKey()).toStringList(), QStringList({kRepo, "fp16"}));

        // What the window shows at every progress report (the panel's slot runs first: it was connected first).
        auto* fileBar = dialogChild<QProgressBar>("downloadFileProgress");
        auto* totalBar = dialogChild<QProgressBar>("downloadTotalProgress");
        auto* fileText = dialogChild<QLabel>("downloadFileText");
        auto* totalText = dialogChild<QLabel>("downloadTotalText");
        auto* details = dialogChild<QLabel>("downloadDetails");
        auto* status = childOf<QToolButton>(window_.get(), "downloadStatus");
        bool sawFileMidway = false, sawTotalMidway = false, sawWords = false, sawStatusBar = false;
        QObject watching;   // ends the connection below with this function
        connect(downloads, &DownloadController::progress, &watching, [&](const DownloadStatus& s) {
            if (s.file == kUnetFp16 && fileBar->value() > 0 && fileBar->value() < fileBar->maximum())
                sawFileMidway = sawFileMidway || fileText->text().contains(kUnetFp16 + " (file ");
            sawTotalMidway = sawTotalMidway || (totalBar->value() > 0 && totalBar->value() < totalBar->maximum() &&
                                                totalText->text().contains(DownloadPanel::bytesText(s.total)));
            sawWords = sawWords || details->text().contains("free on the disk");
            sawStatusBar = sawStatusBar || (status->isVisible() && status->text().contains("Downloading " + kRepo));
        });
        QVERIFY(waitForStall(cache));
        QVERIFY2(dialogChild<QLabel>("downloadState")->text().contains("Downloading"),
                 qPrintable(dialogChild<QLabel>("downloadState")->text()));
        QVERIFY(fileText->text().contains(kUnetFp16));
        // The banner's button follows the download's progress reports with the percent the window shows.
        QTRY_COMPARE(button->text(), QString("Show the download (%1 %)").arg(downloads->percent()));
        // A connection that delivers nothing is said to be one.
        QTRY_VERIFY_WITH_TIMEOUT(details->text().contains("Waiting for the server"), 8000);
        // The app stays usable: the main window's controls work while the download runs.
        QVERIFY(childOf<QPushButton>(window_.get(), "generateButton")->isEnabled());
        QVERIFY(status->isVisible());

        // Pause, in the middle of the stall: the engine notices at once and keeps what arrived.
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialogChild<QPushButton>("downloadPauseButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(downloads->state() == State::Paused, 5000);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        const Blobs paused = blobsIn(cache);
        QCOMPARE(paused.partial, 1);
        QVERIFY(paused.partialBytes >= 100000);
        QCOMPARE(settings_->value(DownloadController::settingsKey()).toStringList(), QStringList({kRepo, "fp16"}));
        auto* start = dialogChild<QPushButton>("downloadStartButton");
        QCOMPARE(start->text(), QString("Resume"));
        QVERIFY(!dialogChild<QPushButton>("downloadPauseButton")->isEnabled());
        QVERIFY2(status->text().contains("paused"), qPrintable(status->text()));

        // Resume: the partial file continues with a Range request (which stalls for a moment too, so that the
        // window is seen midway through the file), then everything is verified and linked.
        QVERIFY(hub_->addFault(QStringLiteral(R"({"kind": "stall", "path": "%1", "at": 1000000, "seconds": 2})").arg(kUnetFp16)));
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(downloads->state() == State::Finished || downloads->state() == State::Failed, kDownloadMs);
        QVERIFY2(downloads->state() == State::Finished, qPrintable(downloads->errorText()));
        QCOMPARE(blobsIn(cache).partial, 0);
        bool resumedWithRange = false;
        for (const auto& e : serverLog(*hub_))
            if (e.value("method", std::string()) == "GET" && e.value("repo_path", nlohmann::json()).is_string() &&
                e.at("repo_path").get<std::string>() == kUnetFp16.toStdString() && e.at("range").is_string())
                resumedWithRange = e.at("range").get<std::string>().rfind("bytes=" + std::to_string(paused.partialBytes) + "-", 0) == 0;
        QVERIFY(resumedWithRange);

        // Listed complete, and the main window uses it: its folder is the snapshot in the cache.
        const QString snapshot = snapshotOf(cache, *hub_);
        QTRY_COMPARE(window_->modelFolder(), snapshot);
        QVERIFY2(i2v::test::waitForModel(*window_), qPrintable(window_->errorText()));
        const int row = dialog->rowOf(snapshot);
        QVERIFY(row >= 0);
        QVERIFY(dialog->models()[row].complete);
        QVERIFY(dialog->models()[row].source == i2v::hub::ModelSource::HubCache);
        auto* table = dialogChild<QTableWidget>("modelsTable");
        QCOMPARE(table->item(row, ModelsDialog::StatusColumn)->text(), QString("Complete"));
        QVERIFY(table->item(row, ModelsDialog::NameColumn)->text().contains("(in use)"));
        QVERIFY(dialogChild<QLabel>("downloadState")->text().startsWith("Complete"));
        QVERIFY(!status->isVisible());
        QVERIFY(sawFileMidway);
        QVERIFY(sawTotalMidway);
        QVERIFY(sawWords);
        QVERIFY(sawStatusBar);
        QVERIFY(!settings_->contains(DownloadController::settingsKey()));
        // What the window would pick by itself is no choice to store.
        QVERIFY(!settings_->contains("model/folder"));
        // The stand-in's model is the tiny one: the banner says so, and offers no second download.
        QVERIFY(!button->isVisible());
    }

    void cancelDeletesOnlyThePartialFiles() {
        const QString cache = tmp_.filePath("cache-cancel");
        openWindow("cancel", hub_->endpoint(), cache);
        QVERIFY(hub_->addFault(stallFault()));
        window_->openModels();
        auto* variant = dialogChild<QComboBox>("downloadVariant");
        QCOMPARE(variant->currentData().toString(), QString("fp16"));
        QTest::mouseClick(dialogChild<QPushButton>("downloadStartButton"), Qt::LeftButton);
        QVERIFY(!variant->isEnabled());
        QVERIFY(waitForStall(cache));
        const Blobs before = blobsIn(cache);
        QCOMPARE(before.partial, 1);
        QVERIFY(before.complete > 0);   // the files before the UNet's weights

        // The snapshot being filled in is listed as downloading, and Remove refuses it.
        ModelsDialog* dialog = window_->modelsDialog();
        const QString snapshot = snapshotOf(cache, *hub_);
        QTRY_VERIFY(dialog->rowOf(snapshot) >= 0);
        auto* table = dialogChild<QTableWidget>("modelsTable");
        QCOMPARE(table->item(dialog->rowOf(snapshot), ModelsDialog::StatusColumn)->text(), QString("Downloading…"));
        dialog->selectRow(dialog->rowOf(snapshot));
        QString refusal;
        answerNextMessageBox(QMessageBox::Ok, &refusal);
        QTest::mouseClick(dialogChild<QPushButton>("modelsRemoveButton"), Qt::LeftButton);
        QVERIFY2(refusal.contains("is being downloaded"), qPrintable(refusal));
        QCOMPARE(blobsIn(cache).partial, 1);

        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialogChild<QPushButton>("downloadCancelButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window_->downloads()->state() == State::Idle, 5000);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        const Blobs after = blobsIn(cache);
        QCOMPARE(after.partial, 0);
        QCOMPARE(after.complete, before.complete);
        QVERIFY(!settings_->contains(DownloadController::settingsKey()));
        QVERIFY2(dialogChild<QLabel>("downloadState")->text().startsWith("Cancelled"),
                 qPrintable(dialogChild<QLabel>("downloadState")->text()));
        QVERIFY(!childOf<QToolButton>(window_.get(), "downloadStatus")->isVisible());
        QCOMPARE(window_->modelFolder(), i2v::test::demoModelPath());

        // Cancel after a pause removes what the pause kept.
        QVERIFY(hub_->addFault(stallFault()));
        QTest::mouseClick(dialogChild<QPushButton>("downloadStartButton"), Qt::LeftButton);
        QVERIFY(waitForStall(cache));
        QTest::mouseClick(dialogChild<QPushButton>("downloadPauseButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window_->downloads()->state() == State::Paused, 5000);
        QCOMPARE(blobsIn(cache).partial, 1);
        QTest::mouseClick(dialogChild<QPushButton>("downloadCancelButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window_->downloads()->state() == State::Idle, 5000);
        QCOMPARE(blobsIn(cache).partial, 0);
        QCOMPARE(blobsIn(cache).complete, before.complete);
    }

    void gatedRepoNeedsTheTokenFromSettings() {
        HubServer gated({"--gated", "--token", "s3cret-test-token"});
        QVERIFY2(gated.ok(), qPrintable(gated.error()));
        const QString cache = tmp_.filePath("cache-gated");
        openWindow("gated", gated.endpoint(), cache);
        window_->openModels();
        QTest::mouseClick(dialogChild<QPushButton>("downloadStartButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window_->downloads()->state() == State::Failed, kDownloadMs);
        auto* error = dialogChild<QLabel>("downloadError");
        QVERIFY(error->isVisible());
        // The engine's words: what is wrong and what to do.
        QVERIFY2(error->text().contains("gated") && error->text().contains("token"), qPrintable(error->text()));
        QCOMPARE(dialogChild<QPushButton>("downloadStartButton")->text(), QString("Try again"));
        QVERIFY(!settings_->contains(DownloadController::settingsKey()));   // a refusal is not resumed at start-up

        // The token, given in Settings, is stored in its own file readable by its owner only, never in the ini.
        AppSettings s = window_->appSettings();
        s.hub.token = "s3cret-test-token";
        window_->applySettings(s);
        QFile token(HubPreferences::tokenFilePath());
        QVERIFY2(token.exists(), qPrintable(token.fileName()));
        QCOMPARE(token.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile ini(settings_->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("s3cret"));
        QCOMPARE(AppSettings::load(*settings_).hub.token, QString("s3cret-test-token"));

        QTest::mouseClick(dialogChild<QPushButton>("downloadStartButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window_->downloads()->state() != State::Running, kDownloadMs);
        QVERIFY2(window_->downloads()->state() == State::Finished, qPrintable(window_->downloads()->errorText()));
        QVERIFY(!error->isVisible());
        QTRY_COMPARE(window_->modelFolder(), snapshotOf(cache, gated));

        // Clearing it in Settings removes the file.
        s.hub.token.clear();
        window_->applySettings(s);
        QVERIFY(!QFile::exists(HubPreferences::tokenFilePath()));
    }

    void closingStopsTheDownloadAndTheNextStartResumesIt() {
        const QString cache = tmp_.filePath("cache-restart");
        openWindow("restart", hub_->endpoint(), cache);
        QVERIFY(hub_->addFault(stallFault(60)));
        window_->startModelDownload();
        QVERIFY(waitForStall(cache));

        // Quit mid-stall: the window goes within a moment (the worker thread joined), the partial file stays.
        QElapsedTimer clock;
        clock.start();
        window_->close();
        window_.reset();
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(blobsIn(cache).partial, 1);
        QCOMPARE(settings_->value(DownloadController::settingsKey()).toStringList(), QStringList({kRepo, "fp16"}));

        // The next start resumes it in the background, says so in the status bar, and ends on the model.
        window_ = std::make_unique<MainWindow>(settings_.get(), nullptr, tmp_.filePath("restart.sqlite"));
        window_->show();
        QVERIFY(window_->downloads()->state() == State::Running);
        QTRY_VERIFY(childOf<QToolButton>(window_.get(), "downloadStatus")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window_->downloads()->state() != State::Running, kDownloadMs);
        QVERIFY2(window_->downloads()->state() == State::Finished, qPrintable(window_->downloads()->errorText()));
        QTRY_COMPARE(window_->modelFolder(), snapshotOf(cache, *hub_));
        QVERIFY(!settings_->contains(DownloadController::settingsKey()));
        QCOMPARE(blobsIn(cache).partial, 0);
    }

    void withNoChoiceTheCachedModelLoadsAndNoChoiceIsStored() {
        // The cache of the previous test holds a complete ali-vilab/i2vgen-xl.
        const QString cache = tmp_.filePath("cache-restart");
        openWindow("auto", hub_->endpoint(), cache, false);
        QCOMPARE(window_->modelFolder(), snapshotOf(cache, *hub_));
        window_->close();
        window_.reset();
        QVERIFY(!settings_->contains("model/folder"));

        // An empty cache: the demo model, and still no choice stored (the bug of issue 15 #1).
        settings_->setValue("hub/cacheDir", tmp_.filePath("cache-empty"));
        reopenWindow("auto");
        QCOMPARE(window_->modelFolder(), i2v::ui::MainWindow::demoModelDir());
        QVERIFY(window_->findChild<QLabel*>("demoBanner")->isVisible());
        window_->close();
        window_.reset();
        QVERIFY(!settings_->contains("model/folder"));

        // A folder chosen by hand is stored, and wins over the cache.
        settings_->setValue("hub/cacheDir", cache);
        reopenWindow("auto");
        window_->setModelFolder(i2v::test::demoModelPath());
        QVERIFY(i2v::test::waitForModel(*window_));
        window_->close();
        window_.reset();
        QCOMPARE(settings_->value("model/folder").toString(), i2v::test::demoModelPath());
        reopenWindow("auto");
        QCOMPARE(window_->modelFolder(), i2v::test::demoModelPath());
    }

    void verifyAndRemoveAModelOfTheCache() {
        const QString cache = tmp_.filePath("cache-restart");
        openWindow("verify", hub_->endpoint(), cache);
        window_->openModels();
        ModelsDialog* dialog = window_->modelsDialog();
        const QString snapshot = snapshotOf(cache, *hub_);
        const int row = dialog->rowOf(snapshot);
        QVERIFY(row >= 0);

        // Use switches the window to it.
        dialog->selectRow(row);
        QTest::mouseClick(dialogChild<QPushButton>("modelsUseButton"), Qt::LeftButton);
        QCOMPARE(window_->modelFolder(), snapshot);
        QVERIFY(i2v::test::waitForModel(*window_));

        // Verify hashes every file on its own thread and says so in words.
        QTest::mouseClick(dialogChild<QPushButton>("modelsVerifyButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVerifying(), 30000);
        QVERIFY2(dialog->verifyText().contains("all") && dialog->verifyText().contains("match their hashes"),
                 qPrintable(dialog->verifyText()));

        // A flipped byte in a blob is found and named.
        const fs::path unet = fs::canonical(fs::path(snapshot.toStdString()) / kUnetFp16.toStdString());
        {
            QFile f(QString::fromStdString(unet.string()));
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() - 1);
            const char last = f.peek(1).at(0);
            f.write(QByteArray(1, char(last ^ 0x5a)));
        }
        dialog->selectRow(dialog->rowOf(snapshot));
        QTest::mouseClick(dialogChild<QPushButton>("modelsVerifyButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVerifying(), 30000);
        QVERIFY2(dialog->verifyText().contains("one problem") && dialog->verifyText().contains(kUnetFp16),
                 qPrintable(dialog->verifyText()));

        // Remove asks first with the size it frees; No keeps everything.
        dialog->selectRow(dialog->rowOf(snapshot));
        QString question;
        answerNextMessageBox(QMessageBox::No, &question);
        QTest::mouseClick(dialogChild<QPushButton>("modelsRemoveButton"), Qt::LeftButton);
        QVERIFY2(question.contains("frees about"), qPrintable(question));
        QVERIFY(QFileInfo::exists(snapshot));
        // Yes deletes it; the window, which used it, goes back to the demo model.
        answerNextMessageBox(QMessageBox::Yes);
        QTest::mouseClick(dialogChild<QPushButton>("modelsRemoveButton"), Qt::LeftButton);
        QVERIFY(!fs::exists(repoDir(cache)));
        QCOMPARE(dialog->rowOf(snapshot), -1);
        QVERIFY2(dialog->verifyText().contains("removed"), qPrintable(dialog->verifyText()));
        QCOMPARE(window_->modelFolder(), i2v::ui::MainWindow::demoModelDir());
        QVERIFY(i2v::test::waitForModel(*window_));
    }

    void addedFoldersAreListed() {
        openWindow("added", hub_->endpoint(), tmp_.filePath("cache-empty"));
        window_->openModels();
        ModelsDialog* dialog = window_->modelsDialog();
        QCOMPARE(dialog->rowOf(i2v::test::demoModelPath()), -1);
        QVERIFY(dialog->addUserFolder(i2v::test::demoModelPath()));
        const int row = dialog->rowOf(i2v::test::demoModelPath());
        QVERIFY(row >= 0);
        QVERIFY(dialog->models()[row].source == i2v::hub::ModelSource::UserFolder);
        QCOMPARE(ModelsDialog::userFolders(*settings_), QStringList({i2v::test::demoModelPath()}));
        // A folder that is no model is refused in words.
        QString message;
        answerNextMessageBox(QMessageBox::Ok, &message);
        QVERIFY(!dialog->addUserFolder(tmp_.path()));
        QVERIFY2(message.contains("no I2VGen-XL model folder"), qPrintable(message));
        // Forget takes it off the list, files untouched.
        dialog->selectRow(row);
        QCOMPARE(dialogChild<QPushButton>("modelsRemoveButton")->text(), QString("Forget folder"));
        QTest::mouseClick(dialogChild<QPushButton>("modelsRemoveButton"), Qt::LeftButton);
        QCOMPARE(dialog->rowOf(i2v::test::demoModelPath()), -1);
        QVERIFY(QFileInfo::exists(i2v::test::demoModelPath() + "/model_index.json"));
    }
};

QTEST_MAIN(TestModelsWindow)
#include "tst_models_window.moc"
