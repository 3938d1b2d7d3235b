// How much of its screen a window may take: the available area (without panels and docks) less the window
// manager's frame, which resize() does not count. Dialogs that size themselves use it so that their buttons stay
// on screen (a 720-pixel-high dialog on a 720-pixel screen had OK and Cancel under the bottom edge).
#pragma once
#include <QSize>

class QWidget;

namespace i2v::ui {

// The most `window`'s contents may take: its parent window's frame tells how big a frame is once that is shown; a
// title bar's height stands in before.
QSize roomOnScreen(const QWidget* window);

} // namespace i2v::ui
