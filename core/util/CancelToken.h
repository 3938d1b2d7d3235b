// Cooperative cancellation shared by a job and whoever may stop it (UI thread, Ctrl-C handler).
// Long operations call throwIfCancelled() between units of work (UNet calls, VAE chunks, encoded frames).
#pragma once
#include "util/Errors.h"

#include <atomic>

namespace i2v {

// Told of every check, on the thread that checks: for measuring how long work runs between two checks (the
// longest wait a cancel can have; `i2v-bench cancel`). Nothing in a job depends on it.
class CancelCheckObserver {
public:
    virtual ~CancelCheckObserver() = default;
    virtual void onCheck() = 0;
};

class CancelToken {
public:
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    void reset() noexcept { cancelled_.store(false, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }
    void throwIfCancelled() const {
        if (checkObserver_)
            checkObserver_->onCheck();
        if (isCancelled())
            throw Cancelled();
    }
    // Set before the job starts (not while it checks); null: none.
    void setCheckObserver(CancelCheckObserver* observer) noexcept { checkObserver_ = observer; }

private:
    std::atomic<bool> cancelled_{false};
    CancelCheckObserver* checkObserver_ = nullptr;
};

// For code that may run without a token.
inline void throwIfCancelled(const CancelToken* cancel) {
    if (cancel)
        cancel->throwIfCancelled();
}

} // namespace i2v
