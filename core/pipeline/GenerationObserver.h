// How a running generation talks to its caller (whisper.cpp-style callbacks): stage changes, one call
// per denoising step with an optional preview, and decode progress. Called on the generating thread;
// a GUI forwards them with queued signals. Cancellation goes the other way, through a CancelToken.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

enum class GenerationStage { EncodingPrompt, EncodingImage, Denoising, Decoding, Done };

const char* generationStageName(GenerationStage stage);

// Preview of all frames at once: `frames` RGB images of width x height, frame-major, 8-bit.
struct PreviewFrames {
    int frames = 0;
    int width = 0;
    int height = 0;
    bool fullDecode = false;     // VAE-decoded (true) or latent projection (false, 1/8 resolution)
    std::vector<uint8_t> rgb;    // frames * height * width * 3
};

class GenerationObserver {
public:
    virtual ~GenerationObserver() = default;
    virtual void onStage(GenerationStage /*stage*/) {}
    // The job goes on from its saved progress (CheckpointOptions): its next step is stepsDone + 1.
    virtual void onResumed(int /*stepsDone*/, int /*total*/) {}
    // step counts from 1 to total; preview is null when the request asked for none.
    virtual void onStep(int /*step*/, int /*total*/, const PreviewFrames* /*preview*/) {}
    virtual void onDecodeProgress(int /*done*/, int /*total*/) {}
    // Non-fatal notes for the user (e.g. "prompt truncated to 77 tokens").
    virtual void onWarning(const std::string& /*message*/) {}
};

} // namespace i2v
