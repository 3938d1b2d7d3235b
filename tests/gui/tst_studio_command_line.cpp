// The desktop app started as a program, the way a user starts it from a terminal: --help and --version answer
// without a window system (over ssh, in a text console), and a start with no display says so and exits with
// status 1 instead of Qt's abort ("Reinstalling the application may fix this problem", a core dump).
#include "support/ProcessRun.h"
#include "support/TestData.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

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
};

QTEST_GUILESS_MAIN(TestStudioCommandLine)
#include "tst_studio_command_line.moc"
