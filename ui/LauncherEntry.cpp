#include "ui/LauncherEntry.h"

#include <QDBusMessage>
#include <QGuiApplication>
#include <QVariantMap>

#include <algorithm>

namespace i2v::ui {

LauncherEntry::LauncherEntry(QObject* parent) : LauncherEntry(QDBusConnection::sessionBus(), parent) {}

LauncherEntry::LauncherEntry(const QDBusConnection& bus, QObject* parent) : QObject(parent), bus_(bus) {}

QString LauncherEntry::applicationUri() {
    return QStringLiteral("application://%1.desktop").arg(QGuiApplication::desktopFileName());
}

void LauncherEntry::update(std::optional<double> fraction, int count) {
    if (fraction)
        fraction = std::clamp(*fraction, 0.0, 1.0);
    // One signal per change the icon would show: a job's steps send one each, not one per repaint.
    if (!bus_.isConnected() || QGuiApplication::desktopFileName().isEmpty() ||
        (fraction == sentFraction_ && count == sentCount_))
        return;
    sentFraction_ = fraction;
    sentCount_ = count;
    QVariantMap properties;
    properties.insert(QStringLiteral("progress-visible"), fraction.has_value());
    properties.insert(QStringLiteral("progress"), fraction.value_or(0.0));
    properties.insert(QStringLiteral("count-visible"), count > 0);
    properties.insert(QStringLiteral("count"), qint64(count));
    // Listeners match the interface and member, not the path; any path of this app's will do.
    QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/io/github/i2vstudio/LauncherEntry"),
                                                     QStringLiteral("com.canonical.Unity.LauncherEntry"),
                                                     QStringLiteral("Update"));
    signal << applicationUri() << properties;
    bus_.send(signal);
}

} // namespace i2v::ui
