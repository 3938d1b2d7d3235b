#include "ui/ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>
#include <QStyle>
#include <QToolButton>

namespace i2v::ui {

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("errorBar"));
    setStyleSheet(QStringLiteral("QFrame#errorBar { background: #ffd6d6; }"
                                 "QFrame#errorBar > QLabel { color: #7a0000; }"));
    label_ = new QLabel(this);
    label_->setObjectName(QStringLiteral("errorBanner"));
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    close_ = new QToolButton(this);
    close_->setObjectName(QStringLiteral("errorClose"));
    close_->setAutoRaise(true);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close_->setToolTip(tr("Dismiss this message"));
    close_->setAccessibleName(tr("Dismiss this message"));
    connect(close_, &QToolButton::clicked, this, &ErrorBanner::clearAll);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 4, 6, 4);
    row->addWidget(label_, 1);
    row->addWidget(close_, 0, Qt::AlignTop);
    setVisible(false);
}

void ErrorBanner::showMessage(Topic topic, const QString& message) {
    // The same text under another topic would be a duplicate line: it moves to this topic.
    for (auto it = messages_.begin(); it != messages_.end();)
        it = it.value() == message ? messages_.erase(it) : std::next(it);
    messages_.insert(topic, message);
    refresh();
}

void ErrorBanner::clearTopic(Topic topic) {
    if (messages_.remove(topic) > 0)
        refresh();
}

void ErrorBanner::clearAll() {
    messages_.clear();
    refresh();
}

QString ErrorBanner::text() const { return isHidden() ? QString() : label_->text(); }

void ErrorBanner::refresh() {
    label_->setText(QStringList(messages_.cbegin(), messages_.cend()).join(QLatin1Char('\n')));
    setVisible(!messages_.isEmpty());
}

} // namespace i2v::ui
