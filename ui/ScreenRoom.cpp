#include "ui/ScreenRoom.h"

#include <QScreen>
#include <QStyle>
#include <QWidget>

namespace i2v::ui {

QSize roomOnScreen(const QWidget* window) {
    const QScreen* screen = window->screen();
    if (!screen)
        return QSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    QSize frame(0, window->style()->pixelMetric(QStyle::PM_TitleBarHeight));
    if (const QWidget* parent = window->parentWidget(); parent && parent->window()->isVisible()) {
        const QWidget* w = parent->window();
        frame = frame.expandedTo(w->frameGeometry().size() - w->geometry().size());
    }
    return screen->availableGeometry().size() - frame;
}

} // namespace i2v::ui
