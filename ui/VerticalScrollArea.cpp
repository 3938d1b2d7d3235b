#include "ui/VerticalScrollArea.h"

#include "ui/WheelScrollsPast.h"

namespace i2v::ui {

QScrollArea* verticalScrollArea(const QString& objectName, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setObjectName(objectName);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    new WheelScrollsPast(scroll);
    return scroll;
}

} // namespace i2v::ui
