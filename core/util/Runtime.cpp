#include "util/Runtime.h"

#include "util/HugePageAllocator.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/Config.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include <torch/cuda.h>
#include <torch/version.h>
#include <c10/core/impl/DeviceGuardImplInterface.h>

#include <dlfcn.h>
#include <climits>
#include <cstdlib>
#include <thread>

namespace i2v {

namespace {

// OpenBLAS (pthreads build) keeps its own worker pool beside libtorch's OpenMP pool. With both at
// "all cores" they spin-wait against each other: a full-size UNet forward on 2 cores takes 6.0 s
// with OpenBLAS at 2 threads and 3.7 s at 1 (bench/RESULTS.md). libtorch already parallelises
// around the GEMMs, so OpenBLAS runs single-threaded unless the user set OPENBLAS_NUM_THREADS.
using OpenBlasSetThreads = void (*)(int);
using OpenBlasGetThreads = int (*)();

void configureOpenBlasThreads() {
    if (std::getenv("OPENBLAS_NUM_THREADS") || std::getenv("OMP_NUM_THREADS_BLAS"))
        return;
    if (auto set = reinterpret_cast<OpenBlasSetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(1);
}

// libtorch sets each thread's OpenMP thread count at the thread's first parallel call (at::init_num_threads).
// Once a count was set that means calling at::set_num_threads again, and every such call re-creates caffe2's
// pthreadpool (the pool of QNNPACK/XNNPACK kernels, which this engine does not run), whose fresh worker then
// spin-waits on a core for tens of milliseconds. A small job's process made four pools that way, the last ones
// from this thread and an OpenMP worker in the job's first step, while both cores had work. Making those first
// calls here, on this thread and on the OpenMP workers the job will reuse, leaves nothing for libtorch to set
// later, so that the count can then be set without at::set_num_threads (see configureThreads).
void initialiseLibtorchThreads(int threads) {
    (void)at::get_num_threads();
#ifdef _OPENMP
#pragma omp parallel num_threads(threads)
    (void)at::get_num_threads();
#endif
}

// Whether this libtorch was built with CUDA (a GPU may still be missing).
bool libtorchHasCuda() { return c10::impl::hasDeviceGuardImpl(c10::DeviceType::CUDA); }

} // namespace

int openBlasThreads() {
    // Looked up once: the BLAS library a process runs with does not change.
    static const auto get = reinterpret_cast<OpenBlasGetThreads>(::dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return get ? get() : 0;
}

int configureThreads(int threads) {
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    initialiseLibtorchThreads(threads);
#if AT_PARALLEL_OPENMP && defined(_OPENMP)  // libtorch's backend, and this file built with OpenMP (core/CMakeLists.txt)
    // With OpenMP, at::get_num_threads is this thread's OpenMP team size, which this sets without creating
    // caffe2's pthreadpool twice as at::set_num_threads does (its spinning workers cost a small job ~2 %). Set
    // after the priming above, so that no first libtorch call on this thread overrides it; every thread that runs
    // a job calls this function first.
    omp_set_num_threads(threads);
#else
    at::set_num_threads(threads);
#endif
    configureOpenBlasThreads();
    return at::get_num_threads();
}

static std::string blasLibraryPath() {
    void* sym = ::dlsym(RTLD_DEFAULT, "sgemm_");
    Dl_info info{};
    if (!sym || ::dladdr(sym, &info) == 0 || !info.dli_fname)
        return "unknown";
    char resolved[PATH_MAX];
    if (::realpath(info.dli_fname, resolved))
        return resolved;
    return info.dli_fname;
}

RuntimeInfo runtimeInfo() {
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.threads = at::get_num_threads();
    info.blasLibrary = blasLibraryPath();
    info.blasThreads = openBlasThreads();
    // Debian's alternatives: netlib's reference BLAS lives in .../blas/, OpenBLAS in .../openblas-*/.
    info.referenceBlas = info.blasLibrary.find("/blas/") != std::string::npos &&
                         info.blasLibrary.find("openblas") == std::string::npos;
    info.cudaProblem = cudaProblem();
    info.cudaAvailable = info.cudaProblem.empty();
    info.cpu = detectCpuFeatures();
    info.hugePages = hugePagesForLargeTensors();
    return info;
}

std::string cudaProblem() {
    if (torch::cuda::is_available())
        return {};
    return libtorchHasCuda()
               ? "no NVIDIA GPU with a working driver was found"
               : "this build uses a libtorch without CUDA (Debian's libtorch is CPU-only); a build against a CUDA "
                 "libtorch runs on an NVIDIA GPU (see README, GPU builds)";
}

std::string describeRuntime(const RuntimeInfo& info) {
    std::string s = "libtorch " + info.torchVersion + ", " + std::to_string(info.threads) + " thread" +
                    (info.threads == 1 ? "" : "s") + ", BLAS: " + info.blasLibrary +
                    (info.blasThreads > 0 ? " (" + std::to_string(info.blasThreads) + " thread" +
                                                (info.blasThreads == 1 ? ")" : "s)")
                                          : std::string());
    if (info.referenceBlas)
        s += " (reference BLAS: slow; install libopenblas0-pthread)";
    s += ", CPU: " + describeCpuFeatures(info.cpu);
    if (info.hugePages)
        s += ", large tensors on huge pages";
    // A CUDA build on a machine without a usable GPU says so: "CPU only" alone reads like a CPU-only build.
    if (info.cudaAvailable)
        s += ", CUDA available";
    else
        s += libtorchHasCuda() ? ", CPU only (" + info.cudaProblem + ")" : ", CPU only";
    return s;
}

void setCudaTf32(bool allowed) {
    at::globalContext().setAllowTF32CuBLAS(allowed);
    at::globalContext().setAllowTF32CuDNN(allowed);
}

} // namespace i2v
