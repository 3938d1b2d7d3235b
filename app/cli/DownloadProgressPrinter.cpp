#include "DownloadProgressPrinter.h"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace i2v::cli {

std::string formatDuration(double seconds) {
    if (seconds < 0)
        return "--";
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lds", s);
    return buf;
}

DownloadProgressPrinter::DownloadProgressPrinter(bool quiet) : quiet_(quiet), terminal_(::isatty(STDERR_FILENO)) {}

DownloadProgressPrinter::~DownloadProgressPrinter() { endLine(); }

void DownloadProgressPrinter::endLine() {
    if (midLine_)
        std::cerr << "\n";
    midLine_ = false;
}

void DownloadProgressPrinter::onPlan(const hub::DownloadPlan& plan) {
    if (quiet_)
        return;
    int present = 0;
    for (const auto& f : plan.files)
        present += f.present;
    std::cerr << plan.repo.id() << " @ " << plan.commit.substr(0, 10) << " (" << hub::variantName(plan.variant)
              << "): " << plan.files.size() << " files, " << hub::formatBytes(plan.totalBytes);
    if (present)
        std::cerr << ", " << present << " already in the cache";
    std::cerr << "; " << hub::formatBytes(plan.bytesToFetch) << " to download, " << hub::formatBytes(plan.freeBytes)
              << " free in " << plan.cacheDir.string() << "\n";
}

void DownloadProgressPrinter::onProgress(const hub::DownloadProgress& p) {
    if (quiet_)
        return;
    if (!terminal_) {
        if (p.file != lastFile_) {
            lastFile_ = p.file;
            std::cerr << "[" << p.fileIndex + 1 << "/" << p.fileCount << "] " << p.file << " ("
                      << hub::formatBytes(p.fileSize) << ")\n";
        }
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - lastDraw_ < std::chrono::milliseconds(200) && p.fileDone != p.fileSize)
        return;
    lastDraw_ = now;
    const double fraction = p.total ? double(p.done) / double(p.total) : 1.0;
    const int width = 24;
    const int filled = static_cast<int>(fraction * width);
    std::string bar(filled, '#');
    bar.resize(width, '.');
    char line[512];
    std::snprintf(line, sizeof line, "\r[%s] %3d%% %s/%s %s/s ETA %s  %s%s\x1b[K", bar.c_str(), int(fraction * 100),
                  hub::formatBytes(p.done).c_str(), hub::formatBytes(p.total).c_str(),
                  hub::formatBytes(uint64_t(p.bytesPerSecond)).c_str(), formatDuration(p.etaSeconds).c_str(),
                  p.verifying ? "checking kept part of " : "", p.file.c_str());
    std::cerr << line << std::flush;
    midLine_ = true;
}

void DownloadProgressPrinter::onFileDone(const std::string& path, bool wasPresent) {
    if (quiet_ || terminal_)
        return;
    if (wasPresent)
        std::cerr << "  " << path << ": already in the cache\n";
}

void DownloadProgressPrinter::onNotice(const std::string& message) {
    if (quiet_)
        return;
    endLine();
    std::cerr << "i2v: " << message << "\n";
}

} // namespace i2v::cli
