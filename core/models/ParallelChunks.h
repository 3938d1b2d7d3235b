// at::parallel_for with the caller's thread-local state (InferenceMode, grad mode) in every worker.
//
// Why: libtorch 1.13's OpenMP workers start without it, and an in-place or out= op on an inference tensor then
// throws there. at::parallel_for is a header template: a file that uses this runs its chunks in parallel only
// when it is itself compiled with OpenMP (core/CMakeLists.txt lists those files), else serially.
#pragma once
#include <ATen/Parallel.h>
#include <ATen/ThreadLocalState.h>

#include <cstdint>

namespace i2v {

template <typename F>
void parallelChunks(int64_t end, int64_t grain, const F& chunk) {
    const at::ThreadLocalState caller;
    at::parallel_for(0, end, grain, [&](int64_t begin, int64_t stop) {
        at::ThreadLocalStateGuard guard(caller);
        chunk(begin, stop);
    });
}

} // namespace i2v
