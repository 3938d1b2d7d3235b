// Large CPU tensors on transparent huge pages.
//
// A denoising step allocates and frees gigabytes of large temporaries (attention scores, feed-forward
// activations, convolution outputs). The C library maps each one fresh and the kernel then faults it in
// 4 KiB at a time: 22 million page faults over two 640x352 UNet forwards on the full-size checkpoint, about a
// fifth of their time (bench/RESULTS.md). In 2 MiB pages the same memory takes 512 times fewer faults. The kernel
// still zeroes every fresh page: a tenth of a bf16 UNet forward, and a third of an attention op whose chunks
// allocate the same scores over and over. So freed blocks are kept, up to kKeptBlockBytesBound, and handed out
// again for a request of their size (or up to an eighth less); the oldest go back to the system first.
#pragma once
#include <cstddef>

namespace i2v {

// Blocks from this size up get their own huge-page mapping; smaller ones stay with the C library, whose
// heap already serves them without faults once warm, and for which rounding to 2 MiB would waste memory.
constexpr std::size_t kHugePageMinBytes = std::size_t(4) << 20;

// The most freed memory kept for reuse: what is resident grows by at most this much (pipeline/JobCost counts
// it). Two chunks of attention scores at their default bound (256 MiB) and what goes with them.
constexpr std::size_t kKeptBlockBytesBound = std::size_t(512) << 20;

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

// Gives the kept blocks back to the system: at the end of a job, so an idle app holds no freed memory.
void releaseKeptLargeTensorBlocks();

} // namespace i2v
