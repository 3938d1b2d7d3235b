// bringToFront: a window the user asked for again (a notice clicked, the app started a second time) shows
// unminimised, on top and active, as far as the window manager lets an app raise itself.
#pragma once

class QWidget;

namespace i2v::ui {

void bringToFront(QWidget* window);

} // namespace i2v::ui
