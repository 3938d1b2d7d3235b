// Progress of `i2v download` on stderr: a redrawn line (percent, bytes, rate, ETA, file) on a terminal,
// plain lines otherwise (one per file, and the notices: retries, fallbacks).
#pragma once
#include "hub/DownloadProgress.h"

#include <chrono>

namespace i2v::cli {

class DownloadProgressPrinter : public hub::DownloadObserver {
public:
    explicit DownloadProgressPrinter(bool quiet);
    ~DownloadProgressPrinter() override;
    void onPlan(const hub::DownloadPlan& plan) override;
    void onProgress(const hub::DownloadProgress& p) override;
    void onFileDone(const std::string& path, bool wasPresent) override;
    void onNotice(const std::string& message) override;

private:
    void endLine();
    bool quiet_;
    bool terminal_;
    bool midLine_ = false;
    std::string lastFile_;
    std::chrono::steady_clock::time_point lastDraw_{};
};

// "1h02m", "3m05s", "12s".
std::string formatDuration(double seconds);

} // namespace i2v::cli
