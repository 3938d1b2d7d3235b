#include "ProgressReporter.h"

#include <string>
#include <unistd.h>

namespace i2v::cli {
namespace {

// tqdm's convention: "12.34 it/s" while an item takes under a second, "237.5 s/it" once it takes longer (a
// full-size step on a CPU takes minutes: "0.00 it/s" said nothing).
std::string rateText(double elapsed, int done, const char* item) {
    char text[48];
    if (done <= 0 || elapsed <= 0)
        std::snprintf(text, sizeof text, "? s/%s", item);
    else if (elapsed < done)
        std::snprintf(text, sizeof text, "%.2f %s/s", done / elapsed, item);
    else
        std::snprintf(text, sizeof text, "%.1f s/%s", elapsed / done, item);
    return text;
}

// "04:05", or "1:02:03" from an hour on.
std::string durationText(double seconds) {
    const long s = seconds > 0 ? long(seconds + 0.5) : 0;
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%02ld:%02ld", s / 60, s % 60);
    return text;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

ProgressReporter::ProgressReporter(bool quiet) : quiet_(quiet), terminal_(::isatty(STDERR_FILENO) == 1) {}

void ProgressReporter::endLine() {
    if (midLine_)
        std::fputc('\n', stderr);
    midLine_ = false;
}

void ProgressReporter::onStage(GenerationStage stage) {
    if (quiet_)
        return;
    endLine();
    stageStart_ = std::chrono::steady_clock::now();
    std::fprintf(stderr, "%s\n", generationStageName(stage));
}

void ProgressReporter::report(const char* label, int done, int total, const char* item, const char* unit,
                              int before) {
    const double elapsed = secondsSince(stageStart_);
    const int counted = done - before;
    const double left = counted > 0 ? elapsed / counted * (total - done) : 0.0;
    const std::string rate = rateText(elapsed, counted, item), eta = durationText(left);
    if (terminal_) {
        const int width = 30, filled = total > 0 ? done * width / total : width;
        std::fprintf(stderr, "\r[%s%s] %d/%d%s %s ETA %s ", std::string(filled, '#').c_str(),
                     std::string(width - filled, '.').c_str(), done, total, unit, rate.c_str(), eta.c_str());
        midLine_ = done < total;
        if (!midLine_)
            std::fputc('\n', stderr);
    } else {
        std::fprintf(stderr, "%s %d/%d%s (%s, ETA %s)\n", label, done, total, unit, rate.c_str(), eta.c_str());
    }
    std::fflush(stderr);
}

void ProgressReporter::onResumed(int stepsDone, int total) {
    stepsSaved_ = stepsDone;
    if (quiet_)
        return;
    endLine();
    std::fprintf(stderr, "going on from the saved progress: %d of %d steps done\n", stepsDone, total);
}

void ProgressReporter::onStep(int step, int total, const PreviewFrames*) {
    if (!quiet_)
        report("step", step, total, "it", "", stepsSaved_);
}

void ProgressReporter::onDecodeProgress(int done, int total) {
    // A frame of the full-size decoder takes about a minute on a CPU: the bar goes on through the decode.
    if (!quiet_)
        report("decoded", done, total, "frame", " frames");
}

void ProgressReporter::onWarning(const std::string& message) {
    endLine();
    std::fprintf(stderr, "warning: %s\n", message.c_str());
}

void ProgressReporter::onExportProgress(int done, int total) {
    if (quiet_ || terminal_ || (done != total && done % 16 != 0))
        return;
    std::fprintf(stderr, "encoded %d/%d frames\n", done, total);
}

} // namespace i2v::cli
