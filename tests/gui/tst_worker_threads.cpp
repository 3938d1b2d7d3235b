// The UI thread runs no tensor op, so making the GenerationWorker there starts no thread (an OpenMP team on the
// UI thread would only sleep); the threads are configured on the worker's own thread when it loads a model.
#include "ui/GenerationWorker.h"

#include <QTest>

#include <filesystem>
#include <set>
#include <string>

using namespace i2v::ui;

namespace {

// The ids of this process's threads, from /proc/self/task (Linux).
std::set<std::string> threadIds() {
    std::set<std::string> ids;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task"))
        ids.insert(entry.path().filename().string());
    return ids;
}

} // namespace

class TestWorkerThreads : public QObject {
    Q_OBJECT

private slots:
    void makingTheWorkerStartsNoThread() {
        if (!std::filesystem::exists("/proc/self/task"))
            QSKIP("needs /proc/self/task (Linux)");
        const std::set<std::string> before = threadIds();
        GenerationWorker worker;
        QStringList started;
        for (const std::string& id : threadIds())
            if (!before.count(id))
                started << QString::fromStdString(id);
        QVERIFY2(started.isEmpty(), qPrintable("threads started by the worker's constructor: " + started.join(", ")));
    }
};

QTEST_MAIN(TestWorkerThreads)
#include "tst_worker_threads.moc"
