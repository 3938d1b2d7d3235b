#include "ui/StatusColors.h"

#include <QEvent>
#include <QWidget>

namespace i2v::ui {
namespace {

// Re-runs a widget's palette-dependent styling when the application's palette changes.
class PaletteFollower : public QObject {
public:
    PaletteFollower(QWidget* widget, std::function<void()> apply) : QObject(widget), apply_(std::move(apply)) {
        widget->installEventFilter(this);
        apply_();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::ApplicationPaletteChange)
            apply_();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> apply_;
};

} // namespace

bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightnessF() < 0.5; }

QColor toneTextColor(Tone tone, const QPalette& palette) {
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x8a) : QColor(0xb0, 0x00, 0x00);
    case Tone::Success:
        return dark ? QColor(0x8f, 0xe3, 0x9f) : QColor(0x00, 0x64, 0x00);
    case Tone::Caution:
        return dark ? QColor(0xff, 0xb8, 0x70) : QColor(0xa0, 0x40, 0x00);
    }
    return palette.color(QPalette::WindowText);
}

QString toneLabelStyle(Tone tone, const QString& extra, const QPalette& palette) {
    return QStringLiteral("QLabel { color: %1; %2}").arg(toneTextColor(tone, palette).name(), extra);
}

StripColors toneStrip(Tone tone, const QPalette& palette) {
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Error:
        return dark ? StripColors{QColor(0x5c, 0x20, 0x20), QColor(0xff, 0xd9, 0xd9)}
                    : StripColors{QColor(0xff, 0xd6, 0xd6), QColor(0x7a, 0x00, 0x00)};
    case Tone::Success:
        return dark ? StripColors{QColor(0x1d, 0x4a, 0x26), QColor(0xd4, 0xf5, 0xda)}
                    : StripColors{QColor(0xd4, 0xf5, 0xda), QColor(0x0b, 0x4d, 0x17)};
    case Tone::Caution:
        return dark ? StripColors{QColor(0x4a, 0x3e, 0x0c), QColor(0xff, 0xf0, 0xb8)}
                    : StripColors{QColor(0xff, 0xf3, 0xc4), QColor(0x5a, 0x45, 0x00)};
    }
    return {palette.color(QPalette::Window), palette.color(QPalette::WindowText)};
}

void followPalette(QWidget* widget, std::function<void()> apply) { new PaletteFollower(widget, std::move(apply)); }

void followPaletteAsStrip(QWidget* strip, Tone tone, const QString& extra) {
    followPalette(strip, [strip, tone, extra] {
        const StripColors c = toneStrip(tone);
        strip->setStyleSheet(QStringLiteral("*#%1 { background: %2; color: %3; %4} *#%1 > QLabel { color: %3; }")
                                 .arg(strip->objectName(), c.background.name(), c.text.name(), extra));
    });
}

} // namespace i2v::ui
