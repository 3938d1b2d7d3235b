#include "util/MachineLoad.h"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

namespace i2v {
namespace {

constexpr double kShortestJudgedSeconds = 0.5;
constexpr double kToleratedShareOfTheJobsCores = 0.25;

double seconds(const timespec& t) { return double(t.tv_sec) + double(t.tv_nsec) / 1e9; }

} // namespace

std::optional<MachineCpuTimes> parseProcStat(std::string_view text) {
    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    if (ticksPerSecond <= 0)
        return std::nullopt;
    std::istringstream lines{std::string(text)};
    std::string line;
    MachineCpuTimes times;
    bool total = false;
    while (std::getline(lines, line)) {
        if (line.rfind("cpu", 0) != 0)
            continue;
        if (line.size() > 3 && line[3] != ' ') {  // "cpu0", "cpu1", ...: one line per online core
            ++times.cores;
            continue;
        }
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is inside user)
        std::istringstream fields(line.substr(3));
        double user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
        if (!(fields >> user >> nice >> system >> idle >> iowait >> irq >> softirq))
            return std::nullopt;
        fields >> steal;  // absent on old kernels
        times.busy = (user + system + irq + softirq + steal) / double(ticksPerSecond);
        total = true;
    }
    if (!total || times.cores <= 0)
        return std::nullopt;
    return times;
}

CpuReading readCpuClocks() {
    CpuReading r;
    timespec wall{}, cpu{};
    if (::clock_gettime(CLOCK_MONOTONIC, &wall) != 0 || ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) != 0)
        return r;
    std::ifstream file("/proc/stat");
    std::stringstream text;
    text << file.rdbuf();
    const auto machine = parseProcStat(text.str());
    if (!machine)
        return r;
    r.machine = *machine;
    r.processCpu = seconds(cpu);
    r.wall = seconds(wall);
    r.valid = true;
    return r;
}

double othersCpuSeconds(const CpuReading& from, const CpuReading& to) {
    if (!from.valid || !to.valid || from.machine.cores != to.machine.cores)
        return 0;
    return std::max(0.0, (to.machine.busy - from.machine.busy) - (to.processCpu - from.processCpu));
}

bool othersCompeted(const CpuReading& from, const CpuReading& to, int threads) {
    if (!from.valid || !to.valid || threads <= 0 || from.machine.cores != to.machine.cores)
        return false;
    const double wall = to.wall - from.wall;
    if (wall < kShortestJudgedSeconds)
        return false;
    const double others = othersCpuSeconds(from, to);
    const int jobCores = std::min(threads, to.machine.cores);
    const double freeCores = double(to.machine.cores - jobCores) * wall;
    return others - freeCores > kToleratedShareOfTheJobsCores * double(jobCores) * wall;
}

} // namespace i2v
