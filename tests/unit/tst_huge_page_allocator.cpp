// The CPU allocator that puts large tensors on transparent huge pages: large blocks are 2 MiB-aligned
// mappings the kernel marks for huge pages, small ones stay 64-byte aligned C-library blocks; results of
// libtorch's kernels (oneDNN convolutions, whose scratch buffers use the raw interface, and GEMMs) do not
// change; blocks made before the switch are still freed correctly after it; running out of memory says so
// in the words the pipeline turns into OutOfMemory; freed large blocks are kept for a request of their size
// within the bound, the oldest given back first, and all of them on request.
#include "support/ProcessMaps.h"
#include "util/HugePageAllocator.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <c10/core/CPUAllocator.h>
#include <c10/util/Exception.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace i2v;

namespace {

bool alignedTo(const void* p, std::uintptr_t to) { return reinterpret_cast<std::uintptr_t>(p) % to == 0; }

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

    void freedBlocksAreReusedWithinTheBound() {
        releaseKeptLargeTensorBlocks();
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
        const int64_t floats = int64_t(kHugePageMinBytes / 4) * 8;  // 32 MiB: sixteen huge pages
        at::Tensor first = at::full({floats}, 2.0f);
        void* block = first.data_ptr();
        first.reset();
        QCOMPARE(keptLargeTensorBytes(), std::size_t(floats) * 4);
        // The same size, and one up to an eighth smaller, get the kept block; its old contents do not matter.
        at::Tensor again = at::empty({floats});
        QCOMPARE(again.data_ptr(), block);
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
        again.fill_(1.0f);
        QCOMPARE(again.sum().item<double>(), double(floats));
        again.reset();
        at::Tensor smaller = at::empty({floats - floats / 9});
        QCOMPARE(smaller.data_ptr(), block);
        smaller.reset();
        // Smaller than that asks for a mapping of its own: a large block is not given to a small request.
        at::Tensor half = at::empty({floats - floats / 5});
        QVERIFY(half.data_ptr() != block);
        QCOMPARE(keptLargeTensorBytes(), std::size_t(floats) * 4);
        half.reset();
        const std::size_t hugePage = std::size_t(2) << 20, halfBytes = std::size_t(floats - floats / 5) * 4;
        QCOMPARE(keptLargeTensorBytes(), std::size_t(floats) * 4 + (halfBytes + hugePage - 1) / hugePage * hugePage);

        // Past the bound the oldest go first; a block larger than the bound is never kept.
        const int64_t third = int64_t(kKeptBlockBytesBound / 4 / 3);
        std::vector<at::Tensor> blocks;
        for (int i = 0; i < 4; ++i)
            blocks.push_back(at::empty({third}));
        blocks.clear();
        QVERIFY(keptLargeTensorBytes() <= kKeptBlockBytesBound);
        QVERIFY(keptLargeTensorBytes() >= 2 * std::size_t(third) * 4);
        at::Tensor huge = at::empty({int64_t(kKeptBlockBytesBound / 4) + 1});
        const std::size_t before = keptLargeTensorBytes();
        huge.reset();
        QCOMPARE(keptLargeTensorBytes(), before);

        releaseKeptLargeTensorBlocks();
        QCOMPARE(keptLargeTensorBytes(), std::size_t(0));
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
