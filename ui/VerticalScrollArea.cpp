#include "ui/VerticalScrollArea.h"

namespace i2v::ui {

QScrollArea* verticalScrollArea(const QString& objectName, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setObjectName(objectName);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

} // namespace i2v::ui
