// MachineLoad: whether other programs took the processor from a job while it ran. A job measured while a
// compiler or another heavy program kept the cores busy runs several times slower than on a quiet machine
// (the OpenMP team waits at every barrier for a worker the system descheduled: a calibration beside a build
// measured nine times too slow), and stored as this machine's speed that would make every later estimate wrong.
// Linux: /proc/stat for the whole machine, the process's own CPU clock for what the job itself used.
#pragma once
#include <optional>
#include <string_view>

namespace i2v {

// The machine's CPU time so far, in seconds summed over its cores, as /proc/stat counts it: `busy` is time the
// cores ran normal-priority programs or the kernel, or that the hypervisor gave to other machines (steal).
// Niced programs are left out: they yield to the job almost entirely, so they do not slow it.
struct MachineCpuTimes {
    double busy = 0;
    int cores = 0;
};
std::optional<MachineCpuTimes> parseProcStat(std::string_view text);  // nothing when the text is not /proc/stat's

// One reading of the machine's and this process's CPU clocks and the wall clock.
struct CpuReading {
    MachineCpuTimes machine;
    double processCpu = 0;  // this process, every thread
    double wall = 0;
    bool valid = false;
};
CpuReading readCpuClocks();

// CPU seconds other programs used between `from` and `to` (0 when the readings cannot be compared).
double othersCpuSeconds(const CpuReading& from, const CpuReading& to);

// Whether between `from` and `to` other programs used more of the processor than the cores the job leaves free
// plus a quarter of those it runs on. `threads`: the job's CPU threads (0 for a GPU job, never judged).
// Stretches under half a second are not judged: /proc/stat counts in 10 ms ticks per core.
bool othersCompeted(const CpuReading& from, const CpuReading& to, int threads);

} // namespace i2v
