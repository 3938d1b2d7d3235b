// diffusers 0.27.2 pipeline_i2vgen_xl.py (__call__ steps 3-4, _encode_image), image_processor.py
// (VaeImageProcessor.pil_to_numpy / normalize) and transformers image_transforms.normalize.
#include "image/ImagePreprocessor.h"

#include "image/PilResample.h"
#include "io/JsonConfig.h"
#include "util/Errors.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

namespace i2v {

ClipImageConfig ClipImageConfig::fromFile(const std::filesystem::path& path) {
    const JsonConfig config = JsonConfig::load(path);  // a bounded regular file holding a JSON object
    ClipImageConfig c;
    try {
        const nlohmann::json& j = config.json();
        if (j.contains("crop_size")) {
            const auto& cs = j.at("crop_size");
            if (cs.is_number_integer()) {
                c.cropWidth = c.cropHeight = cs.get<int>();
            } else {
                c.cropWidth = cs.at("width").get<int>();
                c.cropHeight = cs.at("height").get<int>();
            }
        }
        // numpy casts the lists to float32 before subtracting/dividing (image_transforms.normalize).
        if (j.contains("image_mean"))
            for (int i = 0; i < 3; ++i)
                c.imageMean[i] = static_cast<float>(j.at("image_mean").at(i).get<double>());
        if (j.contains("image_std"))
            for (int i = 0; i < 3; ++i)
                c.imageStd[i] = static_cast<float>(j.at("image_std").at(i).get<double>());
    } catch (const nlohmann::json::exception& e) {
        throw ModelError("the image preprocessor config " + path.string() + " is not valid: " + e.what());
    }
    if (c.cropWidth <= 0 || c.cropHeight <= 0)
        throw ModelError("the image preprocessor config " + path.string() + " has a non-positive crop_size");
    for (float s : c.imageStd)
        if (!(s != 0.f))
            throw ModelError("the image preprocessor config " + path.string() + " has a zero image_std");
    return c;
}

RgbImage ImagePreprocessor::clipImageCrop(const RgbImage& image, int width, CropPosition position) const {
    const RgbImage square = centerCropWide(image, width, width, position);
    return pilResize(square, config_.cropWidth, config_.cropHeight, ResampleFilter::Bilinear);
}

RgbImage ImagePreprocessor::vaeImageCrop(const RgbImage& image, int width, int height, CropPosition position) {
    return centerCropWide(image, width, height, position);
}

at::Tensor ImagePreprocessor::clipPixelValues(const RgbImage& crop) const {
    at::Tensor t = at::empty({1, 3, crop.height, crop.width}, at::kFloat);
    float* out = t.data_ptr<float>();
    const size_t plane = static_cast<size_t>(crop.width) * crop.height;
    for (size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c) {
            // float32 at every step, as numpy does it: x / 255 (pil_to_numpy), then (v - mean) / std.
            const float v = static_cast<float>(crop.pixels[i * 3 + c]) / 255.0f;
            out[c * plane + i] = (v - config_.imageMean[c]) / config_.imageStd[c];
        }
    return t;
}

at::Tensor ImagePreprocessor::vaeImage(const RgbImage& crop) {
    at::Tensor t = at::empty({1, 3, crop.height, crop.width}, at::kFloat);
    float* out = t.data_ptr<float>();
    const size_t plane = static_cast<size_t>(crop.width) * crop.height;
    for (size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c) {
            const float v = static_cast<float>(crop.pixels[i * 3 + c]) / 255.0f;
            out[c * plane + i] = 2.0f * v - 1.0f;  // 2 * v is exact, so one rounding as in torch
        }
    return t;
}

PreprocessedImage ImagePreprocessor::run(const RgbImage& image, int width, int height, CropPosition position) const {
    PreprocessedImage p;
    requireCroppableTo(image.width, image.height, width, height);  // in words naming the video's size
    p.clipGeometry = centerCropWideGeometry(image.width, image.height, width, width, position);
    p.vaeGeometry = centerCropWideGeometry(image.width, image.height, width, height, position);
    p.clipCrop = clipImageCrop(image, width, position);
    p.vaeCrop = vaeImageCrop(image, width, height, position);
    p.clipPixelValues = clipPixelValues(p.clipCrop);
    p.vaeImage = vaeImage(p.vaeCrop);
    return p;
}

} // namespace i2v
