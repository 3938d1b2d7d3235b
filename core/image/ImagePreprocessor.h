// ImagePreprocessor: what I2VGenXLPipeline.__call__ (diffusers 0.27.2 pipeline_i2vgen_xl.py) does to the input
// picture before any model runs:
//   CLIP branch: _center_crop_wide(image, (width, width)) -> _resize_bilinear(., crop_size) -> _encode_image:
//                pil_to_numpy (x / 255) -> CLIPImageProcessor(do_normalize only) -> [1,3,S,S] float32
//   VAE branch:  _center_crop_wide(image, (width, height)) -> VaeImageProcessor.preprocess -> 2 * (x / 255) - 1
// The pipeline calls the feature extractor with do_resize/do_center_crop/do_rescale all False, so of
// transformers' CLIPImageProcessor (image_processing_clip.py) only the mean/std normalisation runs; the
// config's shortest_edge/BICUBIC settings never apply.
#pragma once
#include "image/CenterCropWide.h"
#include "image/RgbImage.h"

#include <ATen/Tensor.h>
#include <array>
#include <filesystem>

namespace i2v {

// The values of feature_extractor/preprocessor_config.json the pipeline uses.
struct ClipImageConfig {
    int cropWidth = 224;
    int cropHeight = 224;
    std::array<float, 3> imageMean{0.48145466f, 0.4578275f, 0.40821073f};
    std::array<float, 3> imageStd{0.26862954f, 0.26130258f, 0.27577711f};

    // Reads crop_size ({"height","width"} or an int), image_mean, image_std; throws ModelError naming the file.
    static ClipImageConfig fromFile(const std::filesystem::path& preprocessorConfigJson);
};

// Everything the models receive, plus the geometry for the GUI's "what the model sees" overlay.
struct PreprocessedImage {
    RgbImage clipCrop;              // [S,S] after crop-wide (width x width) + bilinear resize
    RgbImage vaeCrop;               // [height, width] after crop-wide
    at::Tensor clipPixelValues;     // [1,3,S,S] float32, CLIP-normalised
    at::Tensor vaeImage;            // [1,3,height,width] float32 in [-1,1]
    CenterCropWideGeometry clipGeometry;
    CenterCropWideGeometry vaeGeometry;
};

class ImagePreprocessor {
public:
    explicit ImagePreprocessor(ClipImageConfig config) : config_(config) {}
    const ClipImageConfig& config() const { return config_; }

    // _center_crop_wide(image, (width, width)) then _resize_bilinear to (cropWidth, cropHeight).
    // A moved crop (`position`) moves both crops by the same fraction of their room.
    RgbImage clipImageCrop(const RgbImage& image, int width, CropPosition position = {}) const;
    // _center_crop_wide(image, (width, height)).
    static RgbImage vaeImageCrop(const RgbImage& image, int width, int height, CropPosition position = {});

    // [1,3,H,W] float32: ((x / 255f) - mean) / std per channel, in float32 like numpy.
    at::Tensor clipPixelValues(const RgbImage& clipCrop) const;
    // [1,3,H,W] float32: 2 * (x / 255f) - 1.
    static at::Tensor vaeImage(const RgbImage& vaeCrop);

    // The whole preprocessing for a (width, height) video. Throws InputError for unusable sizes.
    PreprocessedImage run(const RgbImage& image, int width, int height, CropPosition position = {}) const;

    // The source-image rectangle the VAE (first frame) sees, for the overlay; the CLIP crop is the
    // width x width square at the same position (clipGeometry of run()).
    static CenterCropWideGeometry vaeRegion(int srcWidth, int srcHeight, int width, int height, CropPosition position = {}) {
        return centerCropWideGeometry(srcWidth, srcHeight, width, height, position);
    }

private:
    ClipImageConfig config_;
};

} // namespace i2v
