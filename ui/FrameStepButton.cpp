#include "ui/FrameStepButton.h"

#include <QCoreApplication>
#include <QToolButton>

namespace i2v::ui {

QToolButton* makeFrameStepButton(QWidget* parent, FrameStep direction) {
    auto* button = new QToolButton(parent);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    if (direction == FrameStep::Backward) {
        button->setText(QStringLiteral("\u25C2 1"));
        button->setToolTip(QCoreApplication::translate("i2v::ui::FrameStepButton", "Previous frame (Left)"));
        button->setAccessibleName(QCoreApplication::translate("i2v::ui::FrameStepButton", "Previous frame"));
    } else {
        button->setText(QStringLiteral("1 \u25B8"));
        button->setToolTip(QCoreApplication::translate("i2v::ui::FrameStepButton", "Next frame (Right)"));
        button->setAccessibleName(QCoreApplication::translate("i2v::ui::FrameStepButton", "Next frame"));
    }
    return button;
}

} // namespace i2v::ui
