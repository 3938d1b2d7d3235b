// The job history: the SQLite store (every field back through a new connection, as after a restart;
// delete; an unusable location), and the History panel of the window: a restarted window lists the
// jobs of the previous one, Reuse settings puts every stored value back into the controls, Open folder
// goes through QDesktopServices, Delete removes the entry from the database.
#include "MainWindowDriver.h"

#include "ui/GenerationWorker.h"
#include "ui/GalleryModel.h"
#include "ui/GalleryPanel.h"
#include "ui/JobHistory.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QDoubleSpinBox>
#include <QAction>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrl>

using namespace i2v::ui;
using i2v::GenerationRequest;
using i2v::PreviewMode;
using i2v::test::childOf;

namespace {

QImage testPicture(int w, int h, QColor c) {
    QImage image(w, h, QImage::Format_RGB888);
    image.fill(c);
    image.setPixelColor(1, 2, QColor(1, 2, 3));
    return image;
}

HistoryEntry sampleEntry(JobOutcome outcome, quint64 seed) {
    HistoryEntry e;
    e.started = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 0, 123));
    e.ended = e.started.addSecs(95);
    e.outcome = outcome;
    e.message = outcome == JobOutcome::Failed ? QStringLiteral("out of memory") : QString();
    e.request.image = testPicture(40, 30, QColor(200, 20, 30));
    e.request.imageName = QStringLiteral("the pasted picture");
    GenerationRequest& g = e.request.generation;
    g.prompt = "A red fox «jumping» over a frozen river";
    g.negativePrompt = "blurry";
    g.width = 512;
    g.height = 288;
    g.numFrames = 5;
    g.numInferenceSteps = 7;
    g.guidanceScale = 3.5;
    g.targetFps = 10;
    g.scheduler = "ddim";
    g.eta = 0.25;
    g.seed = seed;
    g.decodeChunkSize = 2;
    g.preview = PreviewMode::None;
    e.parametersJson = QStringLiteral("{\"seed\":\"%1\"}").arg(seed);
    e.videoPath = QStringLiteral("/videos/i2v_%1.mp4").arg(seed);
    e.modelDir = QStringLiteral("/models/demo");
    e.thumbnail = testPicture(320, 200, QColor(10, 200, 30));
    return e;
}

// The job's own settings and picture: what the form shows and a history entry brings back.
void compareRequests(const JobRequest& a, const JobRequest& b) {
    QCOMPARE(a.imagePath, b.imagePath);
    QCOMPARE(a.image.convertToFormat(QImage::Format_RGB888), b.image.convertToFormat(QImage::Format_RGB888));
    const GenerationRequest& x = a.generation;
    const GenerationRequest& y = b.generation;
    QCOMPARE(x.prompt, y.prompt);
    QCOMPARE(x.negativePrompt, y.negativePrompt);
    QCOMPARE(x.width, y.width);
    QCOMPARE(x.height, y.height);
    QCOMPARE(x.numFrames, y.numFrames);
    QCOMPARE(x.numInferenceSteps, y.numInferenceSteps);
    QCOMPARE(x.guidanceScale, y.guidanceScale);
    QCOMPARE(x.targetFps, y.targetFps);
    QCOMPARE(x.scheduler, y.scheduler);
    QCOMPARE(x.eta, y.eta);
    QCOMPARE(x.seed, y.seed);
}

// Everything the history stores, the app's preferences the job ran with included.
void compareStoredRequests(const JobRequest& a, const JobRequest& b) {
    compareRequests(a, b);
    QCOMPARE(a.generation.decodeChunkSize, b.generation.decodeChunkSize);
    QCOMPARE(int(a.generation.preview), int(b.generation.preview));
    QCOMPARE(a.generation.vaeSeed, b.generation.vaeSeed);
}

} // namespace

class TestJobHistory : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    QList<QUrl> openedUrls_;

public slots:
    void recordOpenedUrl(const QUrl& url) { openedUrls_ << url; }

