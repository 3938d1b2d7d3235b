// Which weight file of a component to read: the fp32 `.safetensors` or the `.fp16` variant (diffusers'
// `variant="fp16"`). Its own header so that settings types can name it without the folder reader.
#pragma once

namespace i2v {

enum class WeightsVariant {
    Auto,        // fp32 file when present, else the .fp16 variant
    PreferFp16,  // the .fp16 variant when present, else the fp32 file
    Fp32,
    Fp16,
};

} // namespace i2v
