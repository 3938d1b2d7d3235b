// Ctrl-C / SIGTERM cancel a command's CancelToken while the guard lives (the handler only touches the token's
// lock-free atomic); the command then stops cleanly and exits 130.
#pragma once
#include "util/CancelToken.h"

#include <csignal>

namespace i2v::cli {

class InterruptGuard {
public:
    explicit InterruptGuard(CancelToken& token);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    struct sigaction previousInt_ {};
    struct sigaction previousTerm_ {};
};

} // namespace i2v::cli
