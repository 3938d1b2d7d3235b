// The CPU allocator that puts large tensors on transparent huge pages: large blocks are 2 MiB-aligned
// mappings the kernel marks for huge pages, small ones stay 64-byte aligned C-library blocks; results of
// libtorch's kernels (oneDNN convolutions, whose scratch buffers use the raw interface, and GEMMs) do not
// change; blocks made before the switch are still freed correctly after it; running out of memory says so
// in the words the pipeline turns into OutOfMemory; freed large blocks keep their pages for the next requests,
// moved rather than fresh where a request is larger, never holding more than the peak in use, all given back on
// request.
#include "support/ProcessMaps.h"
#include "util/HugePageAllocator.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <c10/core/CPUAllocator.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace i2v;

namespace {

bool alignedTo(const void* p, std::uintptr_t to) { return reinterpret_cast<std::uintptr_t>(p) % to == 0; }

constexpr int64_t kBlockFloats = int64_t(kHugePageMinBytes / 4) * 8;  // 32 MiB: sixteen huge pages
constexpr std::size_t kBlockBytes = std::size_t(kBlockFloats) * 4;

// The entries of /proc/self/maps (kernel mappings) that overlap [begin, begin + size).
int mappingsOverlapping(const void* begin, std::size_t size) {
    const auto first = reinterpret_cast<std::uintptr_t>(begin), last = first + size;
    std::ifstream maps("/proc/self/maps");
    int count = 0;
    for (std::string line; std::getline(maps, line);) {
        std::uintptr_t start = 0, end = 0;
        char dash = 0;
        std::istringstream(line) >> std::hex >> start >> dash >> end;
        count += start < last && first < end;
    }
    return count;
}

} // namespace

// Kernels before 6.17 refuse to move a range that spans several mappings (EFAULT), some after unmapping the
// target already. This test program's mremap, which the allocator's calls link to, does the same on any kernel,
// so that the allocator is tested as those kernels run it.
extern "C" void* mremap(void* old, std::size_t oldSize, std::size_t newSize, int flags, ...) noexcept {
    std::va_list rest;
    va_start(rest, flags);
    void* target = (flags & MREMAP_FIXED) ? va_arg(rest, void*) : nullptr;
    va_end(rest);
    if (mappingsOverlapping(old, oldSize) != 1) {
        if (flags & MREMAP_FIXED)
            ::munmap(target, newSize);
        errno = EFAULT;
        return MAP_FAILED;
    }
    return reinterpret_cast<void*>(::syscall(SYS_mremap, old, oldSize, newSize, flags, target));
}

namespace {

// The VmFlags line of the mapping of /proc/self/smaps that contains `address`; empty when none does.
std::string vmFlagsOfMappingAt(const void* address) { return i2v::test::smapsLineOfMappingAt(address, "VmFlags:"); }

} // namespace

class TestHugePageAllocator : public QObject {
    Q_OBJECT
    at::Tensor input_, weight_, convBefore_, mmBefore_, madeBefore_;

private slots:
    void initTestCase() {
        configureThreads(2);
        // Computed with libtorch's own allocator, compared after the switch.
        input_ = at::randn({2, 64, 96, 96});
        weight_ = at::randn({64, 64, 3, 3});
        convBefore_ = at::conv2d(input_, weight_, {}, 1, 1);
        mmBefore_ = at::mm(input_.view({-1, 96}).narrow(0, 0, 4096), at::full({96, 4096}, 0.5));
        madeBefore_ = at::ones({int64_t(kHugePageMinBytes / 4) * 2});
        if (!useHugePagesForLargeTensors())
            QSKIP("this system has no transparent huge pages: the allocator stays libtorch's");
        QVERIFY(hugePagesForLargeTensors());
        QVERIFY(useHugePagesForLargeTensors());  // a second call keeps it
        QVERIFY(describeRuntime(runtimeInfo()).find("huge pages") != std::string::npos);
    }

