#include "pipeline/GenerationRequest.h"

#include "schedulers/SchedulerFactory.h"
#include "text/Unicode.h"
#include "util/Errors.h"

#include <cmath>
#include <sstream>

namespace i2v {

namespace {

std::string number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

} // namespace

void GenerationRequest::validate() const {
    if (image.empty())
        throw InputError("no input image: choose a picture to animate");
    if (image.pixels.size() != static_cast<size_t>(image.width) * image.height * 3)
        throw InputError("the input image buffer does not match its size");
    auto checkSize = [](const char* what, int v) {
        if (v < 8 || v > 4096 || v % 8 != 0)
            throw InputError(std::string(what) + " must be a multiple of 8 between 8 and 4096, got " + std::to_string(v));
    };
    checkSize("width", width);
    checkSize("height", height);
    if (numFrames < 1 || numFrames > 256)
        throw InputError("frames must be between 1 and 256, got " + std::to_string(numFrames));
    if (numInferenceSteps < 1 || numInferenceSteps > 1000)
        throw InputError("steps must be between 1 and 1000, got " + std::to_string(numInferenceSteps));
    if (!std::isfinite(guidanceScale) || guidanceScale < 0.0 || guidanceScale > 100.0)
        throw InputError("guidance scale must be between 0 and 100, got " + number(guidanceScale));
    if (targetFps < 1 || targetFps > 240)
        throw InputError("fps conditioning must be between 1 and 240, got " + std::to_string(targetFps));
    if (!std::isfinite(eta) || eta < 0.0 || eta > 1.0)
        throw InputError("eta must be between 0 and 1, got " + number(eta));
    if (decodeChunkSize < 1)
        throw InputError("decode chunk size must be at least 1, got " + std::to_string(decodeChunkSize));
    // Checked here rather than deep in the job, so that a bad name or a broken prompt fails before any work.
    if (!scheduler.empty())
        SchedulerFactory::diffusersClassFor(scheduler);
    unicode::decodeUtf8(prompt, "the prompt");
    unicode::decodeUtf8(negativePrompt, "the negative prompt");
}

std::vector<std::pair<std::string, std::string>> GenerationRequest::describe() const {
    return {
        {"prompt", prompt},
        {"negative_prompt", negativePrompt},
        {"seed", std::to_string(seed)},
        {"vae_seed", std::to_string(effectiveVaeSeed())},
        {"scheduler", scheduler.empty() ? "default" : scheduler},
        {"steps", std::to_string(numInferenceSteps)},
        {"guidance_scale", number(guidanceScale)},
        {"eta", number(eta)},
        {"fps_conditioning", std::to_string(targetFps)},
        {"width", std::to_string(width)},
        {"height", std::to_string(height)},
        {"frames", std::to_string(numFrames)},
        {"decode_chunk_size", std::to_string(decodeChunkSize)},
    };
}

const char* previewModeName(PreviewMode mode) {
    switch (mode) {
    case PreviewMode::None: return "none";
    case PreviewMode::LatentProjection: return "latent";
    case PreviewMode::FullDecode: return "full";
    }
    return "latent";
}

} // namespace i2v
