#include "BenchSupport.h"

#include "models/ParallelMatmul.h"
#include "util/Errors.h"

#include <ATen/ATen.h>
#include <c10/util/Backtrace.h>

#include <torch/cuda.h>
#ifdef I2V_BENCH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif
#if __has_include(<torch/csrc/autograd/profiler_legacy.h>)
#include <torch/csrc/autograd/profiler_legacy.h>
#define I2V_BENCH_HAVE_PROFILER 1
#endif

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <iomanip>
#include <iostream>
#include <numeric>

namespace i2v::bench {

void synchronize(const c10::Device& device) {
    if (device.is_cuda())
        torch::cuda::synchronize(device.index());
}

void Stopwatch::restart() {
    synchronize(device_);
    start_ = std::chrono::steady_clock::now();
}

double Stopwatch::seconds() const {
    synchronize(device_);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

nlohmann::json summarize(const std::vector<double>& samples) {
    if (samples.empty())
        return nullptr;
    std::vector<double> s = samples;
    std::sort(s.begin(), s.end());
    const size_t n = s.size();
    const double median = n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    return {{"median_s", median},
            {"min_s", s.front()},
            {"max_s", s.back()},
            {"mean_s", std::accumulate(s.begin(), s.end(), 0.0) / double(n)},
            {"n", n},
            {"samples_s", samples}};
}

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

double currentRssMb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

void resetStagePeakRss() {
    std::ofstream("/proc/self/clear_refs") << "5";   // Linux >= 4.0: VmHWM := current RSS
}

double stagePeakRssMb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        status.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    }
    return -1.0;
}

double peakCudaMb(const c10::Device& device) {
#ifdef I2V_BENCH_CUDA
    if (device.is_cuda()) {
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.has_index() ? device.index() : 0);
        // Index 0 is the aggregate over both pools; the same figure as torch.cuda.max_memory_allocated().
        return double(stats.allocated_bytes[0].peak) / (1024.0 * 1024.0);
    }
#endif
    (void)device;
    return -1.0;
}

void profileOnce(const std::string& tracePath, const std::function<void()>& work) {
#ifdef I2V_BENCH_HAVE_PROFILER
    torch::autograd::profiler::RecordProfile profile(tracePath);
    work();
#else
    (void)tracePath;
    (void)work;
    throw InputError("this libtorch has no legacy profiler: --profile is not available");
#endif
}

void resetPeakCuda(const c10::Device& device) {
#ifdef I2V_BENCH_CUDA
    if (device.is_cuda())
        c10::cuda::CUDACachingAllocator::resetPeakStats(device.has_index() ? device.index() : 0);
#endif
    (void)device;
}

namespace {
void printRows(const nlohmann::json& value, const std::string& prefix) {
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string name = prefix.empty() ? it.key() : prefix + "." + it.key();
        if (it.key() == "samples_s" || it.key() == "n" || it.key() == "mean_s")
            continue;
        if (it->is_object()) {
            printRows(*it, name);
        } else if (it->is_number_float()) {
            const double v = it->get<double>();
            std::cout << std::left << std::setw(44) << name << std::right << std::setw(12);
            if (v != 0 && std::abs(v) < 1e-3)  // differences of compare: 4 decimals would show 0.0000
                std::cout << std::scientific << std::setprecision(2) << v << "\n";
            else
                std::cout << std::fixed << std::setprecision(it.key().find("_mb") != std::string::npos ? 1 : 4) << v << "\n";
        } else if (!it->is_array()) {
            std::cout << std::left << std::setw(44) << name << std::right << std::setw(12)
                      << (it->is_string() ? it->get<std::string>() : it->dump()) << "\n";
        }
    }
}
} // namespace

void printTable(const nlohmann::json& result) {
    printRows(result, "");
    std::cout.flush();
}

double gemmFlopsPerSecond(c10::ScalarType dtype, const c10::Device& device, int64_t n) {
    const auto options = at::TensorOptions().dtype(dtype).device(device);
    // The engine's own GEMM path: on the CPU it splits rows over libtorch's threads while OpenBLAS runs one
    // thread per call, so a plain at::mm here would measure one core against a forward that uses them all.
    const auto rate = [&](int64_t size) {
        const at::Tensor a = at::randn({size, size}, options), b = at::randn({size, size}, options);
        at::Tensor c = parallelLinear(a, b, {});  // warm-up: kernels chosen, pages touched
        std::vector<double> times;
        for (int i = 0; i < 3; ++i) {
            Stopwatch call(device);
            c = parallelLinear(a, b, {});
            times.push_back(call.seconds());
        }
        std::sort(times.begin(), times.end());
        return 2.0 * double(size) * double(size) * double(size) / times[1];
    };
    // A dtype without a fast kernel here (bf16 on a CPU without AVX-512 runs ATen's scalar GEMM, ~1 GFLOP/s)
    // would take minutes at 4096: measure small first and grow only when that is quick.
    const int64_t small = std::min<int64_t>(n, 1024);
    const double smallRate = rate(small);
    const double secondsAtN = 2.0 * double(n) * double(n) * double(n) / smallRate;
    return (n == small || secondsAtN > 5.0) ? smallRate : std::max(smallRate, rate(n));
}

void CancelCheckGaps::arm(Clock::time_point from) {
    std::lock_guard lock(mutex_);
    last_ = from;
}

void CancelCheckGaps::onCheck() {
    const Clock::time_point now = Clock::now();
    std::lock_guard lock(mutex_);
    if (!last_)
        return;
    const double gap = std::chrono::duration<double>(now - *last_).count();
    longest_ = std::max(longest_, gap);
    if (traceOver_ > 0 && gap > traceOver_)
        std::cerr << "--- " << gap << " s without a cancel check, ending at:\n" << c10::get_backtrace(1, 24) << "\n";
    last_ = now;
}

double CancelCheckGaps::longest() const {
    std::lock_guard lock(mutex_);
    return longest_;
}

} // namespace i2v::bench
