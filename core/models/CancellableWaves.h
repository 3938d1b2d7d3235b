// Units of work shared out over libtorch's threads in waves, with a cancel check before each wave.
//
// Like ParallelChunks.h, a file that uses this runs its units in parallel only when it is itself compiled with
// OpenMP (core/CMakeLists.txt lists those files), else serially.
#pragma once
#include "models/CancellableSlices.h"
#include "models/ParallelChunks.h"
#include "models/ParallelMatmul.h"
#include "util/CancelToken.h"

#include <algorithm>
#include <cstdint>

namespace i2v {

// Runs `block(unit, thread)` for units [0, units), threads sharing waves of at most kFlopsBetweenCancelChecks
// (`unitFlops` each), the token checked before each wave. `thread` is in [0, parallelMatmulThreads()), for
// buffers of each thread's own; a BLAS that is threaded itself gets the units one at a time (ParallelMatmul.h).
template <typename Block>
void runInWaves(int64_t units, double unitFlops, const CancelToken* cancel, const Block& block) {
    const int64_t threads = parallelMatmulThreads();
    int64_t wave = std::max<int64_t>(1, int64_t(kFlopsBetweenCancelChecks / unitFlops));
    wave = std::max(threads, wave - wave % threads);
    for (int64_t start = 0; start < units; start += wave) {
        throwIfCancelled(cancel);
        const int64_t end = std::min(units, start + wave);
        const auto run = [&](int64_t begin, int64_t stop) {
            const int64_t thread = threads > 1 ? at::get_thread_num() : 0;
            for (int64_t u = begin; u < stop; ++u)
                block(u, thread);
        };
        if (threads > 1)
            parallelChunks(end - start, 1, [&](int64_t b, int64_t e) { run(start + b, start + e); });
        else
            run(start, end);
    }
}

} // namespace i2v
