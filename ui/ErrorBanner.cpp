#include "ui/ErrorBanner.h"

#include "ui/StatusColors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace i2v::ui {

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("errorBar"));
    followPaletteAsStrip(this, Tone::Error);
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
    action_ = new QToolButton(this);
    action_->setObjectName(QStringLiteral("errorAction"));
    action_->setVisible(false);
    connect(action_, &QToolButton::clicked, this, [this] {
        // The first topic with an action is the one its button shows (refresh() picks the same).
        for (auto it = actions_.cbegin(); it != actions_.cend(); ++it)
            if (messages_.contains(it.key())) {
                const auto run = it->run;  // the action may replace the message
                run();
                return;
            }
    });
    detailsButton_ = new QToolButton(this);
    detailsButton_->setObjectName(QStringLiteral("errorDetails"));
    detailsButton_->setText(tr("Details"));
    detailsButton_->setCheckable(true);
    detailsButton_->setToolTip(tr("Show what exactly went wrong, for a bug report or a search"));
    detailsButton_->setVisible(false);
    detailsLabel_ = new QLabel(this);
    detailsLabel_->setObjectName(QStringLiteral("errorDetailsText"));
    detailsLabel_->setWordWrap(true);
    detailsLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLabel_->setVisible(false);
    connect(detailsButton_, &QToolButton::toggled, this, &ErrorBanner::refresh);
    auto* row = new QHBoxLayout;
    row->addWidget(label_, 1);
    row->addWidget(detailsButton_, 0, Qt::AlignTop);
    row->addWidget(action_, 0, Qt::AlignTop);
    row->addWidget(close_, 0, Qt::AlignTop);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 4, 6, 4);
    column->addLayout(row);
    column->addWidget(detailsLabel_);
    setVisible(false);
}

void ErrorBanner::showMessage(Topic topic, const QString& message, const QString& actionText, std::function<void()> action) {
    showMessage(topic, message);
    actions_.insert(topic, Action{actionText, std::move(action)});
    refresh();
}

QString ErrorBanner::actionText() const { return action_->isHidden() || isHidden() ? QString() : action_->text(); }

void ErrorBanner::showDetailedMessage(Topic topic, const QString& message, const QString& details) {
    showMessage(topic, message);
    if (!details.isEmpty())
        details_.insert(topic, details);
    refresh();
}

void ErrorBanner::showMessage(Topic topic, const QString& message) {
    actions_.remove(topic);
    details_.remove(topic);
    // The same text under another topic would be a duplicate line: it moves to this topic.
    for (auto it = messages_.begin(); it != messages_.end();)
        it = it.value() == message ? messages_.erase(it) : std::next(it);
    messages_.insert(topic, message);
    refresh();
}

void ErrorBanner::clearTopic(Topic topic) {
    actions_.remove(topic);
    details_.remove(topic);
    if (messages_.remove(topic) > 0)
        refresh();
}

void ErrorBanner::clearAll() {
    messages_.clear();
    actions_.clear();
    details_.clear();
    refresh();
}

QString ErrorBanner::text() const { return isHidden() ? QString() : label_->text(); }

QString ErrorBanner::detailsText() const {
    QStringList shown;
    for (auto it = details_.cbegin(); it != details_.cend(); ++it)
        if (messages_.contains(it.key()))
            shown << it.value();
    return shown.join(QStringLiteral("\n\n"));
}

void ErrorBanner::refresh() {
    label_->setText(QStringList(messages_.cbegin(), messages_.cend()).join(QLatin1Char('\n')));
    QString action;
    for (auto it = actions_.cbegin(); it != actions_.cend() && action.isEmpty(); ++it)
        if (messages_.contains(it.key()))
            action = it->text;
    action_->setText(action);
    action_->setVisible(!action.isEmpty());
    const QString details = detailsText();
    detailsLabel_->setText(details);
    detailsButton_->setVisible(!details.isEmpty());
    detailsLabel_->setVisible(!details.isEmpty() && detailsButton_->isChecked());
    setVisible(!messages_.isEmpty());
}

} // namespace i2v::ui
