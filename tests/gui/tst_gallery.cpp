// The gallery: items newest first with captions and thumbnails; the prompt and period filters; drag-out and
// the clipboard as file URLs; the clip playing in its thumbnail while the pointer rests on it; the context
// menu's actions; in the window, a click plays the past video as the result (Export and Continue then act on
// it) and Delete asks whether the file goes too. A benchmark fills the gallery with 1,000 entries and
// measures loading, filtering and scrolling (run with -iterations N for numbers; the suite runs it once).
#include "MainWindowDriver.h"

#include "ui/ExportDialog.h"
#include "ui/FrameExport.h"
#include "ui/FramePlayer.h"
#include "ui/GalleryFilter.h"
#include "ui/GalleryHoverPlayer.h"
#include "ui/GalleryModel.h"
#include "ui/GalleryPanel.h"
#include "ui/JobHistory.h"
#include "ui/ResultView.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QUrl>

using namespace i2v::ui;
using i2v::test::childOf;

namespace {

const QDateTime kNow(QDate(2026, 6, 15), QTime(18, 0));

QImage solid(QSize size, QColor color) {
    QImage image(size, QImage::Format_RGB888);
    image.fill(color);
    return image;
}

HistoryEntry entry(qint64 id, const QString& prompt, const QDateTime& ended, JobOutcome outcome = JobOutcome::Finished,
                   const QString& video = {}) {
    HistoryEntry e;
    e.id = id;
    e.started = ended.addSecs(-60);
    e.ended = ended;
    e.outcome = outcome;
    e.request.generation.prompt = prompt.toStdString();
    e.request.generation.width = 96;
    e.request.generation.height = 64;
    e.request.generation.numFrames = 4;
    e.request.generation.seed = quint64(id);
    e.videoPath = video;
    e.thumbnail = solid({160, 90}, QColor(20, 20, 200));
    return e;
}

} // namespace

