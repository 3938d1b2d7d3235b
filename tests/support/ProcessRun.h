// Running a program the way the e2e tests do: its exit code and both outputs, killed after a timeout; the
// built `i2v` by name. Also the environment for tests of the model hub: the machine's HF_* variables, token
// and proxies removed, the cache and homes pointed at the test's folders.
#pragma once
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace i2v::test {

struct ProcessRun {
    int exitCode = -1;    // -1: crashed or timed out
    QByteArray out;
    QByteArray err;
};

// Waits for a started process; kills it after `timeoutMs` (err then says "timed out").
ProcessRun finishProcess(QProcess& p, int timeoutMs);
ProcessRun runCli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                  int timeoutMs = 120000);

// HF_HUB_CACHE=`cache`, HF_HOME and XDG_DATA_HOME under `home` (no token file or app models of the machine).
QProcessEnvironment hubTestEnvironment(const QString& cache, const QString& home);

} // namespace i2v::test
