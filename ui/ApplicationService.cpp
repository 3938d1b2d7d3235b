#include "ui/ApplicationService.h"

#include "ui/BringToFront.h"
#include "ui/DropZone.h"
#include "ui/MainWindow.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QFileInfo>
#include <QUrl>

namespace i2v::ui {

namespace {

const QString kInterface = QStringLiteral("org.freedesktop.Application");
// Long enough for a window whose thread is busy for a moment (a picture decoding); a hung one is given up on.
constexpr int kForwardTimeoutMs = 5000;

} // namespace

ApplicationService::ApplicationService(const QDBusConnection& bus, const QString& appId, QObject* parent)
    : QObject(parent), bus_(bus), appId_(appId) {
    if (!bus_.isConnected() || !bus_.interface())
        return;
    // The object first, so that a call arriving the moment the name is ours finds it.
    if (!bus_.registerObject(objectPath(appId_), this, QDBusConnection::ExportAllSlots))
        return;
    const auto reply = bus_.interface()->registerService(appId_, QDBusConnectionInterface::DontQueueService,
                                                         QDBusConnectionInterface::DontAllowReplacement);
    primary_ = reply.isValid() && reply.value() == QDBusConnectionInterface::ServiceRegistered;
    if (!primary_) {
        bus_.unregisterObject(objectPath(appId_));
        another_ = bus_.interface()->isServiceRegistered(appId_).value();
    }
}

ApplicationService::~ApplicationService() {
    if (primary_) {
        bus_.unregisterObject(objectPath(appId_));
        bus_.interface()->unregisterService(appId_);
    }
}

QString ApplicationService::objectPath(const QString& appId) {
    QString path = QLatin1Char('/') + appId;
    path.replace(QLatin1Char('.'), QLatin1Char('/')).replace(QLatin1Char('-'), QLatin1Char('_'));
    return path;
}

bool ApplicationService::forward(const QString& picture, QString* error) const {
    QDBusMessage call;
    if (picture.isEmpty()) {
        call = QDBusMessage::createMethodCall(appId_, objectPath(appId_), kInterface, QStringLiteral("Activate"));
        call << QVariantMap();
    } else {
        // The running window has another working folder: the picture goes as an absolute file URI.
        const QString uri = QUrl::fromLocalFile(QFileInfo(picture).absoluteFilePath()).toString(QUrl::FullyEncoded);
        call = QDBusMessage::createMethodCall(appId_, objectPath(appId_), kInterface, QStringLiteral("Open"));
        call << QStringList{uri} << QVariantMap();
    }
    const QDBusMessage reply = bus_.call(call, QDBus::Block, kForwardTimeoutMs);
    if (reply.type() == QDBusMessage::ReplyMessage)
        return true;
    if (error)
        *error = reply.errorMessage();
    return false;
}

void ApplicationService::Activate(const QVariantMap&) { emit activateRequested(); }

void ApplicationService::Open(const QStringList& uris, const QVariantMap&) {
    emit activateRequested();
    // The window starts from one picture: the first local file among those given.
    for (const QString& uri : uris) {
        const QUrl url(uri);
        if (url.isLocalFile()) {
            emit openRequested(url.toLocalFile());
            return;
        }
    }
}

void ApplicationService::ActivateAction(const QString&, const QVariantList&, const QVariantMap&) {
    emit activateRequested();  // the desktop entry declares no actions
}

void serveWindow(ApplicationService& service, MainWindow& window) {
    QObject::connect(&service, &ApplicationService::activateRequested, &window, [&window] { bringToFront(&window); });
    QObject::connect(&service, &ApplicationService::openRequested, window.dropZone(),
                     [zone = window.dropZone()](const QString& path) { zone->loadFile(path); });
}

} // namespace i2v::ui
