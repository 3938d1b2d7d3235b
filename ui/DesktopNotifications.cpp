#include "ui/DesktopNotifications.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QVariantMap>

namespace i2v::ui {
namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kDefaultAction = QStringLiteral("default");

// The specification's "image-data" hint, D-Bus type (iiibiiay): RGB(A) rows of 8-bit samples.
struct ImageData {
    int width = 0;
    int height = 0;
    int rowStride = 0;
    bool hasAlpha = false;
    int bitsPerSample = 8;
    int channels = 3;
    QByteArray data;
};

QDBusArgument& operator<<(QDBusArgument& a, const ImageData& i) {
    a.beginStructure();
    a << i.width << i.height << i.rowStride << i.hasAlpha << i.bitsPerSample << i.channels << i.data;
    a.endStructure();
    return a;
}

const QDBusArgument& operator>>(const QDBusArgument& a, ImageData& i) {
    a.beginStructure();
    a >> i.width >> i.height >> i.rowStride >> i.hasAlpha >> i.bitsPerSample >> i.channels >> i.data;
    a.endStructure();
    return a;
}

ImageData imageData(const QImage& image) {
    QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    if (rgb.width() > DesktopNotifications::kMaxImageSide || rgb.height() > DesktopNotifications::kMaxImageSide)
        rgb = rgb.scaled(DesktopNotifications::kMaxImageSide, DesktopNotifications::kMaxImageSide, Qt::KeepAspectRatio,
                         Qt::SmoothTransformation);
    ImageData d;
    d.width = rgb.width();
    d.height = rgb.height();
    d.rowStride = int(rgb.bytesPerLine());
    d.data = QByteArray(reinterpret_cast<const char*>(rgb.constBits()), int(rgb.sizeInBytes()));
    return d;
}

} // namespace
} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::ImageData)

namespace i2v::ui {

DesktopNotifications::DesktopNotifications(QObject* parent)
    : DesktopNotifications(QDBusConnection::sessionBus(), parent) {}

DesktopNotifications::DesktopNotifications(const QDBusConnection& bus, QObject* parent) : QObject(parent), bus_(bus) {
    qDBusRegisterMetaType<ImageData>();
    if (bus_.isConnected())
        bus_.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                     SLOT(onActionInvoked(uint, QString)));
}

void DesktopNotifications::show(const Notice& notice) {
    if (!bus_.isConnected())
        return;
    if (capabilities_) {
        send(notice);
        return;
    }
    // Whether the body may hold markup (then a prompt's "<" and "&" must be escaped) is the server's to say.
    waiting_ = notice;
    if (askingCapabilities_)
        return;
    askingCapabilities_ = true;
    const QDBusMessage ask = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("GetCapabilities"));
    auto* call = new QDBusPendingCallWatcher(bus_.asyncCall(ask), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, &DesktopNotifications::onCapabilities);
}

void DesktopNotifications::onCapabilities(QDBusPendingCallWatcher* call) {
    call->deleteLater();
    askingCapabilities_ = false;
    const QDBusPendingReply<QStringList> reply = *call;
    if (reply.isError()) {  // no server now; the next notice asks again
        waiting_.reset();
        return;
    }
    capabilities_ = reply.value();
    if (waiting_) {
        const Notice notice = *waiting_;
        waiting_.reset();
        send(notice);
    }
}

void DesktopNotifications::send(const Notice& notice) {
    const bool markup = capabilities_->contains(QStringLiteral("body-markup"));
    QVariantMap hints;
    // The installed .desktop file (packaging/linux): the server names the app and groups its notices by it.
    const QString desktopEntry = QGuiApplication::desktopFileName();
    if (!desktopEntry.isEmpty())
        hints.insert(QStringLiteral("desktop-entry"), desktopEntry);
    if (!notice.image.isNull())
        hints.insert(QStringLiteral("image-data"), QVariant::fromValue(imageData(notice.image)));
    QStringList actions;
    if (capabilities_->contains(QStringLiteral("actions")))
        actions << kDefaultAction << tr("Show");
    QDBusMessage message = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    message << QGuiApplication::applicationDisplayName() << lastId_ << desktopEntry << notice.summary
            << (markup ? notice.body.toHtmlEscaped() : notice.body) << actions << hints << int(-1);
    auto* call = new QDBusPendingCallWatcher(bus_.asyncCall(message), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* c) {
        c->deleteLater();
        const QDBusPendingReply<uint> reply = *c;
        lastId_ = reply.isError() ? 0 : reply.value();
    });
}

void DesktopNotifications::onActionInvoked(uint id, const QString& action) {
    if (id == 0 || id != lastId_ || action != kDefaultAction)
        return;
    // Done with: some servers keep a clicked notice on screen until told.
    bus_.asyncCall(QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("CloseNotification")) << id);
    lastId_ = 0;
    emit activated();
}

} // namespace i2v::ui
