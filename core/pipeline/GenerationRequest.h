// One generation job as a plain value: what I2VGenXLPipeline.__call__ takes, with diffusers' defaults.
// The UI and the CLI fill it; describe() is what goes into exported files' metadata.
#pragma once
#include "image/CenterCropWide.h"
#include "image/RgbImage.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace i2v {

enum class PreviewMode {
    None,              // no preview frames
    LatentProjection,  // every step: x0 estimate projected to RGB with a fixed linear map (cheap)
    FullDecode,        // every step: x0 estimate decoded by the VAE (slow, exact look)
};

struct GenerationRequest {
    RgbImage image;                       // the still to animate (already loaded, orientation applied)
    std::string prompt;
    std::string negativePrompt;           // empty = diffusers' negative_prompt=None ("" tokens)
    CropPosition cropPosition;            // where the crop window sits; the default centre is diffusers' crop
    int width = 1280;                     // multiples of 8
    int height = 704;
    int numFrames = 16;
    int numInferenceSteps = 50;
    double guidanceScale = 9.0;           // <= 1 disables classifier-free guidance, as diffusers
    int targetFps = 16;                   // the model's fps conditioning, not the playback rate
    std::string scheduler;                // ddim|dpmpp-2m|euler|euler-a|unipc|ddpm; empty = the checkpoint's
    double eta = 0.0;                     // DDIM only
    uint64_t seed = 0;                    // initial latents and scheduler noise (CPU generator)
    std::optional<uint64_t> vaeSeed;      // VAE posterior sample (diffusers: the global RNG); default = seed
    int decodeChunkSize = 1;              // frames per VAE decoder call
    PreviewMode preview = PreviewMode::LatentProjection;

    bool doClassifierFreeGuidance() const { return guidanceScale > 1.0; }
    uint64_t effectiveVaeSeed() const { return vaeSeed.value_or(seed); }

    // Throws InputError naming the first impossible setting and the allowed range (also an unknown
    // scheduler name and a prompt that is not UTF-8). An empty prompt is fine, as in diffusers.
    void validate() const;
    // The parameters as ordered key/value text (prompt, seed, sizes, ...), for metadata and logs.
    std::vector<std::pair<std::string, std::string>> describe() const;
};

const char* previewModeName(PreviewMode mode);

} // namespace i2v
