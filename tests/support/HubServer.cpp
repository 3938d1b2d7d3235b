#include "support/HubServer.h"

#include "hub/HttpClient.h"
#include "support/TestData.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>

namespace i2v::test {

HubServer::HubServer(const QStringList& extraArgs, const QString& repo) {
    const QString script = QStringLiteral(I2V_SOURCE_DIR "/tests/support/hub_server.py");
    // The fp16 twins are made once per build tree and reused.
    const QString work = QStringLiteral(I2V_BINARY_DIR "/hub-server-work");
    QStringList args{script,           QStringLiteral("--model"), QString::fromStdString(tinyModelDir().string()),
                     QStringLiteral("--repo"), repo, QStringLiteral("--work"), work, QStringLiteral("--max-seconds"),
                     QStringLiteral("600")};
    args << extraArgs;
    process_.setProcessChannelMode(QProcess::SeparateChannels);
    process_.start(QStringLiteral("python3"), args);
    if (!process_.waitForStarted(10000)) {
        error_ = QStringLiteral("python3 could not be started: ") + process_.errorString();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (timer.elapsed() < 120000 && !out.contains('\n')) {
        if (!process_.waitForReadyRead(1000) && process_.state() != QProcess::Running)
            break;
        out += process_.readAllStandardOutput();
    }
    const auto m = QRegularExpression(QStringLiteral("READY hub=(\\d+) cdn=(\\d+) commit=([0-9a-f]{40})"))
                       .match(QString::fromUtf8(out));
    if (!m.hasMatch()) {
        error_ = QStringLiteral("the stand-in hub did not start: ") + QString::fromUtf8(out) +
                 QString::fromUtf8(process_.readAllStandardError());
        return;
    }
    hubPort_ = m.captured(1).toInt();
    cdnPort_ = m.captured(2).toInt();
    commit_ = m.captured(3);
}

HubServer::~HubServer() {
    if (process_.state() == QProcess::NotRunning)
        return;
    process_.closeWriteChannel();   // the server stops at stdin EOF
    if (!process_.waitForFinished(5000)) {
        process_.kill();
        process_.waitForFinished(5000);
    }
}

QByteArray HubServer::request(const QString& method, const QString& path, const QByteArray& body) {
    hub::HttpClient http("i2v-tests");
    hub::HttpRequest req;
    req.method = method.toStdString();
    req.url = (endpoint() + path).toStdString();
    req.postBody = body.toStdString();
    req.headers = {"Content-Type: application/json"};
    try {
        const hub::HttpResponse r = http.perform(req);
        if (r.status != 200)
            return {};
        return QByteArray::fromStdString(r.body.empty() ? std::string("ok") : r.body);
    } catch (const std::exception&) {
        return {};
    }
}

bool HubServer::addFault(const QString& json) { return !request("POST", "/__fault", json.toUtf8()).isEmpty(); }
bool HubServer::reset() { return !request("POST", "/__reset", "{}").isEmpty(); }
QByteArray HubServer::log() { return request("GET", "/__log", {}); }

} // namespace i2v::test
