// A session D-Bus of a gui test's own (dbus-daemon in a temporary folder, no service files, so nothing is started
// on demand), made the process's session bus: the desktop's bus is never reached, and what the window sends over
// it can be watched or answered by the test.
#pragma once
#include <QDBusConnection>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace i2v::test {

class PrivateSessionBus {
public:
    // dbus-daemon is installed (scripts/install-deps.sh installs it): a test without it is skipped.
    static bool available() { return !QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty(); }

    // Empty when the bus runs and is this process's session bus; else why not.
    QString start() {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (exe.isEmpty())
            return QStringLiteral("dbus-daemon is not installed");
        if (!dir_.isValid())
            return QStringLiteral("no temporary folder");
        // No document type line: dbus-daemon needs none, and the test names no address outside this machine.
        QFile config(dir_.filePath(QStringLiteral("bus.conf")));
        if (!config.open(QIODevice::WriteOnly))
            return config.errorString();
        config.write(QStringLiteral(
                         "<busconfig><type>session</type><listen>unix:dir=%1</listen><auth>EXTERNAL</auth>"
                         "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                         "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                         .arg(dir_.path())
                         .toUtf8());
        config.close();
        daemon_.start(exe, {"--config-file=" + config.fileName(), "--nofork", "--nopidfile", "--print-address=1"});
        if (!daemon_.waitForStarted() || !QTest::qWaitFor([&] { return daemon_.canReadLine(); }, 10000))
            return QStringLiteral("dbus-daemon did not start");
        address_ = QString::fromUtf8(daemon_.readLine()).trimmed();
        if (!address_.startsWith(QLatin1String("unix:")))
            return QStringLiteral("dbus-daemon printed no address: ") + address_;
        // The process's session bus (the window's) is this one: set before anything asks for it.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address_.toUtf8());
        if (!QDBusConnection::sessionBus().isConnected())
            return QStringLiteral("the session bus does not connect");
        return {};
    }

    ~PrivateSessionBus() {
        if (daemon_.state() != QProcess::NotRunning) {
            daemon_.kill();
            daemon_.waitForFinished();
        }
    }

    const QString& address() const { return address_; }
    // Another connection to the bus, under `name`: a second program on the same desktop.
    QDBusConnection connection(const QString& name) const { return QDBusConnection::connectToBus(address_, name); }

private:
    QTemporaryDir dir_;
    QProcess daemon_;
    QString address_;
};

} // namespace i2v::test
