#include "util/HugePageAllocator.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace i2v {
namespace {

constexpr std::size_t kHugePageBytes = std::size_t(2) << 20;
constexpr std::size_t kAlignment = 64;  // what c10's default CPU allocator aligns to (AVX-512 loads)

std::size_t roundUp(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

// "always" or "madvise" (the kernel default) in /sys/kernel/mm/transparent_hugepage/enabled, shown as
// "always [madvise] never" with the setting in brackets.
bool systemHasTransparentHugePages() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string setting;
    std::getline(in, setting);
    return setting.find("[always]") != std::string::npos || setting.find("[madvise]") != std::string::npos;
}

// libtorch's CPU allocator for this process. libtorch keeps a pointer to it and calls its deleter for every
// block it handed out, so it lives as long as the process (a function-local static below).
//
// Its large blocks are 2 MiB-aligned runs of whole huge pages. Freed ones become kept ranges (neighbours
// merged); a request takes the head of the smallest kept range that holds it, or else maps a fresh range and
// moves kept pages into it. mremap moves only within one kernel mapping (VMA), and a kept range may span
// several (a block made of moved pieces, or neighbours merged here), so the allocator remembers every address
// where its own mmap, munmap and mremap calls may have left a mapping boundary (cuts_) and moves no piece
// across one; the kernel only ever merges mappings, never splits them on its own.
class HugePageAllocator final : public c10::Allocator {
public:
    // Both signatures: libtorch 1.13 declares allocate() const, libtorch 2.3 and later non-const. The one that
    // matches overrides; the other is an unused overload.
    c10::DataPtr allocate(std::size_t n) const { return allocateBlock(n); }
    c10::DataPtr allocate(std::size_t n) { return allocateBlock(n); }
    // Pure virtual from libtorch 2.3 on (used by Allocator::clone), a plain member before.
    void copy_data(void* dest, const void* src, std::size_t count) const { std::memcpy(dest, src, count); }
    // Every block's data pointer is its context, so libtorch's raw_allocate/raw_deallocate (oneDNN's
    // scratch buffers go through them) work too.
    c10::DeleterFnPtr raw_deleter() const override { return &release; }

    static HugePageAllocator& instance() {
        static HugePageAllocator allocator;
        return allocator;
    }

    std::size_t keptBytes() const {
        std::lock_guard lock(mutex_);
        return keptBytes_;
    }

    void releaseKeptRanges() const {
        std::lock_guard lock(mutex_);
        unmapKeptRanges();
    }

private:
    using Address = std::uintptr_t;

    c10::DataPtr allocateBlock(std::size_t n) const {
        void* data = n >= kHugePageMinBytes ? hugePageBlock(n) : nullptr;
        if (!data && n > 0 && ::posix_memalign(&data, kAlignment, n) != 0)
            data = nullptr;
        // The words the pipeline recognises as running out of memory (isOutOfMemory), with the size asked.
        TORCH_CHECK(data || n == 0, "CPU allocator: out of memory: you tried to allocate ", n, " bytes.");
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }

    // n bytes rounded up to whole huge pages, 2 MiB-aligned; nullptr when the system refuses (the caller then
    // tries the C library, which reports the failure).
    void* hugePageBlock(std::size_t n) const {
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MREMAP_FIXED)
        if (n > SIZE_MAX - 2 * kHugePageBytes)
            return nullptr;  // no rounding up past the end of size_t: the C library refuses such a size
        const std::size_t size = roundUp(n, kHugePageBytes);
        std::lock_guard lock(mutex_);
        Address begin = takeHeadOfKeptRange(size);
        if (!begin) {
            begin = mapFreshRange(size);
            if (!begin) {
                // The kept pages are the first memory to give back when the system has no more.
                unmapKeptRanges();
                begin = mapFreshRange(size);
            }
            if (!begin)
                return nullptr;
            if (!moveKeptPagesInto(begin, size)) {
                // The kernel refused a move (out of mappings, say): this range may have a hole; a fresh one
                // without moved pages instead.
                begin = mapFreshRange(size);
                if (!begin)
                    return nullptr;
            }
        }
        mapped_.emplace(reinterpret_cast<void*>(begin), size);
        return reinterpret_cast<void*>(begin);
#else
        (void)n;
        return nullptr;
#endif
    }

    // Keeps a block of ours; anything else (a C-library block, or one libtorch's default allocator made before
    // the switch and frees through raw_deallocate now) goes to free() as that allocator would.
    static void release(void* data) {
        if (!data)
            return;
        const HugePageAllocator& self = instance();
        {
            std::lock_guard lock(self.mutex_);
            const auto it = self.mapped_.find(data);
            if (it != self.mapped_.end()) {
                self.keepRange(reinterpret_cast<Address>(data), it->second);
                self.mapped_.erase(it);
                return;
            }
        }
        std::free(data);
    }

    // The members below run with mutex_ held.

    // Adds a freed range to the kept ones, merged with a kept neighbour on either side.
    void keepRange(Address begin, std::size_t size) const {
        keptBytes_ += size;
        auto next = kept_.lower_bound(begin);
        if (next != kept_.end() && next->first == begin + size) {
            size += next->second;
            next = kept_.erase(next);
        }
        if (next != kept_.begin()) {
            const auto previous = std::prev(next);
            if (previous->first + previous->second == begin) {
                previous->second += size;
                return;
            }
        }
        kept_.emplace_hint(next, begin, size);
    }

