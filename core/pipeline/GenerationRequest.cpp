#include "pipeline/GenerationRequest.h"

#include "pipeline/GenerationLimits.h"

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
    using namespace limits;
    auto checkSize = [](const char* what, int v) {
        if (!kSize.contains(v) || v % kSizeMultiple != 0)
            throw InputError(std::string(what) + " must be a multiple of " + std::to_string(kSizeMultiple) + " between " +
                             std::to_string(kSize.min) + " and " + std::to_string(kSize.max) + ", got " + std::to_string(v));
    };
    auto checkInt = [](const char* what, Range<int> range, int v) {
        if (!range.contains(v))
            throw InputError(std::string(what) + " must be between " + std::to_string(range.min) + " and " +
                             std::to_string(range.max) + ", got " + std::to_string(v));
    };
    auto checkReal = [](const char* what, Range<double> range, double v) {
        if (!std::isfinite(v) || !range.contains(v))
            throw InputError(std::string(what) + " must be between " + number(range.min) + " and " + number(range.max) +
                             ", got " + number(v));
    };
    checkSize("width", width);
    checkSize("height", height);
    checkInt("frames", kFrames, numFrames);
    checkInt("steps", kSteps, numInferenceSteps);
    checkReal("guidance scale", kGuidance, guidanceScale);
    checkInt("fps conditioning", kFps, targetFps);
    checkReal("eta", kEta, eta);
    checkInt("decode chunk size", kDecodeChunk, decodeChunkSize);
    cropPosition.requireValid();
    // Checked here rather than deep in the job, so that a bad name or a broken prompt fails before any work.
    if (!scheduler.empty())
        SchedulerFactory::diffusersClassFor(scheduler);
    unicode::decodeUtf8(prompt, "the prompt");
    unicode::decodeUtf8(negativePrompt, "the negative prompt");
}

std::vector<std::pair<std::string, std::string>> GenerationRequest::describe() const {
    std::vector<std::pair<std::string, std::string>> d = {
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
    // Only a moved crop: the centre is diffusers' own, which every other field already implies.
    if (!cropPosition.isCentred())
        d.emplace_back("crop_position", number(cropPosition.x) + "," + number(cropPosition.y));
    return d;
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
