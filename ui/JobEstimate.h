// JobEstimate: what the job shown in the form will cost on this machine, before Generate is pressed —
// its time from the arithmetic of each stage (core pipeline/JobCost.h) at the speeds this machine was
// measured at (SpeedCalibration), and its peak memory against the machine's RAM, with what Low-memory mode
// would need instead. Plain arithmetic: the window recomputes it on every change of a setting.
#pragma once
#include "pipeline/JobCost.h"
#include "ui/AppSettings.h"
#include "ui/SpeedCalibration.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>

namespace i2v::ui {

// What the loaded model tells about jobs before they run, as the worker sends it after a load.
struct CostModelInfo {
    std::shared_ptr<const JobCostModel> model;
    MemorySettings memory;  // as the engine runs now
    QString speedKey;       // which measured speeds apply (GenerationWorker::speedKey of the four below)
    QString fingerprint, device, dtype;
    int threads = 0;
    bool cuda = false;      // the memory that counts is the GPU's, which the estimate does not check
};

struct JobEstimate {
    std::optional<double> seconds;          // the whole job; nothing until this machine's speed is measured
    std::optional<double> secondsPerStep;
    std::optional<double> decodeSeconds;
    bool measuredBusy = false;              // the time rests on a measurement taken while the machine was busy
    int steps = 0;
    double peakBytes = 0;
    double availableBytes = 0;              // this machine's RAM; 0 when it does not apply (a GPU job)
    std::optional<double> lowMemoryPeakBytes;  // with Low-memory mode, when it is not on already
    bool fits() const { return availableBytes <= 0 || peakBytes <= availableBytes; }
};

JobEstimate estimateJob(const CostModelInfo& model, const SpeedCalibration& speeds, const GenerationRequest& request);

// Low-memory mode: every memory option at once (they stay adjustable one by one in Settings).
EngineSettings withLowMemory(EngineSettings engine);
bool isLowMemory(const EngineSettings& engine);
MemorySettings withLowMemory(MemorySettings memory);
// The memory settings of `engine` in place of those `current` runs with (the device stays the same; Automatic
// keeps the compute dtype in effect).
MemorySettings withEngine(MemorySettings current, const EngineSettings& engine);

// "about 40 s", "about 12 min", "about 3 h 10 min".
QString formatDuration(double seconds);
// "850 MB", "14.2 GB" (decimal units, as file managers show sizes).
QString formatBytes(double bytes);
// The line next to Generate: time and memory, or what is still being measured.
QString describeEstimate(const JobEstimate& estimate);
// The warning when the job will not fit, naming the memory mode that would make it fit; empty when it fits.
QString memoryWarning(const JobEstimate& estimate);

// Physical memory of this machine in bytes (0 when unknown).
double physicalMemoryBytes();

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::CostModelInfo)
