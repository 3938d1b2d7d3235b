// CPU feature detection agrees with what the Linux kernel reports in /proc/cpuinfo: the kernel lists a
// flag only when the processor has it and the kernel saves its registers, the same two conditions the
// detector checks with CPUID and XGETBV.
#include "util/CpuFeatures.h"
#include "util/Runtime.h"

#include <fstream>
#include <set>
#include <sstream>

using namespace i2v;

namespace {

// The flags of the first processor in /proc/cpuinfo; empty when there is none (not Linux).
std::set<std::string> kernelCpuFlags() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("flags", 0) != 0)
            continue;
        std::istringstream words(line.substr(line.find(':') + 1));
        std::set<std::string> flags;
        for (std::string w; words >> w;)
            flags.insert(w);
        return flags;
    }
    return {};
}

} // namespace

class TestCpuFeatures : public QObject {
    Q_OBJECT
private slots:
    void matchesTheKernelsFlags() {
        const std::set<std::string> flags = kernelCpuFlags();
        if (flags.empty())
            QSKIP("no /proc/cpuinfo flags on this system");
#if !(defined(__x86_64__) || defined(_M_X64))
        QSKIP("not an x86-64 processor");
#endif
        const auto has = [&](const char* f) { return flags.count(f) > 0; };
        const CpuFeatures cpu = detectCpuFeatures();
        QCOMPARE(cpu.avx2, has("avx2"));
        QCOMPARE(cpu.avx512, has("avx512f") && has("avx512dq") && has("avx512bw") && has("avx512vl"));
        QCOMPARE(cpu.avx512Bf16, cpu.avx512 && has("avx512_bf16"));
        QCOMPARE(cpu.amxBf16, has("amx_tile") && has("amx_bf16"));
        QCOMPARE(cpu.fastBf16(), cpu.avx512Bf16 || cpu.amxBf16);
    }

    void describedInTheRuntimeLine() {
        CpuFeatures none;
        QCOMPARE(describeCpuFeatures(none), std::string("no AVX2"));
        CpuFeatures all{true, true, true, true};
        QCOMPARE(describeCpuFeatures(all), std::string("AVX2, AVX-512, AVX512-BF16, AMX-BF16"));
        const RuntimeInfo info = runtimeInfo();
        const std::string line = describeRuntime(info);
        QVERIFY2(line.find(", CPU: " + describeCpuFeatures(info.cpu)) != std::string::npos, line.c_str());
    }

    void bf16ProductsInFloatWithoutBf16Instructions() {
        CpuFeatures avx2Only;
        avx2Only.avx2 = true;
        CpuFeatures avx512 = avx2Only;  // Skylake-SP to Ice Lake: oneDNN emulates bf16
        avx512.avx512 = true;
        CpuFeatures avx512Bf16 = avx512;  // Cooper Lake, Zen 4
        avx512Bf16.avx512Bf16 = true;
        CpuFeatures amx = avx512;  // Sapphire Rapids: AMX tiles (with AVX512-BF16 beside them on real parts)
        amx.amxBf16 = true;
        QVERIFY(!bf16ProductsFasterInFloat(avx512Bf16));
        QVERIFY(!bf16ProductsFasterInFloat(amx));
#if defined(__x86_64__) || defined(_M_X64)
        QVERIFY(bf16ProductsFasterInFloat(avx2Only));
        QVERIFY(bf16ProductsFasterInFloat(avx512));
        CpuFeatures tilesWithoutAvx512 = avx2Only;  // no such processor; libtorch would take its scalar fallbacks
        tilesWithoutAvx512.amxBf16 = true;
        QVERIFY(bf16ProductsFasterInFloat(tilesWithoutAvx512));
#else
        QVERIFY(!bf16ProductsFasterInFloat(avx2Only));  // unknown off x86-64: libtorch's own kernels decide
        QVERIFY(!bf16ProductsFasterInFloat(avx512));
#endif
    }
};

QTEST_APPLESS_MAIN(TestCpuFeatures)
#include "tst_cpu_features.moc"
