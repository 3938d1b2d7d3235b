// LauncherEntry: the app's progress bar and count on its task bar or dock icon, through the launcher-entry D-Bus
// signal (com.canonical.Unity.LauncherEntry) that KDE Plasma's task manager, Ubuntu's dock, Dash to Dock, Plank and
// Latte read. A signal nobody listens to costs nothing; without a session bus nothing is sent.
#pragma once
#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <optional>

namespace i2v::ui {

class LauncherEntry : public QObject {
    Q_OBJECT
public:
    // On `bus` (the session bus by default), for the installed .desktop file QGuiApplication::desktopFileName() names.
    explicit LauncherEntry(QObject* parent = nullptr);
    explicit LauncherEntry(const QDBusConnection& bus, QObject* parent = nullptr);

    // `fraction` in [0, 1], or none to hide the bar; `count` jobs on the icon's badge, hidden at 0.
    void update(std::optional<double> fraction, int count);

    // "application://<desktop file>", the entry the signal is for.
    static QString applicationUri();

private:
    QDBusConnection bus_;
    std::optional<double> sentFraction_;
    int sentCount_ = -1;
};

} // namespace i2v::ui
