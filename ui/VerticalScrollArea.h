// The scroll area of a column of settings that may be taller than a laptop screen allows: it scrolls
// vertically, fits its content to its width (no horizontal bar), draws no frame of its own, and the mouse
// wheel over it scrolls it rather than changing the unfocused settings it passes (WheelScrollsPast).
#pragma once
#include <QScrollArea>
#include <QString>

namespace i2v::ui {

QScrollArea* verticalScrollArea(const QString& objectName, QWidget* parent);

} // namespace i2v::ui
