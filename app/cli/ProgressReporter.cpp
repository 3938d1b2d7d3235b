#include "ProgressReporter.h"

#include <string>
#include <unistd.h>

namespace i2v::cli {

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
    if (stage == GenerationStage::Denoising)
        stepStart_ = std::chrono::steady_clock::now();
    std::fprintf(stderr, "%s\n", generationStageName(stage));
}

void ProgressReporter::onStep(int step, int total, const PreviewFrames*) {
    if (quiet_)
        return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - stepStart_).count();
    const double rate = elapsed > 0 ? step / elapsed : 0.0;
    const int eta = rate > 0 ? static_cast<int>((total - step) / rate + 0.5) : 0;
    if (terminal_) {
        const int width = 30, filled = total > 0 ? step * width / total : width;
        std::fprintf(stderr, "\r[%s%s] %d/%d %.2f it/s ETA %02d:%02d ", std::string(filled, '#').c_str(),
                     std::string(width - filled, '.').c_str(), step, total, rate, eta / 60, eta % 60);
        midLine_ = step < total;
        if (!midLine_)
            std::fputc('\n', stderr);
    } else {
        std::fprintf(stderr, "step %d/%d (%.2f it/s, ETA %ds)\n", step, total, rate, eta);
    }
    std::fflush(stderr);
}

void ProgressReporter::onDecodeProgress(int done, int total) {
    if (quiet_ || terminal_)
        return;
    std::fprintf(stderr, "decoded %d/%d frames\n", done, total);
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
