// One window a desktop session: a second start of the built `i2v-studio` (as "Open with I2V Studio" or the
// launcher runs it) finds the first on the session bus, hands it its picture over org.freedesktop.Application
// and exits, before loading any model. An install check (--quit-when-ready) and a start whose first window does
// not answer open windows of their own. The first window is this test's; the bus is a private one.
#include "MainWindowDriver.h"
#include "PrivateSessionBus.h"

#include "ui/ApplicationService.h"

#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>

using namespace i2v::ui;

namespace {

const QString kAppId = QStringLiteral("io.github.i2vstudio.I2VStudio");  // the desktop entry's name

} // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    i2v::test::PrivateSessionBus bus_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    std::unique_ptr<ApplicationService> service_;

    // The built app started as a second program on this desktop; its settings in the test's folder.
    void startStudio(QProcess& p, const QStringList& args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DBUS_SESSION_BUS_ADDRESS", bus_.address());
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("HOME", tmp_.path());
        env.insert("XDG_CONFIG_HOME", tmp_.filePath("config"));
        env.insert("XDG_DATA_HOME", tmp_.filePath("data"));
        p.setProcessEnvironment(env);
        p.start(QString::fromStdString(i2v::test::studioPath().string()), args);
    }

    // Waits with the event loop running, so that this test's window answers the calls it gets meanwhile.
    static bool finished(QProcess& p, int ms) {
        return QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, ms);
    }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
        if (!i2v::test::PrivateSessionBus::available())
            QSKIP("dbus-daemon is not installed (scripts/install-deps.sh installs it)");
        const QString failed = bus_.start();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        settings_ = i2v::test::makeSettings(tmp_);
        window_ = std::make_unique<MainWindow>(settings_.get(), nullptr, tmp_.filePath("history.sqlite"));
        window_->show();
        service_ = std::make_unique<ApplicationService>(QDBusConnection::sessionBus(), kAppId);
        QVERIFY(service_->isPrimary());
        serveWindow(*service_, *window_);
    }

    void cleanupTestCase() {
        service_.reset();
        window_.reset();
    }

    // A second start with a picture (a relative path, from a folder of its own) puts it in the first window.
    void aSecondStartOpensItsPictureInTheFirstWindow() {
        QVERIFY(!window_->dropZone()->hasImage());
        const QString folder = tmp_.filePath("pictures");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(i2v::test::goldenImagePath(), folder + "/a fox.png"));
        QSignalSpy activated(service_.get(), &ApplicationService::activateRequested);
        QProcess second;
        second.setWorkingDirectory(folder);
        startStudio(second, {"a fox.png"});
        QVERIFY(finished(second, 60000));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY2(second.readAllStandardOutput().contains("already running: the picture was opened in its window"),
                 second.readAllStandardError().constData());
        QVERIFY(i2v::test::waitForPicture(window_->dropZone()));
        QVERIFY(window_->dropZone()->hasImage());
        QCOMPARE(window_->dropZone()->imagePath(), folder + "/a fox.png");
        QCOMPARE(activated.count(), 1);
    }

    // The launcher clicked again: the window comes to the front, its picture stays.
    void aSecondStartWithoutAPictureBringsTheWindowBack() {
        QSignalSpy activated(service_.get(), &ApplicationService::activateRequested);
        QSignalSpy opened(service_.get(), &ApplicationService::openRequested);
        QProcess second;
        startStudio(second, {});
        QVERIFY(finished(second, 60000));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY(second.readAllStandardOutput().contains("already running: its window was brought to the front"));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(opened.count(), 0);
        QVERIFY(window_->dropZone()->hasImage());
    }

    // An install check must check the app it started, not hand over to a window that happens to be open.
    void anInstallCheckRunsItsOwnWindow() {
        QSignalSpy activated(service_.get(), &ApplicationService::activateRequested);
        QProcess check;
        startStudio(check, {"--quit-when-ready"});
        QVERIFY(finished(check, 150000));
        QCOMPARE(check.exitCode(), 0);
        QVERIFY(check.readAllStandardOutput().contains("ready: model"));
        QCOMPARE(activated.count(), 0);
        QVERIFY(service_->isPrimary());
    }

    // The name is held by a program that does not answer as the app does: the start opens its own window
    // and says why.
    void aFirstWindowThatDoesNotAnswerLeavesTheStartItsOwn() {
        service_.reset();  // the name is free again
        QDBusConnection other = bus_.connection("not-the-app");
        QVERIFY(other.interface()->registerService(kAppId).value() == QDBusConnectionInterface::ServiceRegistered);
        QProcess second;
        startStudio(second, {});
        QByteArray err;
        const bool said = QTest::qWaitFor([&] {
            err += second.readAllStandardError();
            return err.contains("opening another window") || second.state() == QProcess::NotRunning;
        }, 60000);
        QTest::qWait(500);
        const bool ownWindow = second.state() == QProcess::Running;
        second.kill();
        second.waitForFinished();
        other.interface()->unregisterService(kAppId);
        QVERIFY2(said && err.contains("the I2V Studio already running did not answer ("), err.constData());
        QVERIFY2(ownWindow, "the start exited instead of opening its own window");
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
