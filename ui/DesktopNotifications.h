// DesktopNotifications: the desktop's notification bubbles, through the freedesktop.org Desktop Notifications
// protocol on the session D-Bus (served by GNOME Shell, KDE Plasma, Xfce, Cinnamon, MATE, mako, dunst, …).
// Every call is asynchronous, so a slow or missing notification server never holds up the window; without a
// session bus or a server a notice is simply not shown. Each object shows one notice at a time: the next replaces
// it. Clicking it (its default action) emits activated().
#pragma once
#include <QDBusConnection>
#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QDBusPendingCallWatcher;

namespace i2v::ui {

class DesktopNotifications : public QObject {
    Q_OBJECT
public:
    struct Notice {
        QString summary;  // one line: what happened
        QString body;     // plain text; escaped here where the server reads markup
        QImage image;     // shown beside the text where the server shows images (scaled down here)
    };

    // On `bus`; the session bus by default.
    explicit DesktopNotifications(QObject* parent = nullptr);
    explicit DesktopNotifications(const QDBusConnection& bus, QObject* parent = nullptr);

    void show(const Notice& notice);
    // The server's answer so far: whether a notice was accepted (false before the first answer or without a server).
    bool lastShown() const { return lastId_ != 0; }

    static constexpr int kMaxImageSide = 256;

signals:
    void activated();  // the user clicked the notice

private slots:
    void onActionInvoked(uint id, const QString& action);

private:
    void send(const Notice& notice);
    void onCapabilities(QDBusPendingCallWatcher* call);

    QDBusConnection bus_;
    std::optional<QStringList> capabilities_;  // once the server said what it does
    std::optional<Notice> waiting_;            // the notice to send when capabilities_ arrive
    bool askingCapabilities_ = false;
    uint lastId_ = 0;  // the shown notice's id, which the next one replaces
};

} // namespace i2v::ui
