// Process-level libtorch settings made explicit at start-up: thread count (libtorch starts with 1
// here) and which BLAS library actually serves GEMMs (reference BLAS is 30x slower than OpenBLAS).
#pragma once
#include "util/CpuFeatures.h"

#include <string>

namespace i2v {

struct RuntimeInfo {
    std::string torchVersion;
    int threads = 1;
    std::string blasLibrary;   // resolved path of the library providing sgemm_, or "unknown"
    int blasThreads = 0;         // OpenBLAS's own pool size; 0 when the BLAS is not OpenBLAS
    bool referenceBlas = false;  // true when that is netlib's slow reference BLAS
    bool cudaAvailable = false;
    std::string cudaProblem;  // why there is no CUDA device, in words a user can act on; empty when there is one
    CpuFeatures cpu;
    bool hugePages = false;  // large tensors on transparent huge pages (useHugePagesForLargeTensors)
};

// Sets intra-op threads to `threads`, or to the number of cores when 0. Returns the count in effect.
int configureThreads(int threads = 0);

// OpenBLAS's own thread pool size now; 0 when the BLAS is not OpenBLAS.
int openBlasThreads();

RuntimeInfo runtimeInfo();

// Why this process cannot use CUDA, in words a user can act on (a CPU-only libtorch, or no GPU and driver);
// empty when it can.
std::string cudaProblem();

// TF32 for CUDA matmuls and convolutions (Ampere and later): several times faster in fp32, ~1e-3 relative
// error. A libtorch process setting (like the thread count); on by default for fp32 on CUDA, off for
// checks that compare a GPU's fp32 with the CPU's.
void setCudaTf32(bool allowed);

// One line for logs and --verbose: "libtorch 1.13.0, 2 threads, BLAS: /usr/lib/.../libopenblas.so.0, CPU: AVX2, ...".
std::string describeRuntime(const RuntimeInfo& info);

} // namespace i2v