    void largeBlocksAreHugePageMappings() {
        at::Tensor big = at::empty({int64_t(kHugePageMinBytes / 4) + 1000});
        QVERIFY(alignedTo(big.data_ptr(), 2u << 20));
        const std::string flags = vmFlagsOfMappingAt(big.data_ptr());
        QVERIFY2(flags.find(" hg") != std::string::npos, flags.c_str());  // MADV_HUGEPAGE is in effect
        big.fill_(3.0f);
        QCOMPARE(big.sum().item<double>(), 3.0 * double(big.numel()));
    }

    void smallBlocksStayCLibraryBlocks() {
        for (int64_t n : {int64_t(1), int64_t(17), int64_t(1) << 16}) {
            at::Tensor small = at::empty({n});
            QVERIFY(alignedTo(small.data_ptr(), 64));
        }
        QCOMPARE(at::empty({0}).numel(), int64_t(0));
    }

    void kernelsGiveTheSameResults() {
        // oneDNN's convolution allocates its scratch and reordered buffers through raw_allocate.
        QVERIFY(at::equal(at::conv2d(input_, weight_, {}, 1, 1), convBefore_));
        QVERIFY(at::equal(at::mm(input_.view({-1, 96}).narrow(0, 0, 4096), at::full({96, 4096}, 0.5)), mmBefore_));
    }

    void rawInterfaceAndBlocksFromBefore() {
        c10::Allocator* allocator = c10::GetCPUAllocator();
        QVERIFY(allocator->raw_deleter() != nullptr);
        for (std::size_t n : {std::size_t(100), kHugePageMinBytes * 3 + 5}) {
            auto* p = static_cast<unsigned char*>(allocator->raw_allocate(n));
            QVERIFY(p != nullptr);
            p[0] = 1;
            p[n - 1] = 2;
            allocator->raw_deallocate(p);
        }
        // A block of libtorch's default allocator, freed through the new one's raw interface, as oneDNN does
        // with a buffer it got before the switch.
        void* before = c10::GetDefaultCPUAllocator()->raw_allocate(4096);
        allocator->raw_deallocate(before);
        // A tensor made before the switch keeps its own deleter.
        QCOMPARE(madeBefore_.sum().item<double>(), double(madeBefore_.numel()));
        madeBefore_.reset();
    }

    void aFreedBlockServesTheNextRequestThatFitsIt() {
        releaseKeptLargeTensorBlocks();
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
        at::Tensor first = at::full({kBlockFloats}, 2.0f);
        void* block = first.data_ptr();
        first.reset();
        QCOMPARE(keptLargeTensorBytes(), kBlockBytes);
        // The same size gets the kept block; its old contents do not matter.
        at::Tensor again = at::empty({kBlockFloats});
        QCOMPARE(again.data_ptr(), block);
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
        again.fill_(1.0f);
        QCOMPARE(again.sum().item<double>(), double(kBlockFloats));
        again.reset();
        // A smaller request takes its head, in whole huge pages; freed, the head joins the rest again, and the
        // whole block serves its size once more.
        at::Tensor quarter = at::empty({kBlockFloats / 4 - 1000});
        QCOMPARE(quarter.data_ptr(), block);
        QCOMPARE(keptLargeTensorBytes(), kBlockBytes - kBlockBytes / 4);
        at::Tensor nextQuarter = at::empty({kBlockFloats / 4});
        QCOMPARE(nextQuarter.data_ptr(), static_cast<void*>(static_cast<char*>(block) + kBlockBytes / 4));
        quarter.reset();
        nextQuarter.reset();
        QCOMPARE(keptLargeTensorBytes(), kBlockBytes);
        QCOMPARE(at::empty({kBlockFloats}).data_ptr(), block);
        releaseKeptLargeTensorBlocks();
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
    }

