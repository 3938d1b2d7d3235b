#include "ui/BringToFront.h"

#include <QWidget>

namespace i2v::ui {

void bringToFront(QWidget* window) {
    if (window->isMinimized())
        window->showNormal();
    window->show();
    window->raise();
    window->activateWindow();
}

} // namespace i2v::ui
