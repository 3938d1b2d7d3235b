// The desktop app started as a program, the way a user starts it from a terminal: --help and --version answer
// without a window system (over ssh, in a text console), and a start with no display says so and exits with
// status 1 instead of Qt's abort ("Reinstalling the application may fix this problem", a core dump).
#include "support/ProcessRun.h"
#include "support/TestData.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class TestStudioCommandLine : public QObject {
    Q_OBJECT
    QTemporaryDir home_;

    // No window system at all: what a shell over ssh has.
    QProcessEnvironment withoutDisplay() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home_.path());  // never the machine's settings
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home_.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home_.filePath(QStringLiteral("data")));
        return env;
    }

    i2v::test::ProcessRun run(const QStringList& args) const {
        QProcess p;
        p.setProcessEnvironment(withoutDisplay());
        p.start(QString::fromStdString(i2v::test::studioPath().string()), args);
        return i2v::test::finishProcess(p, 60000);
    }

private slots:
    void initTestCase() {
        if (i2v::test::studioPath().empty())
            QSKIP("this build has no desktop app");
        QVERIFY(home_.isValid());
    }

    void versionNeedsNoDisplay_data() {
        QTest::addColumn<QString>("option");
        QTest::newRow("--version") << "--version";
        QTest::newRow("-v") << "-v";
    }
    void versionNeedsNoDisplay() {
        QFETCH(QString, option);
        const i2v::test::ProcessRun r = run({option});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("I2V Studio " I2V_VERSION), r.out.constData());
    }

    void helpNeedsNoDisplay() {
        const i2v::test::ProcessRun r = run({QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("[picture]"), r.out.constData());
        QVERIFY2(r.out.contains("--quit-when-ready"), r.out.constData());
    }

    void noDisplayIsAnErrorNotACrash_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no arguments") << QStringList();
        QTest::newRow("a picture") << QStringList{QString::fromStdString(i2v::test::goldenInputImage().string())};
    }
    void noDisplayIsAnErrorNotACrash() {
        QFETCH(QStringList, args);
        const i2v::test::ProcessRun r = run(args);
        QCOMPARE(r.exitCode, 1);  // -1 would be Qt's abort
        QVERIFY2(r.err.contains("no display") && r.err.contains("DISPLAY") && r.err.contains("`i2v`"),
                 r.err.constData());
        QVERIFY2(!r.err.contains("Reinstalling"), r.err.constData());
    }

    // A logout, a shutdown or `kill` (SIGTERM), the terminal closing (SIGHUP) or Ctrl-C there (SIGINT) closes the
    // window as its close button does: the app saves its window (and stops a running job, keeping its progress)
    // and exits with status 0, instead of being ended where it stands.
    void aTerminationSignalClosesTheWindow_data() {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGHUP") << int(SIGHUP);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void aTerminationSignalClosesTheWindow() {
        QFETCH(int, signalNumber);
        QTemporaryDir home;
        QProcessEnvironment env = withoutDisplay();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QString::fromStdString(i2v::test::studioPath().string()), QStringList());
        QVERIFY(p.waitForStarted());
        QTest::qWait(3000);  // the window is up (the handler is in place once QApplication is)
        QCOMPARE(p.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(p.processId()), signalNumber);
        QVERIFY2(p.waitForFinished(60000), "the app did not end");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QSettings saved(home.filePath(QStringLiteral("config/I2V Studio/i2v-studio.ini")), QSettings::IniFormat);
        QVERIFY(saved.contains(QStringLiteral("window/geometry")));  // written by the window's close
    }
};

QTEST_GUILESS_MAIN(TestStudioCommandLine)
#include "tst_studio_command_line.moc"
