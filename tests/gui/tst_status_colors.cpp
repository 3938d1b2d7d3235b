// The colours that carry a meaning stay readable on a dark desktop theme as on a light one: error, success and
// caution text against the window and the fields, and the text of the message strips against the strip, keep
// WCAG's 4.5:1; widgets restyle themselves when the desktop switches themes while the app runs.
#include "MainWindowDriver.h"

#include "ui/ErrorBanner.h"
#include "ui/StatusColors.h"

#include <QLabel>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>
#include <memory>

using namespace i2v::ui;

namespace {

// WCAG 2's relative luminance and contrast ratio.
double luminance(const QColor& c) {
    auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette lightPalette() {
    std::unique_ptr<QStyle> fusion(QStyleFactory::create("Fusion"));
    return fusion->standardPalette();
}

// As KDE's Breeze Dark and qt6ct's dark schemes have it.
QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    return p;
}

} // namespace

class TestStatusColors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { i2v::test::enterTestMode(); }

    void cleanup() { QApplication::setPalette(lightPalette()); }

    void readableOnLightAndDarkThemes_data() {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light (Fusion)") << lightPalette() << false;
        QTest::newRow("dark") << darkPalette() << true;
    }

    void readableOnLightAndDarkThemes() {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        QCOMPARE(isDark(palette), dark);
        for (Tone tone : {Tone::Error, Tone::Success, Tone::Caution}) {
            const QColor text = toneTextColor(tone, palette);
            for (QPalette::ColorRole background : {QPalette::Window, QPalette::Base}) {
                const double ratio = contrast(text, palette.color(background));
                QVERIFY2(ratio >= 4.5, qPrintable(QString("tone %1 %2 on %3: %4:1").arg(int(tone)).arg(text.name())
                                                      .arg(palette.color(background).name()).arg(ratio, 0, 'f', 2)));
            }
            const StripColors strip = toneStrip(tone, palette);
            QVERIFY2(contrast(strip.text, strip.background) >= 4.5, qPrintable(strip.text.name() + " on " + strip.background.name()));
            // A strip stands out from the window without glaring: on the window's side of the lightness scale.
            QCOMPARE(isDark(QPalette(strip.background)), dark);
        }
        // The fixed dark red this replaced: unreadable on the dark theme.
        if (dark)
            QVERIFY(contrast(QColor(0xb0, 0x00, 0x00), palette.color(QPalette::Window)) < 3);
    }

    void widgetsRestyleWhenTheThemeChanges() {
        QApplication::setPalette(lightPalette());
        QLabel warning;
        followPalette(&warning, [&] { warning.setStyleSheet(toneLabelStyle(Tone::Error)); });
        const QString light = toneTextColor(Tone::Error, lightPalette()).name();
        const QString dark = toneTextColor(Tone::Error, darkPalette()).name();
        QVERIFY2(warning.styleSheet().contains(light), qPrintable(warning.styleSheet()));
        ErrorBanner banner;
        QVERIFY2(banner.styleSheet().contains(toneStrip(Tone::Error, lightPalette()).background.name()),
                 qPrintable(banner.styleSheet()));

        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();  // the change reaches widgets as a posted event
        QVERIFY2(warning.styleSheet().contains(dark), qPrintable(warning.styleSheet()));
        QVERIFY2(banner.styleSheet().contains(toneStrip(Tone::Error, darkPalette()).background.name()),
                 qPrintable(banner.styleSheet()));
        QVERIFY2(banner.styleSheet().contains(toneStrip(Tone::Error, darkPalette()).text.name()),
                 qPrintable(banner.styleSheet()));

        QApplication::setPalette(lightPalette());
        QCoreApplication::processEvents();
        QVERIFY2(warning.styleSheet().contains(light), qPrintable(warning.styleSheet()));
    }

    // The window itself on a dark theme: the estimate's memory warning and the banners take the dark colours.
    void theWindowOnADarkTheme() {
        QApplication::setPalette(darkPalette());
        QTemporaryDir tmp;
        auto settings = i2v::test::makeSettings(tmp);
        MainWindow w(settings.get(), nullptr, tmp.filePath("history.sqlite"));
        auto* warning = i2v::test::childOf<QLabel>(&w, "estimateWarning");
        QVERIFY2(warning->styleSheet().contains(toneTextColor(Tone::Error, darkPalette()).name()), qPrintable(warning->styleSheet()));
        auto* banner = i2v::test::childOf<QLabel>(&w, "errorBanner")->parentWidget();
        QVERIFY2(banner->styleSheet().contains(toneStrip(Tone::Error, darkPalette()).background.name()),
                 qPrintable(banner->styleSheet()));
    }
};

QTEST_MAIN(TestStatusColors)
#include "tst_status_colors.moc"
