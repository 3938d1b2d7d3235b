// TerminationSignals: SIGTERM (a logout, a shutdown, `kill`), SIGHUP (the terminal the app was started from closed)
// and SIGINT (Ctrl-C there) reach the app as a Qt signal on its UI thread, so that it can close as its window's
// close button does: the running job stops at its next check and keeps its progress for the next start, the
// settings are saved. Without it those signals end the process where it stands, losing the job's last steps. A
// signal handler may only write to a descriptor: it writes the signal's number to a socket pair whose other end a
// QSocketNotifier reads. One instance a process (the handlers are the process's); the default handlers come back
// when it is destroyed.
#pragma once
#include <QObject>

class QSocketNotifier;

namespace i2v::ui {

class TerminationSignals : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;

signals:
    void received(int signalNumber);

private:
    QSocketNotifier* notifier_ = nullptr;
};

} // namespace i2v::ui
