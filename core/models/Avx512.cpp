#include "models/Avx512.h"

#include "util/CpuFeatures.h"

namespace i2v::avx512 {

bool available() {
    // The processor does not change while the process runs: read CPUID once.
    static const bool avx512 = detectCpuFeatures().avx512;
    return avx512;
}

} // namespace i2v::avx512
