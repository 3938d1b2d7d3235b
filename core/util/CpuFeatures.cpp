#include "util/CpuFeatures.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <cpuid.h>
#endif

#include <cstdint>

namespace i2v {

#if defined(__x86_64__) || defined(_M_X64)
namespace {

struct CpuidRegisters {
    uint32_t eax = 0, ebx = 0, ecx = 0, edx = 0;
};

CpuidRegisters cpuid(uint32_t leaf, uint32_t subleaf) {
    CpuidRegisters r;
    if (!__get_cpuid_count(leaf, subleaf, &r.eax, &r.ebx, &r.ecx, &r.edx))
        return {};
    return r;
}

// XCR0: which register states the OS saves on a context switch. An instruction set whose registers the
// OS does not save faults, whatever CPUID says (a VM or kernel can switch AVX-512 or AMX off this way).
uint64_t enabledRegisterStates() {
    uint32_t eax = 0, edx = 0;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (uint64_t(edx) << 32) | eax;
}

bool bit(uint32_t value, int n) { return (value >> n) & 1u; }

} // namespace

CpuFeatures detectCpuFeatures() {
    CpuFeatures f;
    const CpuidRegisters basic = cpuid(1, 0);
    if (!bit(basic.ecx, 27))  // OSXSAVE: without it XGETBV is not there and no AVX state is saved
        return f;
    const uint64_t xcr0 = enabledRegisterStates();
    const bool ymmSaved = (xcr0 & 0x6) == 0x6;             // SSE + AVX state
    const bool zmmSaved = ymmSaved && (xcr0 & 0xe0) == 0xe0;  // opmask + upper zmm halves + zmm16-31
    const bool tilesSaved = (xcr0 & 0x60000) == 0x60000;   // XTILECFG + XTILEDATA
    const uint32_t maxLeaf = cpuid(0, 0).eax;
    if (maxLeaf < 7)
        return f;
    const CpuidRegisters ext = cpuid(7, 0);
    f.avx2 = ymmSaved && bit(ext.ebx, 5);
    // F, DQ, BW, VL: the subset oneDNN's and ATen's AVX-512 kernels require.
    f.avx512 = zmmSaved && bit(ext.ebx, 16) && bit(ext.ebx, 17) && bit(ext.ebx, 30) && bit(ext.ebx, 31);
    f.amxBf16 = tilesSaved && bit(ext.edx, 24) && bit(ext.edx, 22);  // AMX-TILE + AMX-BF16
    if (ext.eax >= 1)
        f.avx512Bf16 = f.avx512 && bit(cpuid(7, 1).eax, 5);
    return f;
}

#else

CpuFeatures detectCpuFeatures() { return {}; }

#endif

std::string describeCpuFeatures(const CpuFeatures& f) {
    std::string s;
    const auto add = [&s](bool present, const char* name) {
        if (!present)
            return;
        if (!s.empty())
            s += ", ";
        s += name;
    };
    add(f.avx2, "AVX2");
    add(f.avx512, "AVX-512");
    add(f.avx512Bf16, "AVX512-BF16");
    add(f.amxBf16, "AMX-BF16");
    return s.empty() ? "no AVX2" : s;
}

bool bf16ProductsFasterInFloat(const CpuFeatures& f) {
#if defined(__x86_64__) || defined(_M_X64)
    // AVX-512 is checked as well: oneDNN's bf16 paths need it even beside AMX tiles (libtorch's dispatch asks for it).
    return !(f.avx512 && f.fastBf16());
#else
    return false;
#endif
}

} // namespace i2v
