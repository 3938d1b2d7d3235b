// A job of minutes or hours is watched from elsewhere: the window title carries its progress, the launcher entry
// (com.canonical.Unity.LauncherEntry) its progress bar and the number of unfinished jobs, and a job that ends while
// the window is in the background raises a desktop notification (org.freedesktop.Notifications) that brings the
// window back when clicked. Checked on a private D-Bus daemon this test starts, with a stand-in notification
// server on it: the tests never reach the desktop of the machine they run on.
#include "MainWindowDriver.h"
#include "PrivateSessionBus.h"

#include "ui/DesktopNotifications.h"
#include "ui/JobAttention.h"
#include "ui/LauncherEntry.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace i2v::ui;
using i2v::test::childOf;

// What the desktop's notification server does, recording every call.
class FakeNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call {
        QString appName;
        uint replacesId = 0;
        QString icon, summary, body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;
    QList<uint> closed;
    QStringList capabilities{"body", "body-markup", "actions", "icon-static"};
    uint nextId = 41;

public slots:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString& appName, uint replacesId, const QString& icon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int timeout) {
        calls.append({appName, replacesId, icon, summary, body, actions, hints, timeout});
        return replacesId ? replacesId : ++nextId;
    }
    void CloseNotification(uint id) { closed.append(id); }
};

// Every launcher-entry signal on the bus.
class LauncherListener : public QObject {
    Q_OBJECT
public:
    struct Update {
        QString uri;
        QVariantMap properties;
    };
    QList<Update> updates;
public slots:
    void update(const QString& uri, const QVariantMap& properties) { updates.append({uri, properties}); }
};

