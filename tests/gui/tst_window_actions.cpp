// What the window offers when nothing can run, and its error banner: with no model (still loading, or
// failed to load) Generate is disabled, and so are Cancel with nothing running, Continue and Export with no
// result; none of them answers with a banner. The banner closes with its button, never shows a message
// twice, and withdraws a message once its situation is fixed (the model loads, a new job starts, a picture
// is chosen). Technical words (the engine's: file names, formats, decoder errors) sit under Details.
#include "MainWindowDriver.h"

#include "ui/ExportDialog.h"
#include "ui/GenerationWorker.h"

#include <QAction>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QToolButton>

using namespace i2v::ui;
using i2v::test::childOf;

class TestWindowActions : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    QTemporaryDir broken_;   // a model folder whose model_index.json is no JSON

    static bool enabled(MainWindow& w, const char* name) {
        if (auto* b = w.findChild<QPushButton*>(QLatin1String(name)))
            return b->isEnabled();
        return childOf<QAction>(&w, name)->isEnabled();
    }

    std::unique_ptr<QSettings> brokenSettings() {
        auto s = i2v::test::makeSettings(tmp_, "broken.ini");
        s->setValue("model/folder", broken_.path());
        s->sync();
        return s;
    }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
        QVERIFY(broken_.isValid());
        QFile index(broken_.filePath("model_index.json"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("{ not json");
    }

    // Settings… has a key on every desktop: the platform's Preferences keys, or Ctrl+, where it has none (GNOME,
    // Xfce and Qt's offscreen platform give none, which left the action without a shortcut).
    void settingsHaveAShortcut() {
        auto settings = i2v::test::makeSettings(tmp_, "keys.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("keys.sqlite"));
        const QList<QKeySequence> platform = QKeySequence::keyBindings(QKeySequence::Preferences);
        const QList<QKeySequence> keys = childOf<QAction>(&w, "settingsAction")->shortcuts();
        QVERIFY(!keys.isEmpty());
        QCOMPARE(keys, platform.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)} : platform);
    }

    void generateWaitsForTheModel() {
        auto settings = i2v::test::makeSettings(tmp_);
        MainWindow w(settings.get(), nullptr, tmp_.filePath("history.sqlite"));
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        // The model loads on the worker's thread: until it is ready there is nothing to generate with.
        QVERIFY(!w.isModelReady());
        QVERIFY(!enabled(w, "generateButton"));
        QVERIFY(!enabled(w, "generateAction"));
        QVERIFY(i2v::test::waitForModel(w));
        QVERIFY(enabled(w, "generateButton"));
        QVERIFY(enabled(w, "generateAction"));
        // Nothing runs and nothing was made yet.
        for (const char* name : {"cancelButton", "cancelAction", "cancelAllAction", "continueButton", "continueAction",
                                 "exportButton", "exportAction"})
            QVERIFY2(!enabled(w, name), name);
        // Called anyway (a shortcut, a script), they do nothing and say nothing.
        QSignalSpy submitted(w.jobs(), &JobController::jobSubmitted);
        w.cancel();
        w.cancelAll();
        w.continueFromLastFrame();
        w.exportResult();
        QVERIFY(submitted.isEmpty());
        QVERIFY2(w.errorText().isEmpty(), qPrintable(w.errorText()));
    }

    void nothingRunsWithAModelThatFailed() {
        auto settings = brokenSettings();
        MainWindow w(settings.get(), nullptr, tmp_.filePath("broken.sqlite"));
        QVERIFY(!i2v::test::waitForModel(w));
        QVERIFY2(w.errorText().contains("could not be loaded"), qPrintable(w.errorText()));
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        QVERIFY(!enabled(w, "generateButton"));
        QVERIFY(!enabled(w, "generateAction"));
        QSignalSpy submitted(w.jobs(), &JobController::jobSubmitted);
        w.generate();
        QVERIFY(submitted.isEmpty());
        QVERIFY(!w.jobs()->isGenerating());
        // The model's message is still the only one (choosing a picture did not hide it, nothing added).
        QCOMPARE(w.errorText().count('\n'), 0);
        QVERIFY2(w.errorText().contains("could not be loaded"), qPrintable(w.errorText()));

        // Fixed: a model that loads withdraws the message and enables Generate.
        w.setModelFolder(i2v::test::demoModelPath());
        QVERIFY(i2v::test::waitForModel(w));
        QVERIFY2(w.errorText().isEmpty(), qPrintable(w.errorText()));
        QVERIFY(enabled(w, "generateButton"));
    }

    void theDemoModelIsOneMenuEntryAway() {
        // From a model that failed to load, File > Use the demo model loads the built-in one and keeps it.
        auto settings = brokenSettings();
        {
            MainWindow w(settings.get(), nullptr, tmp_.filePath("demo.sqlite"));
            QVERIFY(QTest::qWaitFor([&] { return !w.errorText().isEmpty(); }, 30000));
            auto* useDemo = childOf<QAction>(&w, "useDemoModel");
            QVERIFY(useDemo->isEnabled());
            useDemo->trigger();
            QCOMPARE(w.modelFolder(), MainWindow::demoModelDir());
            QVERIFY(i2v::test::waitForModel(w));
            QVERIFY(enabled(w, "generateAction") || !w.dropZone()->hasImage());
            QVERIFY(w.close());
        }
        MainWindow again(settings.get(), nullptr, tmp_.filePath("demo.sqlite"));
        QCOMPARE(again.modelFolder(), MainWindow::demoModelDir());
    }

    // The first start opens at 1400x900 (or the screen's size); after that, at the size the user left it in
    // (main() resized every start to the default, over the restored geometry).
    void theWindowOpensAtTheSizeItWasLeftIn() {
        auto settings = i2v::test::makeSettings(tmp_, "size.ini");
        const QSize first = QSize(1400, 900).boundedTo(QGuiApplication::primaryScreen()->availableGeometry().size());
        QSize chosen;
        {
            MainWindow w(settings.get(), nullptr, tmp_.filePath("size.sqlite"));
            QCOMPARE(w.size(), first);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QCoreApplication::processEvents();  // the minimum, once the columns are filled in
            chosen = (first - QSize(23, 77)).expandedTo(w.minimumSizeHint());
            QVERIFY(chosen != first);
            w.resize(chosen);
            QCoreApplication::processEvents();
            QVERIFY(w.close());
        }
        MainWindow again(settings.get(), nullptr, tmp_.filePath("size.sqlite"));
        QCOMPARE(again.size(), chosen);
    }

    void technicalDetailsWaitUnderDetails() {
        auto settings = brokenSettings();
        MainWindow w(settings.get(), nullptr, tmp_.filePath("details.sqlite"));
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!i2v::test::waitForModel(w));
        // The banner says what to do; the engine's message (naming model_index.json) waits under Details.
        QVERIFY2(w.errorText().contains("could not be loaded") && w.errorText().contains("File ▸ Models"), qPrintable(w.errorText()));
        QVERIFY2(!w.errorText().contains("model_index.json"), qPrintable(w.errorText()));
        auto* details = childOf<QToolButton>(&w, "errorDetails");
        auto* detailsText = childOf<QLabel>(&w, "errorDetailsText");
        QVERIFY(details->isVisible());
        QVERIFY(!detailsText->isVisible());
        details->click();
        QVERIFY(detailsText->isVisible());
        QVERIFY2(detailsText->text().contains("model_index.json"), qPrintable(detailsText->text()));

        // A file that is no picture: plain words in the banner, the decoder's under Details, beside the model's.
        QFile text(tmp_.filePath("notes.png"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not an image");
        text.close();
        QVERIFY(!i2v::test::readPicture(w.dropZone(), text.fileName()));
        QVERIFY2(w.errorText().contains("This picture cannot be used"), qPrintable(w.errorText()));
        QVERIFY2(w.errorText().contains("could not be loaded"), qPrintable(w.errorText()));
        QVERIFY2(detailsText->text().contains("notes.png"), qPrintable(detailsText->text()));
        QVERIFY(detailsText->text().contains("model_index.json"));

        // Fixed (a picture that loads), the picture's details go with its message.
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        QVERIFY(!w.errorText().contains("This picture"));
        QVERIFY(!detailsText->text().contains("notes.png"));
        // A message without details hides the button once no shown message has any.
        childOf<QToolButton>(&w, "errorClose")->click();
        w.showError("Something plain");
        QVERIFY(!details->isVisible());
        QVERIFY(!detailsText->isVisible());
    }

    void bannerClosesAndNeverRepeats() {
        auto settings = brokenSettings();
        MainWindow w(settings.get(), nullptr, tmp_.filePath("broken2.sqlite"));
        w.show();
        QVERIFY(!i2v::test::waitForModel(w));
        const QString message = w.errorText();
        // The same failure again replaces the message instead of adding a copy.
        QSignalSpy failed(w.jobs()->worker(), &GenerationWorker::modelFailed);
        w.setModelFolder(broken_.path());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        // (The spy hears the worker's thread; the window takes the failure a moment later.)
        QTRY_COMPARE(w.errorText(), message);
        w.showError("Something else");
        w.showError("Something else");
        QCOMPARE(w.errorText(), message + "\nSomething else");
        // Its close button dismisses the banner.
        auto* close = childOf<QToolButton>(&w, "errorClose");
        QVERIFY(close->isVisible());
        close->click();
        QVERIFY(w.errorText().isEmpty());
        QVERIFY(!childOf<QWidget>(&w, "errorBar")->isVisible());
    }

    void newJobWithdrawsTheLastFailure() {
        auto settings = i2v::test::makeSettings(tmp_, "jobs.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("jobs.sqlite"));
        QVERIFY(i2v::test::waitForModel(w));
        // Generate without a picture: the banner says where to get one, and a picture withdraws it.
        w.generate();
        QVERIFY(w.errorText().contains("Choose a picture first"));
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        QVERIFY(w.errorText().isEmpty());

        // Two jobs failing alike (a width the model cannot take) leave one message.
        childOf<QPlainTextEdit>(&w, "prompt")->setPlainText("a fox");
        i2v::test::setSmallJob(w, 2, 77, 2);
        childOf<QSpinBox>(&w, "width")->setValue(100);   // not a multiple of 8
        QSignalSpy failed(w.jobs()->worker(), &GenerationWorker::failed);
        w.generate();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 30000);
        QTRY_VERIFY(!w.jobs()->isGenerating());
        QVERIFY2(w.errorText().startsWith("Generation failed"), qPrintable(w.errorText()));
        QCOMPARE(w.errorText().count("Generation failed"), 1);

        // The next job starts: that failure is no longer the news.
        i2v::test::setSmallJob(w, 2, 78, 1);
        QSignalSpy started(w.jobs()->worker(), &GenerationWorker::jobStarted);
        QSignalSpy finished(w.jobs()->worker(), &GenerationWorker::finished);
        w.generate();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        QTRY_VERIFY2(w.errorText().isEmpty(), qPrintable(w.errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QTRY_VERIFY(!w.jobs()->isGenerating());
        // A result: Continue and Export are offered now.
        QVERIFY(enabled(w, "continueAction"));
        QVERIFY(enabled(w, "continueButton"));
        if (ExportDialog::exportAvailable())
            QVERIFY(enabled(w, "exportAction"));
    }
};

// A desktop's screen: the window's minimum (about 800 pixels wide) fits, as the size test needs.
I2V_GUI_TEST_MAIN_ON_SCREEN(TestWindowActions, 1920, 1080)
#include "tst_window_actions.moc"
