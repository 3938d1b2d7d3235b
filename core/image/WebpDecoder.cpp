// WebP through libwebp's animation decoder, exactly as Pillow 9.4's _webp.c WebPAnimDecoder (default
// options: MODE_RGBA, no threads) — also for still images, so lossy, lossless and alpha files give Pillow's
// pixels. The first frame is composited on the transparent canvas as libwebp does; alpha is then dropped.
// Orientation from the EXIF chunk.
#include "image/ExifOrientation.h"
#include "image/ImageDecoders.h"
#include "util/Errors.h"

#ifdef I2V_HAVE_WEBP
#include <webp/decode.h>
#include <webp/demux.h>
#endif

#include <memory>

namespace i2v {

#ifndef I2V_HAVE_WEBP
DecodedImage decodeWebp(const DecodeRequest& r) {
    throwCodecMissing(r, "WebP");
}
#else
DecodedImage decodeWebp(const DecodeRequest& r) {
    WebPBitstreamFeatures features;
    if (WebPGetFeatures(r.data, r.size, &features) != VP8_STATUS_OK)
        throw InputError(r.name + " is a damaged or truncated WebP file; re-export it from an image editor");
    checkImageSize(r, static_cast<uint64_t>(features.width), static_cast<uint64_t>(features.height), "WebP");

    WebPData data{r.data, r.size};
    std::unique_ptr<WebPAnimDecoder, void (*)(WebPAnimDecoder*)> dec(WebPAnimDecoderNew(&data, nullptr),
                                                                      WebPAnimDecoderDelete);
    if (!dec)
        throw InputError(r.name + " is a damaged or truncated WebP file; re-export it from an image editor");
    WebPAnimInfo info;
    if (!WebPAnimDecoderGetInfo(dec.get(), &info))
        throw InputError(r.name + " is a damaged WebP file; re-export it from an image editor");
    checkImageSize(r, info.canvas_width, info.canvas_height, "WebP");

    uint8_t* rgba = nullptr;
    int timestamp = 0;
    if (!WebPAnimDecoderGetNext(dec.get(), &rgba, &timestamp) || !rgba)
        throw InputError(r.name + " is a damaged or truncated WebP file (its first frame cannot be decoded)");

    DecodedImage out;
    out.image = RgbImage(static_cast<int>(info.canvas_width), static_cast<int>(info.canvas_height));
    const size_t n = size_t(info.canvas_width) * info.canvas_height;
    for (size_t i = 0; i < n; ++i) {
        out.image.pixels[3 * i] = rgba[4 * i];
        out.image.pixels[3 * i + 1] = rgba[4 * i + 1];
        out.image.pixels[3 * i + 2] = rgba[4 * i + 2];
    }
    out.frameCount = static_cast<int>(info.frame_count);
    if (out.frameCount > 1)
        out.warnings.push_back(r.name + " is an animated WebP with " + std::to_string(out.frameCount) +
                               " frames; only the first frame is used");

    WebPChunkIterator chunk;
    if (WebPDemuxGetChunk(WebPAnimDecoderGetDemuxer(dec.get()), "EXIF", 1, &chunk)) {
        out.orientation = exifOrientation(chunk.chunk.bytes, chunk.chunk.size);
        WebPDemuxReleaseChunkIterator(&chunk);
    }
    return out;
}
#endif

} // namespace i2v
