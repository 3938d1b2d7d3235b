// This process's memory mappings as /proc/self/smaps describes them (Linux): for tests that check how a
// block or a file is mapped and how much of it is resident.
#pragma once
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace i2v::test {

// This process's resident memory (/proc/self/statm's second field, in pages).
inline std::int64_t residentBytes() {
    std::ifstream statm("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * std::int64_t(::sysconf(_SC_PAGESIZE));
}

// The line of the mapping that contains `address` starting with `field` ("VmFlags:", "Rss:"); empty when no
// mapping contains it or the field is absent.
inline std::string smapsLineOfMappingAt(const void* address, const std::string& field) {
    const auto a = reinterpret_cast<std::uintptr_t>(address);
    std::ifstream smaps("/proc/self/smaps");
    bool inside = false;
    for (std::string line; std::getline(smaps, line);) {
        std::uintptr_t begin = 0, end = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> begin >> dash >> end && dash == '-') {
            inside = begin <= a && a < end;
            continue;
        }
        if (inside && line.rfind(field, 0) == 0)
            return line;
    }
    return {};
}

} // namespace i2v::test
