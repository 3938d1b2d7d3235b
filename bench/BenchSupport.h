// What every benchmark needs: a wall clock that waits for the device, summaries of repeated samples,
// and the process's memory high-water marks (RSS; CUDA allocator peak on a CUDA build).
#pragma once
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <nlohmann/json.hpp>

#include "util/CancelToken.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace i2v::bench {

// Blocks until queued GPU work is done, so a timestamp means "finished" on CUDA as on the CPU.
void synchronize(const c10::Device& device);

class Stopwatch {
public:
    explicit Stopwatch(c10::Device device = c10::kCPU) : device_(device) { restart(); }
    void restart();
    double seconds() const;  // since construction / restart(), after synchronize()
private:
    c10::Device device_;
    std::chrono::steady_clock::time_point start_;
};

// median / min / max / mean of samples in seconds, with the samples themselves.
nlohmann::json summarize(const std::vector<double>& samples);

double peakRssMb();     // high-water mark of this process (getrusage)
double currentRssMb();  // resident now (/proc/self/statm)
// The kernel's resettable high-water mark (VmHWM), for the peak of one stage: reset before, read after.
// getrusage's peak is not resettable, so peakRssMb() stays the whole run's peak.
void resetStagePeakRss();
double stagePeakRssMb();
// Peak bytes held by the CUDA caching allocator on `device` since the last reset; -1 when not CUDA.
double peakCudaMb(const c10::Device& device);
void resetPeakCuda(const c10::Device& device);

// Runs `work` once more, untimed, under libtorch's op profiler and writes a Chrome trace of every op
// to `tracePath` (bench/profile_summary.py totals it per op). InputError when this libtorch has none.
void profileOnce(const std::string& tracePath, const std::function<void()>& work);

// The machine's matrix-multiply rate in `dtype` on `device`: FLOP/s of an n×n×n product through the engine's
// GEMM path on all of this process's threads (median of a few after a warm-up), the ceiling a model made of
// GEMMs can approach. Measured at 1024 only when n would take more than a few seconds.
double gemmFlopsPerSecond(c10::ScalarType dtype, const c10::Device& device, int64_t n = 4096);

// The longest time between two checks of a job's cancel token once armed, seen from the job's thread: what any
// cancel in that span waits at most. With `traceOver` > 0, the call stack where each longer stretch ended goes
// to stderr (i2v-bench is linked with exported symbols for this).
class CancelCheckGaps : public CancelCheckObserver {
public:
    using Clock = std::chrono::steady_clock;
    explicit CancelCheckGaps(double traceOver = 0) : traceOver_(traceOver) {}
    void arm(Clock::time_point from = Clock::now());
    void onCheck() override;
    double longest() const;

private:
    double traceOver_;
    mutable std::mutex mutex_;
    std::optional<Clock::time_point> last_;
    double longest_ = 0;
};

// Human-readable rows "name  value" from a flat or nested JSON result, for the terminal.
void printTable(const nlohmann::json& result);

} // namespace i2v::bench
