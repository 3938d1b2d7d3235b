// Gives the C library's free heap pages back to the system.
//
// Tensors under kHugePageMinBytes (util/HugePageAllocator.h) live on the C library's heap, and a freed chunk there
// stays resident unless it ends the heap. Most of a bfloat16 CLIP encoder's weights are such tensors (a 1280 x 1280
// matrix is 3.1 MiB): with the encoders freed after use (offload), about 0.6 GB of their pages stayed resident
// through denoising and decoding, holding the low-memory mode's peak up. glibc's malloc_trim returns every whole
// free page inside the heap too; elsewhere this does nothing.
#pragma once

namespace i2v {

// Returns true where free pages were given back.
bool returnFreedHeapMemory();

} // namespace i2v
