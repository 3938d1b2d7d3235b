#include "InterruptGuard.h"

namespace i2v::cli {
namespace {

CancelToken* g_interruptToken = nullptr;  // written only while no handler is installed

extern "C" void onInterrupt(int) {
    if (g_interruptToken)
        g_interruptToken->cancel();
}

} // namespace

InterruptGuard::InterruptGuard(CancelToken& token) {
    g_interruptToken = &token;
    struct sigaction sa {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &previousInt_);
    sigaction(SIGTERM, &sa, &previousTerm_);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &previousInt_, nullptr);
    sigaction(SIGTERM, &previousTerm_, nullptr);
    g_interruptToken = nullptr;
}

} // namespace i2v::cli
