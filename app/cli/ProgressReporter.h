// Progress of a generation on stderr: a redrawn bar with the step (then the decoded frame), its rate and the
// time left on a terminal, plain lines otherwise (logs, CI, pipes).
#pragma once
#include "pipeline/GenerationObserver.h"

#include <chrono>
#include <cstdio>

namespace i2v::cli {

class ProgressReporter : public GenerationObserver {
public:
    explicit ProgressReporter(bool quiet);
    void onStage(GenerationStage stage) override;
    void onResumed(int stepsDone, int total) override;
    void onStep(int step, int total, const PreviewFrames* preview) override;
    void onDecodeProgress(int done, int total) override;
    void onWarning(const std::string& message) override;
    void onExportProgress(int done, int total);

private:
    void endLine();
    // One progress line of the current stage: `label` starts a plain line ("step"), `item` names the rate's
    // unit ("it", "frame"), `unit` follows the count (" frames"); the rate counts what was done after `before`.
    void report(const char* label, int done, int total, const char* item, const char* unit, int before = 0);
    bool quiet_;
    bool terminal_;
    bool midLine_ = false;
    int stepsSaved_ = 0;  // steps a job that goes on from its saved progress did before
    std::chrono::steady_clock::time_point stageStart_;
};

} // namespace i2v::cli
