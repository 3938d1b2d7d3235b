// ErrorBanner: the red strip above the window's content. Each message belongs to the situation it reports
// (a picture, the model, a job, an unsaved result, an export, anything else); a new message about a situation replaces the
// old one and the same text is never shown twice, so the banner never stacks. The window withdraws a
// message when its situation is fixed (the model loads, a job starts), and the close button dismisses all.
// A message may keep its technical detail (the engine's words: file names, formats, decoder errors) under a
// Details button, so that the banner itself says in plain words what happened and what to do.
#pragma once
#include <QFrame>
#include <QMap>
#include <QString>

#include <functional>

class QLabel;
class QToolButton;

namespace i2v::ui {

class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    enum class Topic { Picture, Model, Job, Output, Export, Other };

    explicit ErrorBanner(QWidget* parent = nullptr);

    void showMessage(Topic topic, const QString& message);
    // The same with a button beside the text (such as "Save as…") that runs `action`; the button goes
    // with the message.
    void showMessage(Topic topic, const QString& message, const QString& actionText, std::function<void()> action);
    // The same with `details` under the Details button.
    void showDetailedMessage(Topic topic, const QString& message, const QString& details);
    QString actionText() const;  // the button's text; empty when no shown message has one
    void clearTopic(Topic topic);
    void clearAll();
    // Every message shown, one a line; empty when the banner is hidden.
    QString text() const;
    // The details of the shown messages that have them (whether Details is open or not).
    QString detailsText() const;

private:
    void refresh();

    struct Action {
        QString text;
        std::function<void()> run;
    };
    QMap<Topic, QString> messages_;
    QMap<Topic, Action> actions_;
    QMap<Topic, QString> details_;
    QToolButton* action_;
    QToolButton* detailsButton_;
    QLabel* label_;
    QLabel* detailsLabel_;
    QToolButton* close_;
};

} // namespace i2v::ui
