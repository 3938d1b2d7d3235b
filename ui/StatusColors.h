// Colours that carry a meaning (an error, a success, a caution), for text on the window's background and for the
// strips that hold a message (the error and demo banners), chosen for the palette in use: dark red on a light
// window, light red on a dark one. A fixed dark red read at about 2:1 against a dark desktop theme (KDE Plasma's
// Breeze Dark, qt6ct's dark schemes, GNOME's dark style through Qt 6.5+); both choices keep WCAG's 4.5:1 for text
// (tst_status_colors).
#pragma once
#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QString>

#include <functional>

class QWidget;

namespace i2v::ui {

enum class Tone { Error, Success, Caution };

// Whether `palette`'s windows are dark (a dark desktop theme).
bool isDark(const QPalette& palette);

// Text of `tone` on `palette`'s window background (the application's by default: a widget's own palette takes the
// colours of its style sheet).
QColor toneTextColor(Tone tone, const QPalette& palette = QGuiApplication::palette());
// A style sheet for a QLabel in that colour, with `extra` declarations (such as "font-weight: bold;").
QString toneLabelStyle(Tone tone, const QString& extra = {}, const QPalette& palette = QGuiApplication::palette());

// A message strip in `tone`: its background and its text.
struct StripColors {
    QColor background;
    QColor text;
};
StripColors toneStrip(Tone tone, const QPalette& palette = QGuiApplication::palette());

// Styles `strip` (by its object name, which must be set) as a message strip in `tone`: its background, its own text
// and its labels' (buttons keep the palette's), with `extra` declarations; again whenever the palette changes.
void followPaletteAsStrip(QWidget* strip, Tone tone, const QString& extra = {});

// Calls `apply` now and again whenever the application's palette changes (the desktop switched to a dark theme or
// back), for as long as `widget` lives: for style sheets that follow the palette.
void followPalette(QWidget* widget, std::function<void()> apply);

} // namespace i2v::ui