    // A request larger than every kept range is a fresh range into which the kept pages are moved, not copied:
    // their old values show where they went, only the uncovered part is new (zero) memory, and writing the
    // whole block makes no more of the process resident than that part.
    void aLargerRequestGetsTheKeptPagesMovedIn() {
        releaseKeptLargeTensorBlocks();
        at::Tensor sevens = at::full({kBlockFloats}, 7.0f), nines = at::full({kBlockFloats / 2}, 9.0f);
        sevens.reset();
        nines.reset();
        QCOMPARE(keptLargeTensorBytes(), kBlockBytes + kBlockBytes / 2);
        at::Tensor larger = at::empty({kBlockFloats * 2});
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
        QVERIFY(alignedTo(larger.data_ptr(), 2u << 20));
        const int64_t residentBefore = test::residentBytes();
        larger.mul_(1.0f);  // every page read and written, none allocated
        const int64_t grown = test::residentBytes() - residentBefore;
        QVERIFY2(grown <= int64_t(kBlockBytes / 2) + (int64_t(4) << 20), std::to_string(grown).c_str());
        QCOMPARE(larger.eq(7.0f).sum().item<int64_t>(), kBlockFloats);
        QCOMPARE(larger.eq(9.0f).sum().item<int64_t>(), kBlockFloats / 2);
        QCOMPARE(larger.eq(0.0f).sum().item<int64_t>(), kBlockFloats / 2);

        // The block is now three kernel mappings (two moved pieces and the fresh part); freed and moved on into
        // a larger one again, it has to go piece by piece, each within its mapping.
        QVERIFY(mappingsOverlapping(larger.data_ptr(), larger.nbytes()) > 1);
        larger.fill_(5.0f);
        releaseKeptLargeTensorBlocks();  // the comparisons' results: only `larger` is kept below
        larger.reset();
        QCOMPARE(keptLargeTensorBytes(), 2 * kBlockBytes);
        at::Tensor largest = at::empty({kBlockFloats * 3});
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
        QCOMPARE(largest.eq(5.0f).sum().item<int64_t>(), kBlockFloats * 2);
        QCOMPARE(largest.eq(0.0f).sum().item<int64_t>(), kBlockFloats);
        largest.fill_(1.0f);
        QCOMPARE(largest.sum().item<double>(), double(kBlockFloats * 3));
        largest.reset();
        releaseKeptLargeTensorBlocks();
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
    }

    // Blocks in use plus kept pages never exceed the most in use at once: keeping costs no peak memory.
    void keptPagesAddNothingAtThePeak() {
        releaseKeptLargeTensorBlocks();
        std::vector<at::Tensor> live;
        std::size_t peakInUse = 0, inUse = 0;
        // Sizes that rise and fall as a UNet's levels do, freed in another order than made.
        for (int round = 0; round < 3; ++round)
            for (int64_t quarters : {4, 2, 6, 1, 8, 3, 5}) {
                live.push_back(at::empty({kBlockFloats / 4 * quarters}));
                inUse += kBlockBytes / 4 * std::size_t(quarters);
                peakInUse = std::max(peakInUse, inUse);
                QVERIFY(inUse + keptLargeTensorBytes() <= peakInUse);
                if (live.size() > 3) {
                    inUse -= live[1].nbytes();  // whole huge pages already
                    live.erase(live.begin() + 1);
                }
            }
        live.clear();
        QVERIFY(keptLargeTensorBytes() <= peakInUse);
        releaseKeptLargeTensorBlocks();
    }

    void outOfMemorySaysSo() {
        try {
            at::empty({int64_t(1) << 48});  // 1 PiB of floats: more than any address space
            QFAIL("an impossible allocation succeeded");
        } catch (const c10::Error& e) {
            const std::string what = e.what();
            QVERIFY2(what.find("out of memory") != std::string::npos, what.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestHugePageAllocator)
#include "tst_huge_page_allocator.moc"
