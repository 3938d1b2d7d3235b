// Jobs that outlive the app (UnfinishedJobs): a job running when the window closes, and one still queued, are
// offered at the next start (the banner says how far they got); Resume goes on from the last saved step to the
// same frames a job that never stopped gives, and then nothing is left of them; a job the user cancels is not kept;
// Discard asks, then forgets them; a pasted picture is kept with its job.
#include "MainWindowDriver.h"

#include "ui/GenerationWorker.h"
#include "ui/UnfinishedJobs.h"
#include "ui/UnfinishedJobsBanner.h"

#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSysInfo>

#include <atomic>

using namespace i2v::ui;
using i2v::test::childOf;

namespace {

constexpr int kSteps = 40;
constexpr int kSeed = 97;

} // namespace

class TestUnfinishedJobs : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

    struct Window {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<MainWindow> window;
    };

    Window open(const QString& name) {
        Window w;
        w.settings = i2v::test::makeSettings(tmp_, name + ".ini");
        w.window = std::make_unique<MainWindow>(w.settings.get(), nullptr, tmp_.filePath(name + ".sqlite"));
        w.window->show();
        return w;
    }

    // Puts the demo job of `steps` steps in the form, with the golden picture (or `pasted` as data).
    static bool fillJob(MainWindow& w, int steps, const QImage& pasted = {}) {
        if (!i2v::test::waitForModel(w))
            return false;
        if (pasted.isNull()) {
            if (!i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()))
                return false;
        } else {
            w.dropZone()->setImage(pasted, QString(), QStringLiteral("the pasted picture"));
        }
        childOf<QPlainTextEdit>(&w, "prompt")->setPlainText("A red fox jumping over a frozen river");
        i2v::test::setSmallJob(w, steps, kSeed);
        return true;
    }

    // Starts the job in the form and waits until `steps` of it have finished.
    static bool startAndWaitForSteps(MainWindow& w, int steps) {
        auto reached = std::make_shared<std::atomic<int>>(0);
        GenerationWorker* worker = w.jobs()->worker();
        const auto c = QObject::connect(worker, &GenerationWorker::stepProgress, worker,
                                        [reached](int, int step) { *reached = step; }, Qt::DirectConnection);
        w.generate();
        const bool ok = QTest::qWaitFor([&] { return *reached >= steps; }, 60000);
        QObject::disconnect(c);
        return ok;
    }

    static bool waitUntilIdle(MainWindow& w) {
        return QTest::qWaitFor([&] { return !w.jobs()->isGenerating(); }, 120000);
    }

    static QList<QImage> resultFrames(MainWindow& w) {
        const QVector<QImage> frames = w.jobs()->result().frames;
        return QList<QImage>(frames.begin(), frames.end());
    }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
    }

    void aJobStoppedByClosingGoesOnAtTheNextStart() {
        QList<QImage> whole;
        {
            Window w = open("reference");
            QVERIFY(fillJob(*w.window, kSteps));
            w.window->generate();
            QVERIFY(waitUntilIdle(*w.window));
            whole = resultFrames(*w.window);
            QCOMPARE(whole.size(), 4);
        }
        QString root;
        {
            Window w = open("closed");
            root = w.window->jobs()->unfinishedStore().root();
            QVERIFY(fillJob(*w.window, kSteps));
            QVERIFY(startAndWaitForSteps(*w.window, 3));
            QVERIFY(w.window->close());
        }
        const QList<UnfinishedJob> kept = UnfinishedJobs(root).list();
        QCOMPARE(kept.size(), 1);
        QVERIFY2(kept[0].stepsDone >= 3 && kept[0].stepsDone < kSteps, qPrintable(QString::number(kept[0].stepsDone)));
        QCOMPARE(kept[0].totalSteps, kSteps);

        Window again = open("closed");
        auto* bar = childOf<UnfinishedJobsBanner>(again.window.get(), "unfinishedJobsBar");
        QVERIFY(bar->isVisible());
        const QString said = childOf<QLabel>(bar, "unfinishedJobsText")->text();
        QVERIFY2(said.contains(QStringLiteral("A job did not finish: “A red fox jumping over a frozen river” (%1 of %2 steps done")
                                   .arg(kept[0].stepsDone)
                                   .arg(kSteps)),
                 qPrintable(said));
        QVERIFY(i2v::test::waitForModel(*again.window));
        QSignalSpy status(again.window->jobs(), &JobController::statusChanged);
        childOf<QPushButton>(bar, "resumeUnfinishedButton")->click();
        QVERIFY(!bar->isVisible());  // queued now: the queue shows it
        QVERIFY(waitUntilIdle(*again.window));
        bool wentOn = false;
        for (const QList<QVariant>& s : status)
            wentOn |= s.at(0).toString().startsWith(QStringLiteral("Going on from step %1 of %2").arg(kept[0].stepsDone).arg(kSteps));
        QVERIFY(wentOn);
        QCOMPARE(resultFrames(*again.window), whole);
        QVERIFY(UnfinishedJobs(root).list().isEmpty());
        QVERIFY(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    }

    // The queued job is kept too (it never started: nothing to go on from), and a pasted picture with its job.
    void aQueuedJobAndAPastedPictureAreKept() {
        QImage pasted(120, 80, QImage::Format_RGB32);
        pasted.fill(QColor(30, 120, 200));
        QString root;
        {
            Window w = open("queued");
            root = w.window->jobs()->unfinishedStore().root();
            QVERIFY(fillJob(*w.window, kSteps, pasted));
            childOf<QSpinBox>(w.window.get(), "runs")->setValue(2);
            QVERIFY(startAndWaitForSteps(*w.window, 2));
            // The window holds its jobs: another app (a second store here) neither lists nor takes them.
            QCOMPARE(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);
            UnfinishedJobs other(root);
            QVERIFY(other.list().isEmpty());
            QVERIFY(!other.claim(QDir(root).filePath(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot).first() +
                                                     "/progress.safetensors")));
        }
        const QList<UnfinishedJob> kept = UnfinishedJobs(root).list();
        QCOMPARE(kept.size(), 2);
        QVERIFY(kept[0].stepsDone >= 2);
        QCOMPARE(kept[1].stepsDone, 0);
        QCOMPARE(kept[0].request.image.convertToFormat(QImage::Format_RGB32), pasted);
        Window again = open("queued");
        const QString said = childOf<QLabel>(again.window.get(), "unfinishedJobsText")->text();
        QVERIFY2(said.startsWith("2 jobs did not finish: ") && said.contains(" and 1 more."), qPrintable(said));
    }

    // A crashed app's lock names a process that is gone: its jobs are offered all the same.
    void aCrashedAppsJobIsOffered() {
        const QString root = tmp_.filePath("queued-unfinished-jobs");
        const QStringList folders = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(folders.size(), 2);
        QFile lock(QDir(root).filePath(folders.first() + "/.lock"));
        QVERIFY(lock.open(QIODevice::WriteOnly | QIODevice::Truncate));
        lock.write("2147483646\ni2v-studio\n" + QSysInfo::machineHostName().toUtf8() + "\n");  // no such process
        lock.close();
        QCOMPARE(UnfinishedJobs(root).list().size(), 2);
    }

    void discardAsksThenForgets() {
        Window w = open("queued");  // the two jobs of the case before
        auto* bar = childOf<UnfinishedJobsBanner>(w.window.get(), "unfinishedJobsBar");
        QVERIFY(bar->isVisible());
        const QString root = w.window->jobs()->unfinishedStore().root();
        QTimer::singleShot(0, [] {
            if (QWidget* modal = QApplication::activeModalWidget())
                if (auto* cancel = qobject_cast<QMessageBox*>(modal)->button(QMessageBox::Cancel))
                    cancel->click();
        });
        childOf<QPushButton>(bar, "discardUnfinishedButton")->click();
        QCOMPARE(UnfinishedJobs(root).list().size(), 2);  // "Cancel" keeps them
        i2v::test::clickInNextDialog("confirmDiscardUnfinished");
        childOf<QPushButton>(bar, "discardUnfinishedButton")->click();
        QVERIFY(UnfinishedJobs(root).list().isEmpty());
        QVERIFY(!bar->isVisible());
    }

    // Resumed with another model loaded, the engine refuses the saved progress; the job fails, its steps stay, and it
    // is offered again (for when that model is back).
    void aJobThatFailsAfterItsStepsIsOfferedAgain() {
        QString root;
        {
            Window w = open("other-model");
            root = w.window->jobs()->unfinishedStore().root();
            QVERIFY(fillJob(*w.window, kSteps));
            QVERIFY(startAndWaitForSteps(*w.window, 2));
        }
        const int saved = UnfinishedJobs(root).list().value(0).stepsDone;
        QVERIFY(saved >= 2);
        Window w = open("other-model");
        w.settings->setValue("model/folder", QString::fromStdString((i2v::test::dataDir() / "models" / "tiny-b").string()));
        w.window.reset();
        w.window = std::make_unique<MainWindow>(w.settings.get(), nullptr, tmp_.filePath("other-model.sqlite"));
        w.window->show();
        QVERIFY(i2v::test::waitForModel(*w.window));
        QSignalSpy failed(w.window->jobs(), &JobController::jobFailed);
        auto* bar = childOf<UnfinishedJobsBanner>(w.window.get(), "unfinishedJobsBar");
        childOf<QPushButton>(bar, "resumeUnfinishedButton")->click();
        QVERIFY(waitUntilIdle(*w.window));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains("the saved progress was made with another model") &&
                     message.contains(QStringLiteral("Its progress is kept (%1 of %2 steps): Resume goes on from there.").arg(saved).arg(kSteps)),
                 qPrintable(message));
        QVERIFY(bar->isVisible());
        QCOMPARE(UnfinishedJobs(root).list().value(0).stepsDone, saved);
    }

    void aCancelledJobIsNotKept() {
        Window w = open("cancelled");
        const QString root = w.window->jobs()->unfinishedStore().root();
        QVERIFY(fillJob(*w.window, kSteps));
        QVERIFY(startAndWaitForSteps(*w.window, 2));
        QCOMPARE(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
        w.window->jobs()->cancelRunning();
        QVERIFY(waitUntilIdle(*w.window));
        QVERIFY(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
        QVERIFY(!childOf<UnfinishedJobsBanner>(w.window.get(), "unfinishedJobsBar")->isVisible());
    }
};

QTEST_MAIN(TestUnfinishedJobs)
#include "tst_unfinished_jobs.moc"
