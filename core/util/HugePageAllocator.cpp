#include "util/HugePageAllocator.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/util/Exception.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

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

    void releaseKeptBlocks() const { unmapAll(takeAllKeptBlocks()); }

private:
    c10::DataPtr allocateBlock(std::size_t n) const {
        void* data = n >= kHugePageMinBytes ? mapHugePages(n) : nullptr;
        if (!data && n > 0 && ::posix_memalign(&data, kAlignment, n) != 0)
            data = nullptr;
        // The words the pipeline recognises as running out of memory (isOutOfMemory), with the size asked.
        TORCH_CHECK(data || n == 0, "CPU allocator: out of memory: you tried to allocate ", n, " bytes.");
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }

    // A 2 MiB-aligned mapping of n bytes rounded up to whole huge pages, advised for transparent huge pages;
    // nullptr when the system refuses (the caller then tries the C library, which reports the failure).
    void* mapHugePages(std::size_t n) const {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (n > SIZE_MAX - 2 * kHugePageBytes)
            return nullptr;  // no rounding up past the end of size_t: the C library refuses such a size
        const std::size_t size = roundUp(n, kHugePageBytes);
        if (void* reused = takeKeptBlock(size))
            return reused;
        // Mapped one huge page larger, then trimmed to an aligned start: mmap only aligns to 4 KiB.
        const auto mapFresh = [&] {
            return ::mmap(nullptr, size + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        };
        void* raw = mapFresh();
        if (raw == MAP_FAILED) {
            // The kept blocks are the first memory to give back when the system has no more.
            unmapAll(takeAllKeptBlocks());
            raw = mapFresh();
        }
        if (raw == MAP_FAILED)
            return nullptr;
        const auto begin = reinterpret_cast<std::uintptr_t>(raw);
        const std::uintptr_t aligned = roundUp(begin, kHugePageBytes);
        if (aligned > begin)
            ::munmap(raw, aligned - begin);
        const std::size_t tail = kHugePageBytes - (aligned - begin);
        if (tail > 0)
            ::munmap(reinterpret_cast<void*>(aligned + size), tail);
        void* data = reinterpret_cast<void*>(aligned);
        ::madvise(data, size, MADV_HUGEPAGE);  // advice only: without it the block is still good memory
        std::lock_guard lock(mutex_);
        mapped_.emplace(data, size);
        return data;
#else
        (void)n;
        return nullptr;
#endif
    }

    // Unmaps a block of ours; anything else (a C-library block, or one libtorch's default allocator made
    // before the switch and frees through raw_deallocate now) goes to free() as that allocator would.
    static void release(void* data) {
        if (!data)
            return;
        HugePageAllocator& self = instance();
        std::size_t size = 0;
        {
            std::lock_guard lock(self.mutex_);
            const auto it = self.mapped_.find(data);
            if (it != self.mapped_.end()) {
                size = it->second;
                self.mapped_.erase(it);
            }
        }
#if defined(__linux__)
        if (size > 0) {
            unmapAll(self.keepBlock(data, size));
            return;
        }
#endif
        std::free(data);
    }

    using Block = std::pair<void*, std::size_t>;

    // A kept block of `size` bytes, or of at most an eighth more, moved back to the mapped blocks; nullptr when
    // none fits. The smallest that fits, so that a large block stays for a large request.
    void* takeKeptBlock(std::size_t size) const {
        std::lock_guard lock(mutex_);
        auto best = kept_.end();
        for (auto it = kept_.begin(); it != kept_.end(); ++it)
            if (it->second >= size && it->second - size <= size / 8 && (best == kept_.end() || it->second < best->second))
                best = it;
        if (best == kept_.end())
            return nullptr;
        const Block block = *best;
        kept_.erase(best);
        keptBytes_ -= block.second;
        mapped_.emplace(block.first, block.second);
        return block.first;
    }

    // Keeps a freed block for reuse, within kKeptBlockBytesBound, the oldest going first; returns what to unmap
    // (done outside the lock: giving back a large mapping takes a while).
    std::vector<Block> keepBlock(void* data, std::size_t size) const {
        if (size > kKeptBlockBytesBound)
            return {Block{data, size}};
        std::lock_guard lock(mutex_);
        std::vector<Block> unmap;
        while (keptBytes_ + size > kKeptBlockBytesBound) {
            unmap.push_back(kept_.front());
            keptBytes_ -= kept_.front().second;
            kept_.erase(kept_.begin());
        }
        kept_.push_back({data, size});
        keptBytes_ += size;
        return unmap;
    }

    std::vector<Block> takeAllKeptBlocks() const {
        std::lock_guard lock(mutex_);
        std::vector<Block> all;
        all.swap(kept_);
        keptBytes_ = 0;
        return all;
    }

    static void unmapAll(const std::vector<Block>& blocks) {
#if defined(__linux__)
        for (const Block& b : blocks)
            ::munmap(b.first, b.second);
#else
        (void)blocks;
#endif
    }

    mutable std::mutex mutex_;
    mutable std::unordered_map<void*, std::size_t> mapped_;  // our mappings in use: start → length
    mutable std::vector<Block> kept_;                          // freed mappings kept for reuse, oldest first
    mutable std::size_t keptBytes_ = 0;
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

void releaseKeptLargeTensorBlocks() { HugePageAllocator::instance().releaseKeptBlocks(); }

} // namespace i2v
