// WheelScrollsPast: the mouse wheel over a scrolled column of settings scrolls the column instead of changing
// the spin box, combo box or slider that happens to pass under the pointer. Qt gives those widgets every wheel
// turn (and the keyboard focus with it), so scrolling the form to reach "Frames" silently changed the scheduler,
// the steps or the seed on the way. A value widget still takes the wheel once it has the focus (clicked or
// tabbed into), as in a browser's forms.
#pragma once
#include <QObject>

class QWidget;

namespace i2v::ui {

class WheelScrollsPast : public QObject {
public:
    // Watches `root` and every widget below it, including those added later. Owned by `root`.
    explicit WheelScrollsPast(QWidget* root);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void watch(QWidget* widget);
};

} // namespace i2v::ui