private slots:
    void initTestCase() {
        i2v::test::enterTestMode();
        QVERIFY(tmp_.isValid());
    }

    void everyFieldSurvivesANewConnection() {
        const QString path = tmp_.filePath("roundtrip.sqlite");
        const quint64 bigSeed = 18446744073709551557ull;  // needs all 64 bits
        qint64 failedId = 0;
        {
            JobHistory h(path);
            QVERIFY2(h.isOpen(), qPrintable(h.errorString()));
            QVERIFY(h.record(sampleEntry(JobOutcome::Finished, 1)) > 0);
            QVERIFY(h.record(sampleEntry(JobOutcome::Cancelled, 2)) > 0);
            failedId = h.record(sampleEntry(JobOutcome::Failed, bigSeed));
            QVERIFY(failedId > 0);
        }
        JobHistory h(path);
        QVERIFY2(h.isOpen(), qPrintable(h.errorString()));
        const QList<HistoryEntry> entries = h.entries();
        QCOMPARE(entries.size(), 3);
        // Newest first.
        QCOMPARE(entries.at(0).id, failedId);
        QCOMPARE(entries.at(0).outcome, JobOutcome::Failed);
        QCOMPARE(entries.at(1).outcome, JobOutcome::Cancelled);
        QCOMPARE(entries.at(2).outcome, JobOutcome::Finished);

        const HistoryEntry expected = sampleEntry(JobOutcome::Failed, bigSeed);
        const HistoryEntry& got = entries.at(0);
        // The pasted picture is not in the listing; picture() reads it.
        QVERIFY(got.request.image.isNull());
        JobRequest withPicture = got.request;
        withPicture.image = h.picture(got.id);
        compareStoredRequests(withPicture, expected.request);
        QCOMPARE(got.request.imageName, expected.request.imageName);
        QCOMPARE(got.message, expected.message);
        QCOMPARE(got.parametersJson, expected.parametersJson);
        QCOMPARE(got.videoPath, expected.videoPath);
        QCOMPARE(got.modelDir, expected.modelDir);
        QCOMPARE(got.started, expected.started);
        QCOMPARE(got.ended, expected.ended);
        // The thumbnail is stored shrunk, aspect kept.
        QCOMPARE(got.thumbnail.size(), QSize(160, 100));
        QCOMPARE(got.thumbnail.pixelColor(80, 50), QColor(10, 200, 30));

        const auto one = h.entry(failedId);
        QVERIFY(one.has_value());
        QCOMPARE(one->request.generation.seed, bigSeed);
        QVERIFY(!h.entry(failedId + 1000).has_value());
        QVERIFY(h.picture(failedId + 1000).isNull());
    }

    // Version 1 of the file kept a pasted picture inside the request's JSON, so the gallery's listing read and
    // decoded every one (20 s and 3 GB at the start for 300 continued jobs). Opening such a file moves them into a
    // column of their own, once; so does a file that an earlier app wrote version 1 into again after the move.
    void aVersionOneFileMovesItsPicturesOut() {
        const QString path = tmp_.filePath("version1.sqlite");
        const QImage pasted = testPicture(40, 30, QColor(200, 20, 30));
        QByteArray png;
        {
            QBuffer buffer(&png);
            QVERIFY(buffer.open(QIODevice::WriteOnly));
            QVERIFY(pasted.save(&buffer, "PNG"));
        }
        const auto rowOfVersion1 = [&](const QSqlDatabase& db, const QString& prompt) {
            QSqlQuery q(db);
            q.prepare("INSERT INTO jobs (started, ended, outcome, message, request, parameters, video_path, model, "
                      "thumbnail) VALUES ('2024-05-01T12:00:00.000', '2024-05-01T12:01:35.000', 'finished', '', ?, '{}', "
                      "'/videos/a.mp4', '/models/demo', NULL)");
            q.addBindValue(QStringLiteral("{\"prompt\":\"%1\",\"width\":512,\"height\":288,\"imageName\":\"the pasted "
                                          "picture\",\"imagePng\":\"%2\"}")
                               .arg(prompt, QString::fromLatin1(png.toBase64())));
            return q.exec();
        };
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "version1");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, ended TEXT "
                           "NOT NULL, outcome TEXT NOT NULL, message TEXT, request TEXT NOT NULL, parameters TEXT, "
                           "video_path TEXT, model TEXT, thumbnail BLOB)"));
            QVERIFY(q.exec("PRAGMA user_version = 1"));
            QVERIFY(rowOfVersion1(db, "first fox"));
        }
        QSqlDatabase::removeDatabase("version1");
        const auto verifyMoved = [&](int expectedEntries) {
            JobHistory h(path);
            QVERIFY2(h.isOpen(), qPrintable(h.errorString()));
            const QList<HistoryEntry> entries = h.entries();
            QCOMPARE(entries.size(), expectedEntries);
            for (const HistoryEntry& e : entries) {
                QVERIFY(e.request.image.isNull());
                QCOMPARE(e.request.imageName, QStringLiteral("the pasted picture"));
                QCOMPARE(e.request.generation.width, 512);
                QCOMPARE(h.picture(e.id).convertToFormat(QImage::Format_RGB888), pasted);
            }
        };
        verifyMoved(1);
        {
            // What the app before the move does with the file: it writes version 1 back and adds a row of its kind.
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "downgraded");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("PRAGMA user_version = 1"));
            QVERIFY(rowOfVersion1(db, "second fox"));
        }
        QSqlDatabase::removeDatabase("downgraded");
        verifyMoved(2);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "check");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("SELECT count(*) FROM jobs WHERE instr(request, 'imagePng') > 0") && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec("PRAGMA user_version") && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
        }
        QSqlDatabase::removeDatabase("check");
    }

    void pathPictureIsStoredAsPath() {
        JobHistory h(tmp_.filePath("path.sqlite"));
        HistoryEntry e = sampleEntry(JobOutcome::Finished, 5);
        e.request.imagePath = i2v::test::goldenImagePath();
        const qint64 id = h.record(e);
        const auto back = h.entry(id);
        QVERIFY(back.has_value());
        QCOMPARE(back->request.imagePath, e.request.imagePath);
        QVERIFY(back->request.image.isNull());  // the file is the source, no pixel copy
    }

    void deleteRemovesOnlyThatEntry() {
        JobHistory h(tmp_.filePath("delete.sqlite"));
        const qint64 a = h.record(sampleEntry(JobOutcome::Finished, 1));
        const qint64 b = h.record(sampleEntry(JobOutcome::Finished, 2));
        QVERIFY(h.remove(a));
        QVERIFY(!h.remove(a));
        JobHistory again(tmp_.filePath("delete.sqlite"));
        QCOMPARE(again.entries().size(), 1);
        QCOMPARE(again.entries().first().id, b);
    }

    // A file SQLite cannot read (not a database, or its first page damaged behind a good header) is kept under
    // another name, byte for byte, and a new history begins; the window says where the old one is.
    void aDamagedFileIsKeptAsideAndANewHistoryBegins() {
        const QString notADatabase = tmp_.filePath("not-a-database.sqlite");
        const QByteArray garbage(8192, 'x');
        {
            QFile f(notADatabase);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        {
            JobHistory h(notADatabase);
            QVERIFY2(h.isOpen(), qPrintable(h.errorString()));
            QVERIFY2(h.keptAside().startsWith(notADatabase + ".damaged-"), qPrintable(h.keptAside()));
            QVERIFY2(h.damagedReason().contains("not a database"), qPrintable(h.damagedReason()));
            QFile aside(h.keptAside());
            QVERIFY(aside.open(QIODevice::ReadOnly));
            QCOMPARE(aside.readAll(), garbage);
            QVERIFY(h.entries().isEmpty());
            QVERIFY(h.record(sampleEntry(JobOutcome::Finished, 1)) > 0);
        }
        JobHistory again(notADatabase);
        QVERIFY(again.isOpen());
        QVERIFY(again.keptAside().isEmpty());
        QCOMPARE(again.entries().size(), 1);

        const QString damagedPage = tmp_.filePath("damaged-page.sqlite");
        {
            JobHistory h(damagedPage);
            QVERIFY(h.record(sampleEntry(JobOutcome::Finished, 2)) > 0);
        }
        {
            QFile f(damagedPage);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(100));  // past the 100-byte header, into the schema's page
            f.write(QByteArray(900, char(0xff)));
        }
        auto settings = i2v::test::makeSettings(tmp_, "damaged.ini");
        MainWindow w(settings.get(), nullptr, damagedPage);
        QVERIFY(w.jobs()->history()->isOpen());
        const QString aside = w.jobs()->history()->keptAside();
        QVERIFY2(!aside.isEmpty(), qPrintable(w.jobs()->history()->errorString()));
        QVERIFY2(w.errorText().contains(QDir::toNativeSeparators(aside)) && w.errorText().contains("new one has begun"),
                 qPrintable(w.errorText()));
    }

    void unusableLocationReportsAnError() {
        QFile file(tmp_.filePath("a-file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        JobHistory h(tmp_.filePath("a-file/sub/history.sqlite"));
        QVERIFY(!h.isOpen());
        QVERIFY(!h.errorString().isEmpty());
        QCOMPARE(h.record(sampleEntry(JobOutcome::Finished, 1)), qint64(0));
        QVERIFY(h.entries().isEmpty());
    }

    void defaultLocationIsTheTestAppData() {
        // With test mode on, the default database is under the test AppDataLocation, never the user's.
        QVERIFY(QStandardPaths::isTestModeEnabled());
        QVERIFY(JobHistory::defaultPath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(JobHistory::defaultPath().contains(QLatin1String("qttest")));
    }

    void windowHistorySurvivesRestart() {
        const QString db = tmp_.filePath("window.sqlite");
        auto settings = i2v::test::makeSettings(tmp_);
        quint64 seed = 0;
        {
            MainWindow w(settings.get(), nullptr, db);
            QVERIFY2(i2v::test::waitForModel(w), qPrintable(w.errorText()));
            QCOMPARE(w.gallery()->count(), 0);
            QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
            childOf<QPlainTextEdit>(&w, "prompt")->setPlainText("history fox");
            i2v::test::setSmallJob(w, 2, 4321);
            QSignalSpy recorded(w.jobs(), &JobController::historyRecorded);
            w.generate();
            QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 60000);
            QCOMPARE(w.gallery()->count(), 1);
            seed = 4321;
        }
        MainWindow again(settings.get(), nullptr, db);
        QCOMPARE(again.gallery()->count(), 1);
        const QList<HistoryEntry> entries = again.jobs()->history()->entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().outcome, JobOutcome::Finished);
        QCOMPARE(entries.first().request.generation.seed, seed);
        QCOMPARE(entries.first().request.prompt(), QString("history fox"));
        QCOMPARE(entries.first().request.imagePath, i2v::test::goldenImagePath());
        QVERIFY(!entries.first().thumbnail.isNull());
        QVERIFY(entries.first().parametersJson.contains("\"seed\":\"4321\""));
        QVERIFY(entries.first().started <= entries.first().ended);
    }

    void reuseSettingsFillsEveryControl() {
        auto settings = i2v::test::makeSettings(tmp_, "reuse.ini");
        JobHistory store(tmp_.filePath("reuse.sqlite"));
        HistoryEntry stored = sampleEntry(JobOutcome::Finished, 777);
        stored.request.generation.width = 96;  // not a preset: the custom size path
        stored.request.generation.height = 64;
        stored.id = store.record(stored);
        HistoryEntry pathEntry = sampleEntry(JobOutcome::Cancelled, 778);
        pathEntry.request.imagePath = i2v::test::goldenImagePath();
        pathEntry.request.generation.width = 512;  // a preset
        pathEntry.request.generation.height = 288;
        pathEntry.request.generation.scheduler = "euler";
        pathEntry.request.generation.preview = PreviewMode::FullDecode;
        pathEntry.request.generation.decodeChunkSize = 3;
        pathEntry.id = store.record(pathEntry);

        MainWindow w(settings.get(), nullptr, tmp_.filePath("reuse.sqlite"));
        QVERIFY2(i2v::test::waitForModel(w), qPrintable(w.errorText()));
        QCOMPARE(w.gallery()->count(), 2);

        // Through the panel: select the pasted-picture entry, press Reuse settings.
        w.gallery()->selectEntry(stored.id);
        childOf<QAction>(&w, "galleryReuse")->trigger();
        JobRequest now = w.form()->request();
        compareRequests(now, stored.request);
        QVERIFY(childOf<QCheckBox>(&w, "seedLock")->isChecked());
        QVERIFY(childOf<QDoubleSpinBox>(&w, "eta")->isEnabled());  // ddim

        // The entry whose picture is a file; a preset size.
        w.reuseSettings(*store.entry(pathEntry.id));
        QVERIFY(i2v::test::waitForPicture(w.dropZone()));
        now = w.form()->request();
        JobRequest expected = pathEntry.request;
        expected.image = QImage(i2v::test::goldenImagePath());  // the picture comes from the file again
        expected.generation.eta = 0.0;  // eta only counts for DDIM
        compareRequests(now, expected);
        QCOMPARE(childOf<QComboBox>(&w, "sizePreset")->currentData().toSize(), QSize(512, 288));
        QVERIFY(w.errorText().isEmpty());
    }

    void openFolderAndDelete() {
        auto settings = i2v::test::makeSettings(tmp_, "panel.ini");
        const QString db = tmp_.filePath("panel.sqlite");
        QDir().mkpath(tmp_.filePath("videos"));
        HistoryEntry e = sampleEntry(JobOutcome::Finished, 9);
        e.videoPath = tmp_.filePath("videos/clip.mp4");
        qint64 id = 0;
        {
            JobHistory store(db);
            id = store.record(e);
            store.record(sampleEntry(JobOutcome::Failed, 10));
        }
        MainWindow w(settings.get(), nullptr, db);
        QCOMPARE(w.gallery()->count(), 2);
        QDesktopServices::setUrlHandler("file", this, "recordOpenedUrl");
        w.gallery()->selectEntry(id);
        childOf<QAction>(&w, "galleryOpenFolder")->trigger();
        QDesktopServices::unsetUrlHandler("file");
        QCOMPARE(openedUrls_.size(), 1);
        QCOMPARE(QDir(openedUrls_.first().toLocalFile()).canonicalPath(), QDir(tmp_.filePath("videos")).canonicalPath());

        // Delete asks first; the entry's video does not exist, so there is no file to keep or delete.
        i2v::test::clickInNextDialog("keepVideo");
        childOf<QAction>(&w, "galleryDelete")->trigger();
        QCOMPARE(w.gallery()->count(), 1);
        JobHistory reopened(db);
        QCOMPARE(reopened.entries().size(), 1);
        QVERIFY(!reopened.entry(id).has_value());
    }
};

QTEST_MAIN(TestJobHistory)
#include "tst_job_history.moc"
