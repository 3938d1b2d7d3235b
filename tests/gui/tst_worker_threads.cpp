// The UI thread runs no tensor op, so making the GenerationWorker there starts no thread (an OpenMP team on the
// UI thread would only sleep); the threads are configured on the worker's own thread when it loads a model.
#include "support/ProcessThreads.h"
#include "ui/GenerationWorker.h"

#include <QTest>

using namespace i2v::ui;
using namespace i2v::test;

class TestWorkerThreads : public QObject {
    Q_OBJECT

private slots:
    void makingTheWorkerStartsNoThread() {
        if (!canListThreads())
            QSKIP("needs /proc/self/task (Linux)");
        const std::set<std::string> before = threadIds();
        GenerationWorker worker;
        const std::string started = threadsStartedSince(before);
        QVERIFY2(started.empty(), ("threads started by the worker's constructor: " + started).c_str());
    }
};

QTEST_MAIN(TestWorkerThreads)
#include "tst_worker_threads.moc"