class TestJobAttention : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    i2v::test::PrivateSessionBus bus_;
    std::unique_ptr<FakeNotificationServer> server_;

    // A connection of the test's own to the private bus (the window's is the process's session bus, the same bus).
    QDBusConnection testBus(const QString& name) { return bus_.connection(name); }

    bool startServer(const QStringList& capabilities) {
        server_ = std::make_unique<FakeNotificationServer>();
        server_->capabilities = capabilities;
        QDBusConnection bus = testBus("server");
        return bus.registerService("org.freedesktop.Notifications") &&
               bus.registerObject("/org/freedesktop/Notifications", server_.get(), QDBusConnection::ExportAllSlots);
    }

    void stopServer() {
        QDBusConnection bus = testBus("server");
        bus.unregisterObject("/org/freedesktop/Notifications");
        bus.unregisterService("org.freedesktop.Notifications");
        server_.reset();
    }

    // The small job on the demo model in `w`, to its end.
    static void runJob(MainWindow& w, const QString& prompt) {
        QVERIFY(i2v::test::waitForModel(w));
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        i2v::test::setSmallJob(w, 2);
        childOf<QPlainTextEdit>(&w, "prompt")->setPlainText(prompt);
        QSignalSpy ended(w.jobs(), &JobController::jobEnded);
        w.generate();
        QVERIFY(ended.wait(60000));
    }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
        if (!i2v::test::PrivateSessionBus::available())
            QSKIP("dbus-daemon is not installed (scripts/install-deps.sh installs it)");
        const QString failed = bus_.start();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QGuiApplication::setDesktopFileName("io.github.i2vstudio.I2VStudio");
    }

    void cleanup() {
        if (server_)
            stopServer();
    }

    void noticeTextSaysWhatEnded() {
        HistoryEntry e;
        e.request.generation.prompt = "A red fox   jumping over a frozen river";
        e.request.generation.numFrames = 16;
        e.started = QDateTime::currentDateTime();
        e.ended = e.started.addSecs(3 * 3600 + 25);
        e.videoPath = "/home/me/Videos/I2V Studio/i2v_20261207_seed42.mp4";
        auto t = JobAttention::noticeFor(e, 0);
        QVERIFY(t);
        QCOMPARE(t->summary, QString("Video ready"));
        QCOMPARE(t->body, QString("A red fox jumping over a frozen river\n16 frames in 3:00:25\n"
                                  "Saved as i2v_20261207_seed42.mp4"));
        // Jobs still to come are counted; a long prompt is cut to what a bubble shows.
        e.request.generation.prompt = std::string(300, 'x');
        t = JobAttention::noticeFor(e, 2);
        QVERIFY(t);
        const QStringList lines = t->body.split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].size() <= 90 && lines[0].endsWith(QChar(0x2026)));
        QCOMPARE(lines[3], QString("2 more jobs in the queue"));
        // Made but not written: the reason instead of the file.
        e.outcome = JobOutcome::NotSaved;
        e.videoPath.clear();
        e.message = "The output folder is full\n(errno 28)";
        t = JobAttention::noticeFor(e, 0);
        QCOMPARE(t->summary, QString("Video made, but not saved"));
        QVERIFY(t->body.endsWith("\nThe output folder is full"));
        // A failure leads with its reason.
        e.outcome = JobOutcome::Failed;
        e.message = "Out of memory";
        e.request.generation.prompt = "a cat";
        t = JobAttention::noticeFor(e, 1);
        QCOMPARE(t->summary, QString("Generation failed"));
        QCOMPARE(t->body, QString("Out of memory\na cat\n1 more job in the queue"));
        // The user cancelled it: nothing to tell.
        e.outcome = JobOutcome::Cancelled;
        QVERIFY(!JobAttention::noticeFor(e, 0));
    }

    void aJobThatEndsInTheBackgroundIsNotified() {
        QVERIFY(startServer({"body", "body-markup", "actions"}));
        LauncherListener launcher;
        QDBusConnection listenerBus = testBus("listener");
        QVERIFY(listenerBus.connect(QString(), QString(), "com.canonical.Unity.LauncherEntry", "Update", &launcher,
                                    SLOT(update(QString, QVariantMap))));
        auto settings = i2v::test::makeSettings(tmp_);
        MainWindow w(settings.get(), nullptr, tmp_.filePath("history.sqlite"));
        w.show();
        QCOMPARE(w.windowTitle(), QString("I2V Studio"));
        QStringList titles;
        connect(&w, &QWidget::windowTitleChanged, &w, [&](const QString& t) { titles << t; });
        w.showMinimized();
        QVERIFY(QTest::qWaitFor([&] { return w.isMinimized(); }, 5000));

        runJob(w, "a <b>bold</b> fox & friends");
        // The title followed the job and came back.
        QVERIFY2(titles.contains("Starting – I2V Studio"), qPrintable(titles.join(" | ")));
        QVERIFY2(titles.contains("50% – I2V Studio") && titles.contains("100% – I2V Studio"), qPrintable(titles.join(" | ")));
        QVERIFY2(titles.contains("Decoding 4/4 – I2V Studio"), qPrintable(titles.join(" | ")));
        QCOMPARE(w.windowTitle(), QString("I2V Studio"));

        QVERIFY(QTest::qWaitFor([&] { return server_->calls.size() == 1; }, 10000));
        const FakeNotificationServer::Call call = server_->calls.first();
        QCOMPARE(call.summary, QString("Video ready"));
        QCOMPARE(call.replacesId, 0u);
        // The server reads markup: the prompt's own brackets and ampersand arrive escaped, as text.
        // The whole body, its duration as any minutes:seconds (the job takes longer on a loaded machine).
        static const QRegularExpression body(QStringLiteral(
            "^a &lt;b&gt;bold&lt;/b&gt; fox &amp; friends\\n4 frames in \\d+:\\d\\d\\nSaved as i2v_\\d{8}-\\d{6}_seed1234(-\\d+)?\\.mp4$"));
        QVERIFY2(body.match(call.body).hasMatch(), qPrintable(call.body));
        QCOMPARE(call.hints.value("desktop-entry").toString(), QString("io.github.i2vstudio.I2VStudio"));
        QCOMPARE(call.icon, QString("io.github.i2vstudio.I2VStudio"));
        QCOMPARE(call.actions.value(0), QString("default"));
        QCOMPARE(call.timeout, -1);
        // The picture: a frame of the video, as (iiibiiay) RGB rows.
        const auto image = call.hints.value("image-data").value<QDBusArgument>();
        int width = 0, height = 0, stride = 0, bits = 0, channels = 0;
        bool alpha = true;
        QByteArray data;
        image.beginStructure();
        image >> width >> height >> stride >> alpha >> bits >> channels >> data;
        image.endStructure();
        QCOMPARE(width, 96);
        QCOMPARE(height, 64);
        QVERIFY(!alpha && bits == 8 && channels == 3 && stride >= 3 * width);
        QCOMPARE(data.size(), stride * height);

        // The launcher entry showed the bar while the job ran, and cleared it after.
        QVERIFY(QTest::qWaitFor([&] { return !launcher.updates.isEmpty() &&
                                             !launcher.updates.last().properties.value("progress-visible").toBool(); }, 5000));
        QCOMPARE(launcher.updates.first().uri, QString("application://io.github.i2vstudio.I2VStudio.desktop"));
        bool sawBar = false;
        for (const auto& u : launcher.updates)
            if (u.properties.value("progress-visible").toBool() && u.properties.value("progress").toDouble() == 0.5)
                sawBar = u.properties.value("count").toLongLong() == 1 && u.properties.value("count-visible").toBool();
        QVERIFY(sawBar);
        QCOMPARE(launcher.updates.last().properties.value("count-visible").toBool(), false);

        // The next job's notice replaces this one rather than piling up.
        runJob(w, "a second fox");
        QVERIFY(QTest::qWaitFor([&] { return server_->calls.size() == 2; }, 10000));
        QCOMPARE(server_->calls.last().replacesId, server_->nextId);
        QVERIFY(w.isMinimized());

        // Clicking the notice brings the window back, and the notice goes.
        QDBusMessage click = QDBusMessage::createSignal("/org/freedesktop/Notifications",
                                                        "org.freedesktop.Notifications", "ActionInvoked");
        click << uint(server_->nextId) << QString("default");
        QVERIFY(testBus("server").send(click));
        QVERIFY(QTest::qWaitFor([&] { return !w.isMinimized(); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return server_->closed == QList<uint>{server_->nextId}; }, 5000));
        // A click on somebody else's notice does nothing.
        w.showMinimized();
        QVERIFY(QTest::qWaitFor([&] { return w.isMinimized(); }, 5000));
        QDBusMessage other = QDBusMessage::createSignal("/org/freedesktop/Notifications",
                                                        "org.freedesktop.Notifications", "ActionInvoked");
        other << uint(7) << QString("default");
        QVERIFY(testBus("server").send(other));
        QTest::qWait(300);
        QVERIFY(w.isMinimized());
    }

    void quietWhileTheUserLooksOrHasTurnedItOff() {
        QVERIFY(startServer({"body"}));
        auto settings = i2v::test::makeSettings(tmp_, "quiet.ini");
        {
            MainWindow w(settings.get(), nullptr, tmp_.filePath("history.sqlite"));
            w.show();
            w.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&w));
            QCOMPARE(QGuiApplication::applicationState(), Qt::ApplicationActive);
            runJob(w, "a fox in view");
            QTest::qWait(300);  // a notice would be on its way by now
            QVERIFY(server_->calls.isEmpty());
        }
        // Settings ▸ While generating: off.
        settings->setValue("job/notifyWhenDone", false);
        MainWindow w(settings.get(), nullptr, tmp_.filePath("history.sqlite"));
        QVERIFY(!w.appSettings().notifyWhenDone);
        w.show();
        w.showMinimized();
        QVERIFY(QTest::qWaitFor([&] { return w.isMinimized(); }, 5000));
        runJob(w, "a fox nobody waits for");
        QTest::qWait(300);
        QVERIFY(server_->calls.isEmpty());
    }

    void plainTextWhereTheServerReadsNoMarkup() {
        QVERIFY(startServer({"body"}));
        DesktopNotifications notifications(testBus("client"));
        notifications.show({"Video ready", "fish & <chips>", QImage()});
        QVERIFY(QTest::qWaitFor([&] { return server_->calls.size() == 1; }, 5000));
        QCOMPARE(server_->calls.first().body, QString("fish & <chips>"));
        QVERIFY(server_->calls.first().actions.isEmpty());  // a server without actions is offered none
        QVERIFY(!server_->calls.first().hints.contains("image-data"));
        QVERIFY(QTest::qWaitFor([&] { return notifications.lastShown(); }, 5000));
    }

    void withoutAServerOrABusNothingWaits() {
        // A bus without a notification server: the notice is dropped, nothing blocks.
        DesktopNotifications noServer(testBus("client"));
        QElapsedTimer clock;
        clock.start();
        noServer.show({"Video ready", "a fox", QImage(64, 64, QImage::Format_RGB32)});
        QVERIFY(clock.elapsed() < 100);
        QTest::qWait(300);
        QVERIFY(!noServer.lastShown());
        // A server that comes later is asked again.
        QVERIFY(startServer({"body"}));
        noServer.show({"Video ready", "a fox", QImage()});
        QVERIFY(QTest::qWaitFor([&] { return server_->calls.size() == 1; }, 5000));
        // No bus at all (an address nobody listens on): no call, no error.
        const QDBusConnection none = QDBusConnection::connectToBus(QString("unix:path=%1").arg(tmp_.filePath("no-bus")), "none");
        QVERIFY(!none.isConnected());
        DesktopNotifications disconnected(none);
        disconnected.show({"Video ready", "a fox", QImage()});
        LauncherEntry launcher(none);
        launcher.update(0.5, 1);
        QTest::qWait(100);
        QCOMPARE(server_->calls.size(), 1);
    }
};

QTEST_MAIN(TestJobAttention)
#include "tst_job_attention.moc"
