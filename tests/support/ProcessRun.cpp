#include "support/ProcessRun.h"

#include "support/TestData.h"

namespace i2v::test {

ProcessRun finishProcess(QProcess& p, int timeoutMs) {
    ProcessRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

ProcessRun runCli(const QStringList& args, const QProcessEnvironment& env, int timeoutMs) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QString::fromStdString(cliPath().string()), args);
    return finishProcess(p, timeoutMs);
}

QProcessEnvironment hubTestEnvironment(const QString& cache, const QString& home) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "HF_HOME", "HUGGINGFACE_HUB_CACHE",
                          "HF_ENDPOINT", "PYTHONPATH", "PYTHONHOME", "https_proxy", "HTTPS_PROXY", "http_proxy",
                          "HTTP_PROXY", "all_proxy", "ALL_PROXY"})
        env.remove(v);
    env.insert("HF_HUB_CACHE", cache);
    env.insert("HF_HOME", home + "/hf-home");
    env.insert("XDG_DATA_HOME", home + "/xdg-data");
    return env;
}

} // namespace i2v::test
