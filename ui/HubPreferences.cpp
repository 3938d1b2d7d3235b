#include "ui/HubPreferences.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace i2v::ui {

hub::HubSettings HubPreferences::toHubSettings() const {
    hub::HubSettings s = hub::HubSettings::fromEnvironment();
    QString ep = endpoint.trimmed();
    while (ep.endsWith(QLatin1Char('/')))
        ep.chop(1);
    if (!ep.isEmpty())
        s.endpoint = ep.toStdString();
    if (const QString t = token.trimmed(); !t.isEmpty())
        s.token = t.toStdString();
    if (const QString c = cacheDir.trimmed(); !c.isEmpty())
        s.cacheDir = QFileInfo(QDir::fromNativeSeparators(c)).filesystemAbsoluteFilePath();
    return s;
}

QString HubPreferences::tokenFilePath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/hub-token");
}

QString HubPreferences::readToken() {
    QFile f(tokenFilePath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readLine(4096)).trimmed();
}

QString HubPreferences::writeToken(const QString& token) {
    const QString path = tokenFilePath();
    const QString t = token.trimmed();
    if (t.isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path))
            return QCoreApplication::translate("i2v::ui::HubPreferences", "the stored access token %1 cannot be removed").arg(QDir::toNativeSeparators(path));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return QCoreApplication::translate("i2v::ui::HubPreferences", "the folder of %1 cannot be created").arg(QDir::toNativeSeparators(path));
    // QSaveFile writes a temporary file and renames it: the permissions are set before a byte of the token
    // is in it, and a reader never sees half a token.
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return QCoreApplication::translate("i2v::ui::HubPreferences", "%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), f.errorString());
    f.write(t.toUtf8() + '\n');
    if (!f.commit())
        return QCoreApplication::translate("i2v::ui::HubPreferences", "%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), f.errorString());
    return {};
}

} // namespace i2v::ui
