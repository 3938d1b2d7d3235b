// returnFreedHeapMemory (util/FreedHeapMemory.h): tensors below the huge-page size live on the C library's heap,
// where freed chunks stay resident; after the call their pages are the system's again. The heap is set up as a
// long-running process has it: glibc's dynamic mmap threshold grown to its 32 MiB cap (so 3 MiB tensors, like a
// bf16 CLIP encoder's 1280 x 1280 weights, come from the heap) and no automatic trim at the top.
#include "support/ProcessMaps.h"
#include "util/FreedHeapMemory.h"
#include "util/HugePageAllocator.h"

#include <ATen/ATen.h>

#include <QtTest>

#include <vector>

#include <malloc.h>

using namespace i2v;

class TestFreedHeapMemory : public QObject {
    Q_OBJECT
private slots:
    void freedSmallTensorsPagesGoBack() {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer's allocator replaces glibc's heap, whose freed pages this checks");
#endif
        QVERIFY(::mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1);
        QVERIFY(::mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1);
        constexpr int64_t kTensorBytes = int64_t(3) << 20, kCount = 64;  // 192 MiB of "weights"
        static_assert(kTensorBytes < int64_t(kHugePageMinBytes));
        std::vector<at::Tensor> weights;
        for (int64_t i = 0; i < kCount; ++i)
            weights.push_back(at::ones({kTensorBytes / 2}, at::kBFloat16));  // written: resident
        const at::Tensor pin = at::ones({1024}, at::kFloat);  // above them on the heap: free() cannot trim the top
        const int64_t held = test::residentBytes();
        weights.clear();
        const int64_t afterFree = test::residentBytes();
        QVERIFY2(held - afterFree < kCount * kTensorBytes / 2, "the freed chunks should still be resident here");
        returnFreedHeapMemory();
        const int64_t afterReturn = test::residentBytes();
        QVERIFY2(held - afterReturn > kCount * kTensorBytes * 9 / 10,
                 qPrintable(QString("resident %1 -> %2 -> %3 MiB").arg(held >> 20).arg(afterFree >> 20).arg(afterReturn >> 20)));
        QCOMPARE(pin.sum().item<float>(), 1024.0f);
    }
};

QTEST_APPLESS_MAIN(TestFreedHeapMemory)
#include "tst_freed_heap_memory.moc"
