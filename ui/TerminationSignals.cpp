#include "ui/TerminationSignals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace i2v::ui {
namespace {

constexpr int kSignals[] = {SIGTERM, SIGHUP, SIGINT};
// The handler's only way out: the write end of the pair (-1 while no instance exists).
volatile sig_atomic_t writeEnd = -1;
int readEnd = -1;

void onSignal(int number) {
    const int saved = errno;
    const unsigned char byte = static_cast<unsigned char>(number);
    if (writeEnd >= 0) {
        const ssize_t written = ::write(writeEnd, &byte, 1);  // a full pair: a signal is already on its way
        static_cast<void>(written);
    }
    errno = saved;
}

} // namespace

TerminationSignals::TerminationSignals(QObject* parent) : QObject(parent) {
    int pair[2];
    if (writeEnd >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return;  // another instance has them, or no descriptors: the signals keep their default action
    readEnd = pair[0];
    writeEnd = pair[1];
    notifier_ = new QSocketNotifier(readEnd, QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        if (::read(readEnd, &byte, 1) == 1)
            emit received(byte);
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : kSignals)
        ::sigaction(number, &action, nullptr);
}

TerminationSignals::~TerminationSignals() {
    if (!notifier_)
        return;
    for (const int number : kSignals)
        ::signal(number, SIG_DFL);
    const int w = writeEnd;
    writeEnd = -1;
    delete notifier_;
    ::close(w);
    ::close(readEnd);
    readEnd = -1;
}

} // namespace i2v::ui
