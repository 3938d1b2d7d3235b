// Cooperative cancellation shared by a job and whoever may stop it (UI thread, Ctrl-C handler).
// Long operations call throwIfCancelled() between units of work (UNet calls, VAE chunks, encoded frames).
#pragma once
#include "util/Errors.h"

#include <atomic>

namespace i2v {

class CancelToken {
public:
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    void reset() noexcept { cancelled_.store(false, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }
    void throwIfCancelled() const {
        if (isCancelled())
            throw Cancelled();
    }

private:
    std::atomic<bool> cancelled_{false};
};

} // namespace i2v
