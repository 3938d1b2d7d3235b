// Cheap previews of a video while it denoises: a fixed linear map from the 4 latent channels of the
// Stable Diffusion VAE family (which I2VGen-XL uses) to RGB, at latent resolution; and the conversion
// of decoded frames to 8-bit previews.
#pragma once
#include "export/RgbFrame.h"
#include "pipeline/GenerationObserver.h"

#include <ATen/Tensor.h>

namespace i2v {

// latents: [1, 4, F, h, w] (scaled as the UNet sees them) -> F frames of w x h RGB.
PreviewFrames latentPreview(const at::Tensor& latents);

// frames: [F, H, W, 3] float in [0, 1] -> 8-bit preview (rounded like PIL output).
PreviewFrames framesPreview(const at::Tensor& frames);

// [F, H, W, 3] float in [0, 1] -> uint8 with diffusers' (x * 255).round().
at::Tensor framesToUint8(const at::Tensor& frames);

// [F, H, W, 3] float in [0, 1] -> the export unit's 8-bit frames (same rounding).
VideoFrames toVideoFrames(const at::Tensor& frames);

} // namespace i2v
