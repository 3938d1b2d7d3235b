#include "util/FreedHeapMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace i2v {

bool returnFreedHeapMemory() {
#if defined(__GLIBC__)
    return ::malloc_trim(0) != 0;
#else
    return false;
#endif
}

} // namespace i2v