    // The start of `size` bytes from the smallest kept range that holds them (its rest stays kept), so that a
    // large range stays for a large request; 0 when none does.
    Address takeHeadOfKeptRange(std::size_t size) const {
        auto best = kept_.end();
        for (auto it = kept_.begin(); it != kept_.end(); ++it)
            if (it->second >= size && (best == kept_.end() || it->second < best->second))
                best = it;
        if (best == kept_.end())
            return 0;
        const auto [begin, length] = *best;
        kept_.erase(best);
        if (length > size)
            kept_.emplace(begin + size, length - size);
        keptBytes_ -= size;
        return begin;
    }

#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MREMAP_FIXED)
    // A fresh 2 MiB-aligned mapping of `size` bytes advised for transparent huge pages; 0 when the system refuses.
    // Mapped one huge page larger, then trimmed to an aligned start: mmap only aligns to 4 KiB.
    Address mapFreshRange(std::size_t size) const {
        void* raw = ::mmap(nullptr, size + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED)
            return 0;
        const auto mapped = reinterpret_cast<Address>(raw);
        const Address begin = roundUp(mapped, kHugePageBytes);
        if (begin > mapped)
            ::munmap(raw, begin - mapped);
        if (const std::size_t tail = kHugePageBytes - (begin - mapped); tail > 0)
            ::munmap(reinterpret_cast<void*>(begin + size), tail);
        ::madvise(reinterpret_cast<void*>(begin), size, MADV_HUGEPAGE);  // advice only: the block is good without it
        cuts_.insert({begin, begin + size});
        return begin;
    }

    // Moves kept pages into the fresh range [begin, begin + size), largest kept range first, until it is full or
    // nothing is kept; the rest of the range faults in fresh pages. False when the kernel refused a move: the
    // range is then unmapped (a refused MREMAP_FIXED may already have unmapped its target) and what was moved
    // in is given back to the system.
    bool moveKeptPagesInto(Address begin, std::size_t size) const {
        for (std::size_t filled = 0; filled < size && !kept_.empty();) {
            const auto largest = std::max_element(kept_.begin(), kept_.end(),
                                                  [](const auto& a, const auto& b) { return a.second < b.second; });
            const auto [from, length] = *largest;
            // Up to the next place where the kept range may cross into another mapping.
            const auto cut = cuts_.upper_bound(from);
            const std::size_t piece =
                std::min({length, size - filled, cut == cuts_.end() ? length : std::size_t(*cut - from)});
            const Address to = begin + filled;
            if (::mremap(reinterpret_cast<void*>(from), piece, piece, MREMAP_MAYMOVE | MREMAP_FIXED,
                         reinterpret_cast<void*>(to)) == MAP_FAILED) {
                // Not the target itself: another thread may have mapped something into a hole there by now.
                unmapRange(begin, filled);
                unmapRange(to + piece, size - filled - piece);
                return false;
            }
            kept_.erase(largest);
            if (length > piece)
                kept_.emplace(from + piece, length - piece);
            keptBytes_ -= piece;
            filled += piece;
            // The source side needs none: a kept range's own ends bound every move, and the hole left there
            // is only ever filled by a fresh range, which brings its cuts.
            cuts_.insert({to, to + piece});
        }
        return true;
    }

    void unmapRange(Address begin, std::size_t size) const {
        if (size == 0)
            return;
        ::munmap(reinterpret_cast<void*>(begin), size);
        // None inside it bounds anything any more; nor do its ends: a move never passes the end of the kept range
        // it comes from, and a mapping made there later brings its own cuts. So the set stays as small as what
        // is mapped.
        cuts_.erase(cuts_.lower_bound(begin), cuts_.upper_bound(begin + size));
    }
#else
    void unmapRange(Address, std::size_t) const {}
#endif

    void unmapKeptRanges() const {
        for (const auto& [begin, size] : kept_)
            unmapRange(begin, size);
        kept_.clear();
        keptBytes_ = 0;
    }

    mutable std::mutex mutex_;
    mutable std::unordered_map<void*, std::size_t> mapped_;  // blocks in use: start → length
    mutable std::map<Address, std::size_t> kept_;             // freed ranges kept for reuse: start → length
    mutable std::size_t keptBytes_ = 0;
    mutable std::set<Address> cuts_;  // where a kernel mapping may begin or end inside or around our ranges
};

} // namespace

bool useHugePagesForLargeTensors() {
    if (!hugePagesForLargeTensors() && systemHasTransparentHugePages()) {
        // Priority 1: above libtorch's own default registration (0), so a later default cannot undo it.
        c10::SetCPUAllocator(&HugePageAllocator::instance(), 1);
    }
    return hugePagesForLargeTensors();
}

bool hugePagesForLargeTensors() { return c10::GetCPUAllocator() == &HugePageAllocator::instance(); }

std::size_t keptLargeTensorBytes() { return HugePageAllocator::instance().keptBytes(); }

void releaseKeptLargeTensorBlocks() { HugePageAllocator::instance().releaseKeptRanges(); }

} // namespace i2v
