#include "util/Runtime.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <dlfcn.h>
#include <climits>
#include <cstdlib>
#include <thread>

namespace i2v {

int configureThreads(int threads) {
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(threads);
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
    // Debian's alternatives: netlib's reference BLAS lives in .../blas/, OpenBLAS in .../openblas-*/.
    info.referenceBlas = info.blasLibrary.find("/blas/") != std::string::npos &&
                         info.blasLibrary.find("openblas") == std::string::npos;
    info.cudaAvailable = torch::cuda::is_available();
    return info;
}

std::string describeRuntime(const RuntimeInfo& info) {
    std::string s = "libtorch " + info.torchVersion + ", " + std::to_string(info.threads) + " thread" +
                    (info.threads == 1 ? "" : "s") + ", BLAS: " + info.blasLibrary;
    if (info.referenceBlas)
        s += " (reference BLAS: slow; install libopenblas0-pthread)";
    s += info.cudaAvailable ? ", CUDA available" : ", CPU only";
    return s;
}

} // namespace i2v
