// The stand-in Hugging Face Hub of the tests (tests/support/hub_server.py, Python's standard library only):
// started on 127.0.0.1 with the tiny model published as a repo (with .fp16 twins and a models/ folder that must
// never be fetched), LFS files redirected to a second port, faults on demand. Stopped (stdin closed, then
// killed) when this object goes away. Nothing here reaches any other address.
#pragma once
#include <QProcess>
#include <QString>
#include <QStringList>

namespace i2v::test {

class HubServer {
public:
    // `extraArgs` go to hub_server.py (e.g. {"--gated", "--token", "s3cret"} or {"--fault", "kind=cut,..."}).
    explicit HubServer(const QStringList& extraArgs = {}, const QString& repo = QStringLiteral("ali-vilab/i2vgen-xl"));
    ~HubServer();
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    bool ok() const { return hubPort_ > 0; }
    QString error() const { return error_; }
    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(hubPort_); }
    QString commit() const { return commit_; }
    int cdnPort() const { return cdnPort_; }

    // POST /__fault with a JSON object (see hub_server.py), POST /__reset; GET /__log as a JSON array text.
    bool addFault(const QString& json);
    bool reset();
    QByteArray log();

private:
    QByteArray request(const QString& method, const QString& path, const QByteArray& body);
    QProcess process_;
    int hubPort_ = 0;
    int cdnPort_ = 0;
    QString commit_;
    QString error_;
};

} // namespace i2v::test
