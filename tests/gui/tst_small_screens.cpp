// The window on a laptop screen: at 1280x720 and 1024x640 every settings row keeps the height its widget
// needs (the form scrolls instead of squeezing rows to 3 pixels), the prompts keep three lines, and the
// buttons and the status bar stay in view. The test's screen is a 1280x720 one whose windows get a window
// manager's frame (useOffscreenScreen).
#include "MainWindowDriver.h"
#include "ui/GalleryPanel.h"
#include "ui/ModelsDialog.h"
#include "ui/SettingsDialog.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLayout>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSpinBox>
#include <QSpontaneKeyEvent>
#include <QWheelEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QStatusBar>
#include <QStyle>

using namespace i2v::ui;
using i2v::test::childOf;

class TestSmallScreens : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void initTestCase() { i2v::test::enterTestMode(); }

    void everyRowKeepsItsHeight_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("fontPoints");  // 0: the platform's
        QTest::newRow("1280x720") << QSize(1280, 720) << 0;
        QTest::newRow("1024x640") << QSize(1024, 640) << 0;
        // A larger desktop font (qt6ct's default, KDE's accessibility settings, font scaling on a HiDPI laptop).
        QTest::newRow("1280x720, 12 pt") << QSize(1280, 720) << 12;
    }

    void everyRowKeepsItsHeight() {
        QFETCH(QSize, size);
        QFETCH(int, fontPoints);
        const QFont appFont = QApplication::font();
        const auto restoreFont = qScopeGuard([&] { QApplication::setFont(appFont); });
        if (fontPoints > 0) {
            QFont f = appFont;
            f.setPointSize(fontPoints);
            QApplication::setFont(f);
        }
        auto settings = i2v::test::makeSettings(tmp_, QString("small-%1.ini").arg(size.width()));
        MainWindow w(settings.get(), nullptr, tmp_.filePath(QString("small-%1.sqlite").arg(size.width())));
        QVERIFY2(w.minimumSizeHint().width() <= size.width() && w.minimumSizeHint().height() <= size.height(),
                 qPrintable(QString("minimum %1x%2").arg(w.minimumSizeHint().width()).arg(w.minimumSizeHint().height())));
        // A small picture: the advice under it takes two or three lines.
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));
        w.setWindowState(Qt::WindowNoState);  // a first start here is maximised; the window's contents at `size`
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), size);
        QTest::qWait(100);  // the settings column's width and the advice's lines settle
        QVERIFY2(w.minimumSizeHint().width() <= size.width() && w.minimumSizeHint().height() <= size.height(),
                 qPrintable(QString("minimum %1x%2 with the advice").arg(w.minimumSizeHint().width()).arg(w.minimumSizeHint().height())));
        // The picture, the advice and the Open/Paste row each get their height, one under the other.
        QWidget* input = w.dropZone()->parentWidget();
        QLayout* column = input->layout();
        int bottom = -1;
        for (int i = 0; i < column->count(); ++i) {
            QLayoutItem* item = column->itemAt(i);
            if (item->isEmpty())
                continue;
            const QRect r = item->geometry();
            const int needs = item->hasHeightForWidth() ? item->heightForWidth(r.width()) : item->minimumSize().height();
            QVERIFY2(r.height() >= needs, qPrintable(QString("row %1 is %2 px high, it needs %3").arg(i).arg(r.height()).arg(needs)));
            QVERIFY2(r.top() > bottom, qPrintable(QString("row %1 starts at %2, above the end of the last at %3").arg(i).arg(r.top()).arg(bottom)));
            bottom = r.bottom();
        }
        // Eta and fps are folded under Advanced: unfolded, they need their height too.
        auto* advanced = childOf<QToolButton>(&w, "advancedToggle");
        QVERIFY(!childOf<QWidget>(&w, "eta")->isVisible());
        advanced->click();
        QVERIFY(childOf<QWidget>(&w, "eta")->isVisible() && childOf<QWidget>(&w, "fps")->isVisible());
        QCoreApplication::processEvents();

        for (const char* name : {"scheduler", "steps", "guidance", "eta", "seed", "seedLock", "frames", "fps",
                                 "sizePreset", "width", "height", "runs", "seedMode", "modelFolder"}) {
            auto* field = childOf<QWidget>(&w, name);
            QVERIFY2(field->height() >= field->minimumSizeHint().height(),
                     qPrintable(QString("%1 is %2 px high, it needs %3").arg(name).arg(field->height())
                                    .arg(field->minimumSizeHint().height())));
        }
        // Nothing of the settings column is cut at its right edge (it has no horizontal scroll bar).
        auto* viewport = childOf<QScrollArea>(&w, "settingsScroll")->viewport();
        for (QWidget* field : viewport->findChildren<QWidget*>()) {
            if (!field->isVisibleTo(viewport) || field->objectName().startsWith("qt_"))
                continue;
            const int right = field->mapTo(viewport, QPoint(field->width(), 0)).x();
            QVERIFY2(right <= viewport->width(),
                     qPrintable(QString("%1 (%2) ends at x=%3 of a %4 px wide column").arg(field->objectName(),
                                    field->metaObject()->className()).arg(right).arg(viewport->width())));
            QVERIFY2(field->width() >= field->minimumSizeHint().width() || field->minimumSizeHint().width() <= 0,
                     qPrintable(QString("%1 (%2) is %3 px wide, it needs %4").arg(field->objectName(),
                                    field->metaObject()->className()).arg(field->width()).arg(field->minimumSizeHint().width())));
        }
        for (const char* name : {"prompt", "negativePrompt"}) {
            auto* edit = childOf<QPlainTextEdit>(&w, name);
            QVERIFY2(edit->height() >= 3 * edit->fontMetrics().lineSpacing(), name);
        }
        // The rows the form cannot show scroll into view.
        auto* scroll = childOf<QScrollArea>(&w, "settingsScroll");
        auto* runs = childOf<QWidget>(&w, "runs");
        scroll->ensureWidgetVisible(runs);
        QVERIFY(scroll->viewport()->rect().contains(runs->mapTo(scroll->viewport(), runs->rect().center())));

        const QRect window = w.rect();
        for (const char* name : {"generateButton", "cancelButton", "exportButton"}) {
            auto* button = childOf<QAbstractButton>(&w, name);
            QVERIFY2(button->isVisible() && window.contains(QRect(button->mapTo(&w, QPoint(0, 0)), button->size())), name);
            QVERIFY2(button->height() >= button->minimumSizeHint().height(), name);
        }
        QStatusBar* status = w.statusBar();
        QVERIFY(status->isVisible() && status->height() > 0);
        QVERIFY(window.contains(QRect(status->mapTo(&w, QPoint(0, 0)), status->size())));
    }

    // The wheel over the settings column scrolls it past the settings: each spin and combo box that came under
    // the pointer took the turn (and the focus), so scrolling down to "Frames" changed the scheduler on the way.
    // A setting clicked into still takes the wheel. Turns are delivered as a mouse's are (spontaneous, to the
    // widget under the pointer, passed to its parents when ignored).
    void theWheelScrollsTheFormPastItsSettings() {
        auto settings = i2v::test::makeSettings(tmp_, "small-wheel.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("small-wheel.sqlite"));
        w.setWindowState(Qt::WindowNoState);
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        childOf<QToolButton>(&w, "advancedToggle")->click();
        QCoreApplication::processEvents();
        QScrollBar* bar = childOf<QScrollArea>(&w, "settingsScroll")->verticalScrollBar();
        QVERIFY2(bar->maximum() > 0, "the column fits the window: nothing to scroll");
        const auto turnDownOver = [](QWidget* field) {
            const QPoint centre = field->rect().center();
            QWidget* under = field->childAt(centre) ? field->childAt(centre) : field;
            const QPoint local = under->mapFrom(field, centre);
            QWheelEvent turn(local, under->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                             Qt::NoScrollPhase, false);
            QSpontaneKeyEvent::setSpontaneous(&turn);
            qApp->notify(under, &turn);
        };
        const auto shown = [](QWidget* field) {
            if (auto* combo = qobject_cast<QComboBox*>(field))
                return combo->currentText();
            return qobject_cast<QAbstractSpinBox*>(field)->text();
        };
        for (const char* name : {"scheduler", "steps", "guidance", "eta", "seed", "frames", "fps", "sizePreset",
                                 "runs", "seedMode"}) {
            auto* field = childOf<QWidget>(&w, name);
            bar->setValue(0);
            const QString before = shown(field);
            turnDownOver(field);
            QCOMPARE(shown(field), before);
            QVERIFY2(!field->hasFocus(), name);
            QVERIFY2(bar->value() > 0, qPrintable(QString("the column did not scroll over %1").arg(name)));
        }
        auto* steps = childOf<QSpinBox>(&w, "steps");
        const int stepsBefore = steps->value();
        steps->setFocus(Qt::MouseFocusReason);
        QVERIFY(steps->hasFocus());
        turnDownOver(steps);
        QCOMPARE(steps->value(), stepsBefore - 1);
    }

    // The first video in the Gallery leaves the bottom docks as high as they were: the gallery's list (a
    // scroll area's minimum height) took the place of its shorter "no videos yet" note, both shown for a
    // moment, and the tabbed docks grew ~45 pixels under the form at 1280x720.
    void theFirstGalleryEntryKeepsTheDocksHeight() {
        auto settings = i2v::test::makeSettings(tmp_, "small-gallery.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("small-gallery.sqlite"));
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCoreApplication::processEvents();
        auto* queue = childOf<QDockWidget>(&w, "queueDock");
        const int before = queue->height();
        HistoryEntry e;
        e.id = 1;
        e.ended = QDateTime::currentDateTime();
        e.started = e.ended.addSecs(-60);
        e.request.generation.prompt = "a fox";
        QImage thumbnail(160, 90, QImage::Format_RGB888);
        thumbnail.fill(Qt::blue);
        e.thumbnail = thumbnail;
        w.gallery()->addEntry(e);
        QCoreApplication::processEvents();
        QCOMPARE(w.gallery()->count(), 1);
        QCOMPARE(queue->height(), before);
        w.gallery()->removeEntry(1);  // and back to the note
        QCoreApplication::processEvents();
        QCOMPARE(queue->height(), before);
    }

    // The Settings dialog at a laptop's height: its word-wrapped notes keep the lines their text needs (they
    // were cut to one and a half at 1280x720), the groups scroll, the buttons stay.
    void settingsDialogScrollsInsteadOfSqueezing() {
        auto settings = i2v::test::makeSettings(tmp_, "small-dialog.ini");
        SettingsDialog dialog(AppSettings::load(*settings), i2v::test::machine(false));
        dialog.resize(dialog.width(), 600);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCoreApplication::processEvents();
        QVERIFY(dialog.height() <= 600);
        for (const char* name : {"settingsCudaNote", "settingsProcessor"}) {
            auto* note = childOf<QLabel>(&dialog, name);
            if (!note->isVisible())
                continue;
            QVERIFY2(note->height() >= note->heightForWidth(note->width()),
                     qPrintable(QString("%1 is %2 px high, its text needs %3").arg(name).arg(note->height())
                                    .arg(note->heightForWidth(note->width()))));
        }
        auto* scroll = childOf<QScrollArea>(&dialog, "settingsDialogScroll");
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
        auto* cache = childOf<QWidget>(&dialog, "settingsHubCacheDir");
        scroll->ensureWidgetVisible(cache);
        QVERIFY(scroll->viewport()->rect().contains(cache->mapTo(scroll->viewport(), cache->rect().center())));
    }

    // The first start on a screen smaller than 1400x900 and a frame takes the whole screen: sized to the screen,
    // the frame pushed the status bar under its bottom edge.
    void aFirstStartFillsASmallScreen() {
        auto settings = i2v::test::makeSettings(tmp_, "first-start.ini");
        QVERIFY(!settings->contains("window/geometry"));
        MainWindow w(settings.get(), nullptr, tmp_.filePath("first-start.sqlite"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.isMaximized());
        const QRect available = w.screen()->availableGeometry();
        QVERIFY2(available.contains(w.frameGeometry()),
                 qPrintable(QString("frame %1x%2 at %3,%4").arg(w.frameGeometry().width()).arg(w.frameGeometry().height())
                                .arg(w.frameGeometry().x()).arg(w.frameGeometry().y())));
        QStatusBar* status = w.statusBar();
        QVERIFY(w.rect().contains(QRect(status->mapTo(&w, QPoint(0, 0)), status->size())));
    }

    // Opened on a screen shorter than its groups, the dialog leaves room for the window manager's title bar: sized
    // to the whole available height, its OK and Cancel sat under the screen's edge at 1280x720.
    void settingsDialogLeavesRoomForItsTitleBar() {
        auto settings = i2v::test::makeSettings(tmp_, "small-dialog.ini");
        const int available = QGuiApplication::primaryScreen()->availableGeometry().height();
        QCOMPARE(available, 720);
        // On its own (the title bar's height stands in for the frame) and over the shown window (its frame counts).
        SettingsDialog alone(AppSettings::load(*settings), i2v::test::machine(false));
        const int titleBar = alone.style()->pixelMetric(QStyle::PM_TitleBarHeight);
        QVERIFY2(alone.height() + titleBar <= available, qPrintable(QString("%1 + %2").arg(alone.height()).arg(titleBar)));
        MainWindow w(settings.get(), nullptr, tmp_.filePath("small-dialog.sqlite"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SettingsDialog dialog(AppSettings::load(*settings), i2v::test::machine(false), &w);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.frameGeometry().height() > dialog.height(), "the platform gives no frame");
        QVERIFY2(dialog.frameGeometry().height() <= available,
                 qPrintable(QString("%1 with its frame").arg(dialog.frameGeometry().height())));
        // The screen is shorter than the groups: the dialog takes what there is, less the larger of the two
        // frames, and its buttons show.
        const int frame = std::max(titleBar, w.frameGeometry().height() - w.height());
        QVERIFY2(dialog.height() >= available - frame, qPrintable(QString("%1 of %2").arg(dialog.height()).arg(available)));
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(dialog.rect().contains(ok->mapTo(&dialog, ok->rect().bottomRight())));
        // The Models window asks for 1000x640; on this screen it gets what there is, its frame included.
        w.openModels();
        ModelsDialog* models = w.modelsDialog();
        QVERIFY(models);
        QVERIFY(QTest::qWaitForWindowExposed(models));
        QVERIFY2(models->frameGeometry().height() <= available,
                 qPrintable(QString("%1 with its frame").arg(models->frameGeometry().height())));
        models->close();
    }
};

I2V_GUI_TEST_MAIN_ON_SCREEN(TestSmallScreens, 1280, 720)
#include "tst_small_screens.moc"
