// Whether other programs competed for the processor while a job ran (MachineLoad): /proc/stat read as the kernel
// writes it, niced programs and the job's own time left out, the cores the job leaves free allowed to others,
// and a machine whose every core runs another program found busy.
#include "util/MachineLoad.h"

#include <QProcess>

#include <unistd.h>

#include <memory>
#include <vector>

using namespace i2v;

namespace {

// A reading `wall` seconds in, with the machine's busy time and this process's CPU time at that moment.
CpuReading readingAt(double wall, double machineBusy, double processCpu, int cores) {
    CpuReading r;
    r.machine = {machineBusy, cores};
    r.processCpu = processCpu;
    r.wall = wall;
    r.valid = true;
    return r;
}

} // namespace

class TestMachineLoad : public QObject {
    Q_OBJECT
private slots:
    void readsProcStatAsTheKernelWritesIt() {
        const double hz = double(::sysconf(_SC_CLK_TCK));
        // user nice system idle iowait irq softirq steal guest guest_nice
        const char* stat = "cpu  1000 5000 200 90000 300 10 20 70 0 0\n"
                           "cpu0 500 2500 100 45000 150 5 10 35 0 0\n"
                           "cpu1 500 2500 100 45000 150 5 10 35 0 0\n"
                           "intr 12345 0 0\n"
                           "ctxt 999\n"
                           "btime 1700000000\n";
        const auto times = parseProcStat(stat);
        QVERIFY(times);
        QCOMPARE(times->cores, 2);
        // user + system + irq + softirq + steal; not nice (yields to the job), idle or iowait.
        QCOMPARE(times->busy, (1000 + 200 + 10 + 20 + 70) / hz);
        // Old kernels have no steal column.
        QCOMPARE(parseProcStat("cpu  1 2 3 4 5 6 7\ncpu0 1 2 3 4 5 6 7\n")->busy, (1 + 3 + 6 + 7) / hz);
    }

    void refusesWhatIsNotProcStat() {
        QVERIFY(!parseProcStat(""));
        QVERIFY(!parseProcStat("hello world\n"));
        QVERIFY(!parseProcStat("cpu  1 2 3\ncpu0 1 2 3\n"));         // too few columns
        QVERIFY(!parseProcStat("cpu  1 2 3 4 5 6 7 8\n"));           // no per-core line
        QVERIFY(!parseProcStat("cpu0 1 2 3 4 5 6 7 8\n"));           // no total line
    }

    void othersBeyondTheFreeCoresAndAQuarterOfTheJobsCompete() {
        // 4 cores, a job on 2 of them for 10 s using 20 s of CPU: others may use the 2 free cores (20 s) and
        // a quarter of the job's (5 s).
        const CpuReading from = readingAt(100, 1000, 50, 4);
        QVERIFY(!othersCompeted(from, readingAt(110, 1000 + 20 + 20 + 5, 70, 4), 2));
        QVERIFY(othersCompeted(from, readingAt(110, 1000 + 20 + 20 + 6, 70, 4), 2));
        // The job's own time is never the others': a job using all 4 cores on a quiet machine.
        QVERIFY(!othersCompeted(from, readingAt(110, 1000 + 40, 90, 4), 4));
        // Another program on every core beside it.
        QVERIFY(othersCompeted(from, readingAt(110, 1000 + 40, 70, 4), 4));
        // More threads than cores: the job's cores are all of them.
        QVERIFY(othersCompeted(from, readingAt(110, 1000 + 40, 70, 4), 16));
        QCOMPARE(othersCpuSeconds(from, readingAt(110, 1000 + 40, 70, 4)), 20.0);
        // /proc/stat's ticks lag the process clock by up to a tick a core: never less than nothing.
        QCOMPARE(othersCpuSeconds(from, readingAt(110, 1000 + 39.99, 90, 4)), 0.0);
    }

    void leavesWhatItCannotJudge() {
        const CpuReading from = readingAt(100, 1000, 50, 2);
        const CpuReading busy = readingAt(110, 1020, 50, 2);  // others on both cores the whole time
        QVERIFY(othersCompeted(from, busy, 2));
        QVERIFY(!othersCompeted(from, busy, 0));                         // a GPU job
        QVERIFY(!othersCompeted(from, readingAt(100.4, 1000.8, 50, 2), 2));   // under half a second: ticks too coarse
        QVERIFY(!othersCompeted(from, readingAt(110, 1020, 50, 3), 2));       // a core came online: not comparable
        CpuReading invalid = busy;
        invalid.valid = false;
        QVERIFY(!othersCompeted(from, invalid, 2));
        QVERIFY(!othersCompeted(invalid, busy, 2));
    }

    void findsAMachineBusyWithOtherPrograms() {
        const CpuReading before = readCpuClocks();
        if (!before.valid)
            QSKIP("no /proc/stat on this system");
        QVERIFY(before.machine.cores >= 1);
        // One spinning program per core, for longer than the shortest stretch judged; this test only sleeps.
        std::vector<std::unique_ptr<QProcess>> spinners;
        for (int i = 0; i < before.machine.cores; ++i) {
            auto p = std::make_unique<QProcess>();
            p->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
            QVERIFY(p->waitForStarted());
            spinners.push_back(std::move(p));
        }
        const CpuReading start = readCpuClocks();
        QTest::qSleep(1500);
        const CpuReading end = readCpuClocks();
        for (auto& p : spinners) {
            p->kill();
            p->waitForFinished();
        }
        QVERIFY(end.valid);
        QVERIFY(end.wall - start.wall >= 1.4);
        QVERIFY(end.processCpu - start.processCpu < 0.2);  // it slept
        QVERIFY(othersCompeted(start, end, before.machine.cores));
    }
};

QTEST_GUILESS_MAIN(TestMachineLoad)
#include "tst_machine_load.moc"
