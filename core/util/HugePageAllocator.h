// Large CPU tensors on transparent huge pages.
//
// A denoising step allocates and frees gigabytes of large temporaries (attention scores, feed-forward
// activations, convolution outputs). The C library maps each one fresh and the kernel then faults it in
// 4 KiB at a time: 22 million page faults over two 640x352 UNet forwards on the full-size checkpoint, about a
// fifth of their time (bench/RESULTS.md). In 2 MiB pages the same memory takes 512 times fewer faults. What
// is resident does not change: a freed block goes back to the system at once, as the C library's would.
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

} // namespace i2v
