#include "ui/JobEstimate.h"

#include <QCoreApplication>

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace i2v::ui {
namespace {

// The attention chunk Low-memory mode sets: small enough that scores never dominate, large enough that
// the GEMMs stay efficient (64 MiB costs < 5 % per step at 1280x704 against 256 MiB).
constexpr int kLowMemoryAttentionChunkMb = 64;

// The texts of the free functions below, under the context i2v::ui::JobEstimate.
struct JobEstimateText {
    Q_DECLARE_TR_FUNCTIONS(i2v::ui::JobEstimate)
};

} // namespace

JobEstimate estimateJob(const CostModelInfo& info, const SpeedCalibration& speeds, const GenerationRequest& r) {
    JobEstimate e;
    if (!info.model)
        return e;
    const JobCost cost = info.model->estimate(r, info.memory);
    e.steps = cost.steps;
    e.peakBytes = cost.peakBytes();
    e.availableBytes = info.cuda ? 0 : physicalMemoryBytes();
    const MemorySettings low = withLowMemory(info.memory);
    if (low.attentionChunkBytes != info.memory.attentionChunkBytes || low.offloadEncoders != info.memory.offloadEncoders ||
        low.vaeTiling != info.memory.vaeTiling || low.keepHalfWeights != info.memory.keepHalfWeights) {
        GenerationRequest lowRequest = r;
        lowRequest.decodeChunkSize = 1;
        e.lowMemoryPeakBytes = info.model->estimate(lowRequest, low).peakBytes();
    }
    const auto encode = speeds.seconds(info.speedKey, CostStage::Encode, cost.encode.total());
    const auto step = speeds.seconds(info.speedKey, CostStage::Denoise, cost.step.total());
    const auto decode = speeds.seconds(info.speedKey, CostStage::Decode, cost.decode.total());
    if (encode && step && decode) {
        e.secondsPerStep = step->seconds;
        e.decodeSeconds = decode->seconds;
        e.seconds = encode->seconds + step->seconds * cost.steps + decode->seconds;
        e.measuredBusy = encode->measuredBusy || step->measuredBusy || decode->measuredBusy;
    }
    return e;
}

EngineSettings withLowMemory(EngineSettings e) {
    e.pipeline.offloadEncoders = true;
    e.pipeline.vaeTiling = true;
    e.pipeline.keepHalfWeights = true;  // only acts with float32 compute and .fp16 files (bf16/fp16 halve weights already)
    const int chunk = e.attentionChunkMb();
    e.setAttentionChunkMb(chunk == 0 ? kLowMemoryAttentionChunkMb : std::min(chunk, kLowMemoryAttentionChunkMb));
    return e;
}

bool isLowMemory(const EngineSettings& e) { return withLowMemory(e) == e; }

MemorySettings withLowMemory(MemorySettings m) {
    m.offloadEncoders = true;
    m.vaeTiling = true;
    m.keepHalfWeights = true;
    const int64_t bound = int64_t(kLowMemoryAttentionChunkMb) << 20;
    m.attentionChunkBytes = m.attentionChunkBytes == 0 ? bound : std::min(m.attentionChunkBytes, bound);
    return m;
}

MemorySettings withEngine(MemorySettings m, const EngineSettings& e) {
    const PipelineOptions& p = e.pipeline;
    if (p.dtype == ComputeDtype::Float32)
        m.computeBytes = 4;
    else if (p.dtype == ComputeDtype::BFloat16 || p.dtype == ComputeDtype::Float16)
        m.computeBytes = 2;
    if (p.dtype != ComputeDtype::Auto)
        m.float16 = p.dtype == ComputeDtype::Float16;
    m.keepHalfWeights = p.keepHalfWeights;
    m.offloadEncoders = p.offloadEncoders;
    m.vaeTiling = p.vaeTiling;
    m.attentionChunkBytes = int64_t(e.attentionChunkMb()) << 20;
    return m;
}

QString formatDuration(double seconds) {
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return JobEstimateText::tr("unknown");
    if (seconds < 1)
        return JobEstimateText::tr("under 1 s");
    if (seconds < 90)
        return JobEstimateText::tr("about %1 s").arg(qRound(seconds));
    const qint64 minutes = qRound64(seconds / 60);
    if (minutes < 90)
        return JobEstimateText::tr("about %1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours >= 48)
        return JobEstimateText::tr("about %1 days").arg(qRound64(seconds / 86400.0));
    return JobEstimateText::tr("about %1 h %2 min").arg(hours).arg(minutes % 60);
}

QString formatBytes(double bytes) {
    if (bytes < 1e9)
        return JobEstimateText::tr("%1 MB").arg(qRound64(bytes / 1e6));
    return JobEstimateText::tr("%1 GB").arg(bytes / 1e9, 0, 'f', 1);
}

QString describeEstimate(const JobEstimate& e) {
    // A time measured on a busy machine says so: it can be several times too long (MachineLoad).
    const QString time = !e.seconds ? JobEstimateText::tr("Time: not measured on this computer yet")
                         : e.measuredBusy
                             ? JobEstimateText::tr("Takes %1 (%2 per step, measured while the computer was busy)")
                                   .arg(formatDuration(*e.seconds), formatDuration(*e.secondsPerStep))
                             : JobEstimateText::tr("Takes %1 (%2 per step)").arg(formatDuration(*e.seconds), formatDuration(*e.secondsPerStep));
    if (e.peakBytes <= 0)
        return time;
    const QString memory = e.availableBytes > 0 ? JobEstimateText::tr("needs %1 of %2 memory").arg(formatBytes(e.peakBytes), formatBytes(e.availableBytes))
                                                : JobEstimateText::tr("needs %1 of memory").arg(formatBytes(e.peakBytes));
    return QStringLiteral("%1 · %2").arg(time, memory);
}

QString memoryWarning(const JobEstimate& e) {
    if (e.fits())
        return {};
    if (e.lowMemoryPeakBytes && *e.lowMemoryPeakBytes <= e.availableBytes)
        return JobEstimateText::tr("This job will not fit in this computer's memory. Turn on Low-memory mode in Settings: it needs "
                  "about %1 then.")
            .arg(formatBytes(*e.lowMemoryPeakBytes));
    return JobEstimateText::tr("This job will not fit in this computer's memory, even in Low-memory mode: choose a smaller size or "
              "fewer frames.");
}

double physicalMemoryBytes() {
    const long pages = ::sysconf(_SC_PHYS_PAGES), size = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? double(pages) * double(size) : 0.0;
}

} // namespace i2v::ui
