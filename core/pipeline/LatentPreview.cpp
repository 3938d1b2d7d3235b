#include "pipeline/LatentPreview.h"

#include <ATen/ATen.h>

#include <cstring>

namespace i2v {

at::Tensor framesToUint8(const at::Tensor& frames) {
    return (frames.to(at::kCPU, at::kFloat) * 255.0f).round().clamp(0, 255).to(at::kByte).contiguous();
}

VideoFrames toVideoFrames(const at::Tensor& frames) {
    const at::Tensor u8 = framesToUint8(frames);
    VideoFrames out;
    const int f = int(u8.size(0)), h = int(u8.size(1)), w = int(u8.size(2));
    for (int i = 0; i < f; ++i) {
        RgbFrame frame(w, h);
        std::memcpy(frame.pixels.data(), u8[i].data_ptr<uint8_t>(), frame.pixels.size());
        out.push_back(std::move(frame));
    }
    return out;
}

PreviewFrames framesPreview(const at::Tensor& frames) {
    const at::Tensor u8 = framesToUint8(frames);
    PreviewFrames p;
    p.frames = static_cast<int>(u8.size(0));
    p.height = static_cast<int>(u8.size(1));
    p.width = static_cast<int>(u8.size(2));
    p.fullDecode = true;
    p.rgb.resize(u8.numel());
    std::memcpy(p.rgb.data(), u8.data_ptr<uint8_t>(), p.rgb.size());
    return p;
}

PreviewFrames latentPreview(const at::Tensor& latents) {
    // Least-squares fit of SD-VAE latents to RGB in [-1, 1] (the widely used "latent RGB factors" of
    // the SD 1.x/2.x VAE, which I2VGen-XL shares). Good enough to watch composition and motion form.
    static const float kFactors[4][3] = {
        {0.298f, 0.207f, 0.208f}, {0.187f, 0.286f, 0.173f}, {-0.158f, 0.189f, 0.264f}, {-0.184f, -0.271f, -0.473f}};
    const at::Tensor factors = at::from_blob(const_cast<float*>(&kFactors[0][0]), {4, 3}, at::kFloat).clone();
    // [1,4,F,h,w] -> [F,h,w,4] @ [4,3] -> [F,h,w,3]
    const at::Tensor x = latents.detach().to(at::kCPU, at::kFloat)[0].permute({1, 2, 3, 0});
    const at::Tensor rgb = (at::matmul(x, factors) + 1.0f) * 0.5f;
    PreviewFrames p = framesPreview(rgb.clamp(0.0f, 1.0f));
    p.fullDecode = false;
    return p;
}

} // namespace i2v
