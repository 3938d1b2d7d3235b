// ApplicationService: one I2V Studio per desktop session. The first window owns the app id's name on the session
// D-Bus and serves freedesktop.org's org.freedesktop.Application there (Activate, Open, ActivateAction: what
// GApplication and DBusActivatable desktop entries speak). A later start — "Open with I2V Studio" from a file
// manager, the launcher clicked again — hands its picture to that window and exits, instead of loading the
// model a second time (5-10 GB with the real weights) and competing with a running job for the processor.
// Without a session bus every start is a window of its own, as before.
#pragma once
#include <QDBusConnection>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

namespace i2v::ui {

class MainWindow;

class ApplicationService : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Application")
public:
    // Tries to own `appId` (e.g. io.github.i2vstudio.I2VStudio) on `bus`.
    ApplicationService(const QDBusConnection& bus, const QString& appId, QObject* parent = nullptr);
    ~ApplicationService() override;

    bool isPrimary() const { return primary_; }        // this process serves the name
    bool anotherIsRunning() const { return another_; } // another process does

    // The object path the spec derives from the app id: /io/github/i2vstudio/I2VStudio.
    static QString objectPath(const QString& appId);

    // Asks the instance that runs (anotherIsRunning) to open `picture` (a path; empty: just come to the front).
    // True when it answered within a few seconds; false leaves this start to open its own window.
    bool forward(const QString& picture, QString* error = nullptr) const;

signals:
    void activateRequested();                     // come to the front
    void openRequested(const QString& picture);   // a local file to start from

public slots:  // org.freedesktop.Application, called over D-Bus
    void Activate(const QVariantMap& platformData);
    void Open(const QStringList& uris, const QVariantMap& platformData);
    void ActivateAction(const QString& name, const QVariantList& parameter, const QVariantMap& platformData);

private:
    QDBusConnection bus_;
    QString appId_;
    bool primary_ = false;
    bool another_ = false;
};

// The window's answers: Activate brings `window` to the front; Open also loads the picture into it (what cannot
// be read shows in the window, as a dropped file's error does).
void serveWindow(ApplicationService& service, MainWindow& window);

} // namespace i2v::ui
