#include "ui/WheelScrollsPast.h"

#include <QAbstractSpinBox>
#include <QChildEvent>
#include <QComboBox>
#include <QSlider>
#include <QWidget>

namespace i2v::ui {

namespace {

// Scroll bars are left alone: turning the wheel over one is meant to scroll.
bool changesValueOnWheel(const QObject* object) {
    return qobject_cast<const QAbstractSpinBox*>(object) || qobject_cast<const QComboBox*>(object)
           || qobject_cast<const QSlider*>(object);
}

// Qt's default for these widgets, Qt::WheelFocus, hands them the focus on the first wheel turn over them,
// and with it every turn after: click and Tab still give it.
void refuseWheelFocus(QWidget* widget) {
    if (changesValueOnWheel(widget) && widget->focusPolicy() == Qt::WheelFocus)
        widget->setFocusPolicy(Qt::StrongFocus);
}

} // namespace

WheelScrollsPast::WheelScrollsPast(QWidget* root) : QObject(root) { watch(root); }

void WheelScrollsPast::watch(QWidget* widget) {
    widget->installEventFilter(this);
    refuseWheelFocus(widget);
    for (QWidget* child : widget->findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
        watch(child);
}

bool WheelScrollsPast::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::ChildAdded: {
        // A child is announced before its constructor has run, so its type is known only at its Polish.
        QObject* child = static_cast<QChildEvent*>(event)->child();
        if (child->isWidgetType())
            watch(static_cast<QWidget*>(child));
        break;
    }
    case QEvent::Polish:
        refuseWheelFocus(static_cast<QWidget*>(watched));
        break;
    case QEvent::Wheel:
        if (changesValueOnWheel(watched) && !static_cast<QWidget*>(watched)->hasFocus()) {
            // Not the widget's: QApplication passes an ignored wheel event on to the parents, up to the
            // scroll area's viewport.
            event->ignore();
            return true;
        }
        break;
    default:
        break;
    }
    return false;
}

} // namespace i2v::ui
