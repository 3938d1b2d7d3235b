// What this processor offers the CPU kernels libtorch picks from (oneDNN's bf16 and AMX paths, ATen's
// AVX-512 ones), read once from CPUID and the OS's saved-register mask. Shown by `i2v -v` and the
// Settings dialog so that a user knows whether "Fast (bfloat16)" runs on hardware made for it.
#pragma once
#include <string>

namespace i2v {

struct CpuFeatures {
    bool avx2 = false;
    bool avx512 = false;      // AVX-512 F/BW/VL/DQ with the OS saving the zmm registers
    bool avx512Bf16 = false;  // VDPBF16PS: bf16 dot products at twice the fp32 rate
    bool amxBf16 = false;     // AMX tiles with bf16 (Sapphire Rapids and later): several times the fp32 GEMM rate

    // bfloat16 compute has hardware made for it (dot-product instructions or AMX tiles); without them
    // libtorch emulates bf16 with fp32 arithmetic and conversions, slower than fp32 itself.
    bool fastBf16() const { return avx512Bf16 || amxBf16; }
};

// Whether bfloat16 matrix products run faster in fp32 on this processor than through libtorch's bf16 kernels. On
// x86-64 they do wherever there are no bf16 instructions: without AVX-512 (F/BW/VL/DQ) libtorch sends bf16 GEMMs and
// convolutions to ATen's scalar fallbacks (~95x slower than fp32 GEMMs), and with AVX-512 but neither AVX512-BF16
// nor AMX (Skylake-SP to Ice Lake) to oneDNN, which emulates bf16 with conversions around fp32 FMAs (a 1024^3 GEMM
// at a fifth of the fp32 rate on a 2-core Ice Lake; bench/RESULTS.md). models/Bf16Arithmetic.h then computes them
// in fp32. Only known for x86-64; false elsewhere.
bool bf16ProductsFasterInFloat(const CpuFeatures& features);

// This processor's features (all false on a processor other than x86-64).
CpuFeatures detectCpuFeatures();

// "AVX2, AVX-512, AVX512-BF16, AMX-BF16", or "no AVX2" on an older or non-x86 processor.
std::string describeCpuFeatures(const CpuFeatures& features);

} // namespace i2v
