// Large CPU tensors on transparent huge pages, their freed pages kept for the next blocks.
//
// A denoising step allocates and frees gigabytes of large temporaries (attention scores, feed-forward
// activations, convolution outputs). The C library maps each one fresh and the kernel then faults it in
// 4 KiB at a time: 22 million page faults over two 640x352 UNet forwards on the full-size checkpoint, about a
// fifth of their time (bench/RESULTS.md). In 2 MiB pages the same memory takes 512 times fewer faults. The kernel
// still zeroes every fresh page, which at 1280x704 was a fifth of a bf16 UNet forward's processor time. So
// freed blocks keep their pages: a request is served from the head of a kept block at least its size, or else
// is a fresh range into which kept pages are moved (mremap moves page tables, not data), so that only the
// part no kept page covers is new memory. Blocks in use plus kept pages then never exceed the most that was ever
// in use at once, and only growth is zeroed. Keeping costs no peak memory as long as the kept pages were touched:
// weight loading, whose placeholder parameters never are, gives the kept pages back when it ends.
#pragma once
#include <cstddef>

namespace i2v {

// Blocks from this size up get their own huge-page mapping; smaller ones stay with the C library, whose
// heap already serves them without faults once warm, and for which rounding to 2 MiB would waste memory.
constexpr std::size_t kHugePageMinBytes = std::size_t(4) << 20;

// Makes libtorch's CPU allocator place blocks of kHugePageMinBytes and more in 2 MiB-aligned anonymous
// mappings advised for transparent huge pages. Does nothing, and returns false, where the system has no
// transparent huge pages (not Linux, or THP set to "never"). Call once at start-up, before tensors are made
// on other threads (libtorch's allocator switch is not thread-safe); later calls only return the state.
// Tensors made before keep their own deleter, so switching is safe at any time on one thread.
bool useHugePagesForLargeTensors();

// Whether useHugePagesForLargeTensors() is in effect in this process.
bool hugePagesForLargeTensors();

// Freed memory kept for reuse now (0 without huge pages).
std::size_t keptLargeTensorBytes();

// Gives the kept pages back to the system: at the end of a job and of a model load, so an idle app holds no
// freed memory.
void releaseKeptLargeTensorBlocks();

// Calls releaseKeptLargeTensorBlocks() when it goes out of scope: around a job or a model load, however it ends.
struct KeptLargeTensorBlocksRelease {
    KeptLargeTensorBlocksRelease() = default;
    KeptLargeTensorBlocksRelease(const KeptLargeTensorBlocksRelease&) = delete;
    KeptLargeTensorBlocksRelease& operator=(const KeptLargeTensorBlocksRelease&) = delete;
    ~KeptLargeTensorBlocksRelease() { releaseKeptLargeTensorBlocks(); }
};

} // namespace i2v
