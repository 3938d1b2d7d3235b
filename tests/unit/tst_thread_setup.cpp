// configureThreads starts every thread a job runs on. libtorch would otherwise start OpenMP workers at the job's
// first parallel region and, at each thread's first parallel call, re-create caffe2's pthreadpool (a new worker
// that spin-waits on a core while the job needs both): a small job's process then paid tens of milliseconds
// (bench/RESULTS.md, twelfth session). So once the threads are configured, loading a model and running a job
// start no thread.
#include "pipeline/I2VGenXLPipeline.h"
#include "support/GoldenRequest.h"
#include "support/ProcessThreads.h"
#include "support/TestData.h"
#include "util/Runtime.h"

#include <ATen/Config.h>
#include <ATen/Parallel.h>
#include <QTest>

using namespace i2v;
using namespace i2v::test;

class TestThreadSetup : public QObject {
    Q_OBJECT

private slots:
    // First, in a process where nothing ran in parallel yet: the threads configureThreads starts are the OpenMP
    // team's workers and nothing else (at::set_num_threads would also have made caffe2's pthreadpool twice, the
    // second one's worker living on beside the team).
    void configuringStartsOnlyTheOpenMpTeam() {
        if (!canListThreads())
            QSKIP("needs /proc/self/task (Linux)");
#if !AT_PARALLEL_OPENMP
        QSKIP("libtorch's intra-op threads are not OpenMP's here");
#endif
        const std::set<std::string> before = threadIds();
        QCOMPARE(configureThreads(3), 3);
        const size_t started = threadIds().size() - before.size();
        QVERIFY2(started == 2, ("threads started: " + threadsStartedSince(before)).c_str());
    }

    void aJobStartsNoThread() {
        if (!canListThreads())
            QSKIP("needs /proc/self/task (Linux)");
#if !AT_PARALLEL_OPENMP
        QSKIP("libtorch's intra-op threads are not OpenMP's here: its own pool starts them at the first parallel call");
#endif
        QCOMPARE(configureThreads(2), 2);
        const std::set<std::string> configured = threadIds();

        const auto pipeline = I2VGenXLPipeline::load(test::tinyModelDir(), PipelineOptions{});
        (void)pipeline->generate(test::goldenRequest(test::goldenManifest()["cases"].begin().value(),
                                                     test::goldenInputImage()));

        const std::string started = threadsStartedSince(configured);
        QVERIFY2(started.empty(), ("threads started after configureThreads: " + started).c_str());
        QCOMPARE(at::get_num_threads(), 2);
    }
};

QTEST_APPLESS_MAIN(TestThreadSetup)
#include "tst_thread_setup.moc"