class TestGallery : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString clip_;  // four frames: red, green, blue, white

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(tmp_.isValid());
        if (!ExportDialog::exportAvailable())
            QSKIP("no FFmpeg in this build");
        clip_ = tmp_.filePath("clip.mp4");
        const QVector<QImage> frames{solid({96, 64}, Qt::red), solid({96, 64}, Qt::green), solid({96, 64}, Qt::blue),
                                     solid({96, 64}, Qt::white)};
        QCOMPARE(exportFrames(frames, i2v::ExportSettings{}, {}, clip_), QString());
    }

    void itemsNewestFirstWithCaptionAndThumbnail() {
        GalleryModel model;
        model.setEntries({entry(3, "a fox in the snow", kNow), entry(2, "", kNow.addDays(-1), JobOutcome::Failed)});
        model.prepend(entry(4, "newest", kNow.addSecs(10)));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(GalleryModel::EntryIdRole).toLongLong(), 4);
        QVERIFY(model.index(1).data().toString().endsWith("\na fox in the snow"));
        QVERIFY2(model.index(2).data().toString().startsWith("Failed · "), qPrintable(model.index(2).data().toString()));
        QVERIFY(!model.index(2).data().toString().contains('\n'));  // no prompt, no second line
        const QPixmap icon = model.index(0).data(Qt::DecorationRole).value<QIcon>().pixmap(GalleryModel::iconSize());
        QVERIFY(icon.width() <= GalleryModel::iconSize().width() && icon.height() <= GalleryModel::iconSize().height());
        QCOMPARE(icon.toImage().pixelColor(5, 5), QColor(20, 20, 200));
        QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains("seed 3"));
        QVERIFY(model.remove(3));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(3), -1);
    }

    void filtersByPromptAndPeriod() {
        GalleryPanel panel;
        panel.filter()->setNow(kNow);
        panel.setEntries({entry(5, "A red Fox at dawn", kNow.addSecs(-3600)), entry(4, "a city at night", kNow.addDays(-3)),
                          entry(3, "fox cubs playing", kNow.addDays(-20)), entry(2, "waves", kNow.addDays(-40)),
                          entry(1, "fox", kNow.addDays(-400))});
        auto* count = childOf<QLabel>(&panel, "galleryCount");
        QCOMPARE(panel.shownCount(), 5);
        QCOMPARE(count->text(), QString("5 videos"));

        childOf<QLineEdit>(&panel, "galleryFilter")->setText("  FOX ");
        QCOMPARE(panel.shownCount(), 3);
        QCOMPARE(count->text(), QString("3 of 5"));
        QCOMPARE(panel.entryIdAt(0), 5);
        // An entry the filter hides still counts, added or removed.
        panel.addEntry(entry(6, "a lake", kNow));
        QCOMPARE(count->text(), QString("3 of 6"));
        panel.removeEntry(6);
        QCOMPARE(count->text(), QString("3 of 5"));

        auto* period = childOf<QComboBox>(&panel, "galleryPeriod");
        period->setCurrentIndex(period->findData(int(GalleryFilter::Period::Month)));
        QCOMPARE(panel.shownCount(), 2);
        period->setCurrentIndex(period->findData(int(GalleryFilter::Period::Today)));
        QCOMPARE(panel.shownCount(), 1);
        childOf<QLineEdit>(&panel, "galleryFilter")->setText("city");
        QCOMPARE(panel.shownCount(), 0);
        // Nothing left: a note says why instead of an empty grid.
        QVERIFY(panel.view()->isHidden());
        QVERIFY(!childOf<QLabel>(&panel, "galleryEmpty")->isHidden());
        QVERIFY(childOf<QLabel>(&panel, "galleryEmpty")->text().contains("filter"));
        period->setCurrentIndex(period->findData(int(GalleryFilter::Period::Week)));
        QCOMPARE(panel.shownCount(), 1);
        QVERIFY(!panel.view()->isHidden());
    }

    void dragOutAndCopyGiveTheVideoFile() {
        GalleryPanel panel;
        panel.setEntries({entry(2, "with video", kNow, JobOutcome::Finished, clip_), entry(1, "cancelled", kNow, JobOutcome::Cancelled)});
        GalleryModel* model = panel.model();
        QVERIFY(model->flags(model->index(0)) & Qt::ItemIsDragEnabled);
        QVERIFY(!(model->flags(model->index(1)) & Qt::ItemIsDragEnabled));
        QVERIFY(panel.view()->dragEnabled());

        std::unique_ptr<QMimeData> mime(model->mimeData({model->index(0)}));
        QVERIFY(mime);
        QCOMPARE(mime->urls(), QList<QUrl>{QUrl::fromLocalFile(clip_)});
        QCOMPARE(mime->text(), clip_);
        QVERIFY(mime->hasImage());

        panel.selectEntry(2);
        auto* copy = childOf<QAction>(&panel, "galleryCopy");
        QVERIFY(copy->isEnabled());
        copy->trigger();
        const QMimeData* clipboard = QGuiApplication::clipboard()->mimeData();
        QVERIFY(clipboard);
        QCOMPARE(clipboard->urls(), QList<QUrl>{QUrl::fromLocalFile(clip_)});

        panel.selectEntry(1);  // no video: nothing to copy, play or export
        QVERIFY(!copy->isEnabled());
        QVERIFY(!childOf<QAction>(&panel, "galleryPlay")->isEnabled());
        QVERIFY(!childOf<QAction>(&panel, "galleryExport")->isEnabled());
        QVERIFY(childOf<QAction>(&panel, "galleryReuse")->isEnabled());
        QVERIFY(childOf<QAction>(&panel, "galleryDelete")->isEnabled());
    }

    void restingOnAnItemPlaysItsClip() {
        GalleryPanel panel;
        panel.setEntries({entry(7, "hover me", kNow, JobOutcome::Finished, clip_), entry(6, "no file", kNow)});
        GalleryHoverPlayer* player = panel.hoverPlayer();
        QSignalSpy shown(player, &GalleryHoverPlayer::frameShown);
        const QModelIndex item = panel.model()->index(0);
        const auto colourShown = [&] {
            return item.data(Qt::DecorationRole).value<QIcon>().pixmap(GalleryModel::iconSize()).toImage().pixelColor(20, 20);
        };

        player->hover(7);
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 4, 10000);
        QCOMPARE(shown.first().at(0).toLongLong(), 7);
        // Frames of the clip replace the blue-ish thumbnail: a red one among them.
        QTRY_VERIFY_WITH_TIMEOUT(colourShown().red() > 200 && colourShown().green() < 60, 5000);
        QVERIFY(player->isPlaying());

        player->hover(0);  // the pointer left: the thumbnail again
        QVERIFY(!player->isPlaying());
        QCOMPARE(colourShown(), QColor(20, 20, 200));

        // An item without a video keeps its thumbnail.
        player->hover(6);
        QTest::qWait(GalleryHoverPlayer::kDwellMs + 200);
        QVERIFY(!player->isPlaying());
    }

    // A dock a few rows high (the default at 1280x720) still shows whole items: smaller thumbnails with their
    // captions; a tall one the full-size thumbnails.
    void thumbnailsFitTheHeight() {
        GalleryPanel panel;
        panel.setEntries({entry(2, "a fox in the snow", kNow), entry(1, "waves", kNow)});
        panel.resize(800, 150);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListView* view = panel.view();
        QTRY_VERIFY(view->iconSize().height() < GalleryModel::iconSize().height());
        QVERIFY(view->gridSize().height() <= view->viewport()->height());
        QVERIFY(view->iconSize().height() >= GalleryModel::iconSize().height() * 2 / 5);
        panel.resize(800, 600);
        QTRY_COMPARE(view->iconSize(), GalleryModel::iconSize());
        QVERIFY(view->gridSize().height() > GalleryModel::iconSize().height() + 2 * view->fontMetrics().height());
    }

    void contextMenuOffersEveryAction() {
        GalleryPanel panel;
        panel.setEntries({entry(9, "menu", kNow, JobOutcome::Finished, clip_)});
        panel.resize(600, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QStringList texts;
        QTimer::singleShot(0, [&] {
            if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                for (QAction* a : menu->actions())
                    if (!a->isSeparator())
                        texts << a->text() + (a->isEnabled() ? "" : " (off)");
                menu->close();
            }
        });
        const QRect first = panel.view()->visualRect(panel.view()->model()->index(0, 0));
        emit panel.view()->customContextMenuRequested(first.center());
        QCOMPARE(texts, QStringList({"Play", "Export…", "Reuse settings", "Continue from last frame", "Show in folder", "Copy",
                                     "Delete…"}));

        QSignalSpy deleting(&panel, &GalleryPanel::deleteRequested);
        childOf<QAction>(&panel, "galleryDelete")->trigger();
        QCOMPARE(deleting.size(), 1);
        QCOMPARE(deleting.first().at(0).value<HistoryEntry>().id, 9);
    }

    void clickPlaysAPastVideoAsTheResult() {
        auto settings = i2v::test::makeSettings(tmp_, "play.ini");
        const QString db = tmp_.filePath("play.sqlite");
        qint64 id = 0;
        {
            JobHistory store(db);
            HistoryEntry e = entry(0, "past clip", kNow, JobOutcome::Finished, clip_);
            e.parametersJson = QStringLiteral("{\"seed\":\"31\"}");
            id = store.record(e);
        }
        MainWindow w(settings.get(), nullptr, db);
        QVERIFY2(i2v::test::waitForModel(w), qPrintable(w.errorText()));
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.jobs()->hasResult());

        GalleryPanel* gallery = w.gallery();
        QSignalSpy shown(w.jobs(), &JobController::resultReady);
        const QRect item = gallery->view()->visualRect(gallery->view()->model()->index(0, 0));
        QTest::mouseClick(gallery->view()->viewport(), Qt::LeftButton, {}, item.center());
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
        const JobResult& r = w.jobs()->result();
        QCOMPARE(r.historyId, id);
        QCOMPARE(r.frames.size(), 4);
        QCOMPARE(r.videoPath, clip_);
        QCOMPARE(r.parametersJson, QStringLiteral("{\"seed\":\"31\"}"));
        QVERIFY(r.frames.first().pixelColor(40, 30).red() > 200);
        QCOMPARE(w.resultView()->framePlayer()->frameCount(), 4);
        QVERIFY(childOf<QPushButton>(&w, "continueButton")->isEnabled());
        QVERIFY(childOf<QPushButton>(&w, "exportButton")->isEnabled());

        // A file gone since: a clear word, and the shown result stays.
        QFile::copy(clip_, tmp_.filePath("gone.mp4"));
        HistoryEntry gone = entry(99, "gone", kNow, JobOutcome::Finished, tmp_.filePath("gone.mp4"));
        QFile::remove(gone.videoPath);
        w.playFromHistory(gone);
        QVERIFY(w.errorText().contains("no longer exists"));
        QCOMPARE(w.jobs()->result().historyId, id);
    }

    void deleteAsksWhetherTheFileGoesToo() {
        auto settings = i2v::test::makeSettings(tmp_, "delete.ini");
        const QString db = tmp_.filePath("delete.sqlite");
        const QString kept = tmp_.filePath("kept.mp4"), deleted = tmp_.filePath("deleted.mp4");
        QVERIFY(QFile::copy(clip_, kept));
        QVERIFY(QFile::copy(clip_, deleted));
        qint64 keptId = 0, deletedId = 0;
        {
            JobHistory store(db);
            keptId = store.record(entry(0, "keep", kNow, JobOutcome::Finished, kept));
            deletedId = store.record(entry(0, "delete", kNow, JobOutcome::Finished, deleted));
        }
        // The trash is the test-mode data folder's (Qt makes Trash/ in it when the folder exists; without it,
        // Qt 6.4 falls back to files/ and info/ under the working directory).
        QVERIFY(QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
        MainWindow w(settings.get(), nullptr, db);
        GalleryPanel* gallery = w.gallery();
        QCOMPARE(gallery->count(), 2);
        auto* remove = childOf<QAction>(&w, "galleryDelete");

        // Cancel: nothing happens.
        gallery->selectEntry(keptId);
        QString question;
        QTimer::singleShot(0, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                question = box->text();
                box->button(QMessageBox::Cancel)->click();
            }
        });
        remove->trigger();
        QVERIFY2(question.contains("stays on disk"), qPrintable(question));
        QCOMPARE(gallery->count(), 2);

        i2v::test::clickInNextDialog("keepVideo");
        remove->trigger();
        QCOMPARE(gallery->count(), 1);
        QVERIFY(QFileInfo::exists(kept));
        QVERIFY(!JobHistory(db).entry(keptId));

        gallery->selectEntry(deletedId);
        i2v::test::clickInNextDialog("deleteVideo");
        remove->trigger();
        QCOMPARE(gallery->count(), 0);
        QVERIFY(!QFileInfo::exists(deleted));
        QVERIFY(!QFileInfo::exists(QStringLiteral("files/deleted.mp4")));  // not beside the working directory
        QVERIFY(!JobHistory(db).entry(deletedId));
        QVERIFY(w.errorText().isEmpty());
    }

    // Not a timed test: the numbers are for reading (-iterations 20), nothing compares them.
    void thousandEntries() {
        // QBENCHMARK may run this function again until its measurement settles: the history is made once.
        const QString db = tmp_.filePath("thousand.sqlite");
        if (!QFileInfo::exists(db)) {
            JobHistory store(db);
            for (int i = 0; i < 1000; ++i) {
                HistoryEntry e = entry(0, QStringLiteral("prompt number %1 %2").arg(i).arg(i % 7 ? "river" : "fox"),
                                       kNow.addSecs(-600 * i), JobOutcome::Finished, clip_);
                e.thumbnail = solid({160, 90}, QColor::fromHsv(i % 360, 200, 200));
                QVERIFY(store.record(e) > 0);
            }
        }
        JobHistory store(db);
        GalleryPanel panel;
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QBENCHMARK {
            panel.setEntries(store.entries());
            QCoreApplication::processEvents();  // the batched layout
        }
        QCOMPARE(panel.count(), 1000);

        auto* search = childOf<QLineEdit>(&panel, "galleryFilter");
        QBENCHMARK {
            search->setText("fox");
            search->setText("");
        }
        search->setText("fox");
        QCOMPARE(panel.shownCount(), 143);  // i % 7 == 0 for i < 1000
        search->setText("");

        QScrollBar* bar = panel.view()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QBENCHMARK {
            for (int v = 0; v <= bar->maximum(); v += bar->pageStep()) {
                bar->setValue(v);
                panel.view()->viewport()->repaint();
            }
        }
    }
};

QTEST_MAIN(TestGallery)
#include "tst_gallery.moc"
