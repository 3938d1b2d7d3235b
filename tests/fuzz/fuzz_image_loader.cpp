// libFuzzer target: ImageLoader::decode on arbitrary bytes (magic-byte dispatch and every decoder of the
// build). A 4-megapixel limit keeps bombs cheap; anything but InputError, or an image whose buffer does
// not match its size, is a finding.
#include "image/ImageLoader.h"
#include "util/Errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const i2v::ImageLoader loader(4'000'000);
    try {
        const i2v::LoadedImage loaded = loader.decode(data, size, "fuzz input");
        const auto& im = loaded.image;
        if (im.width <= 0 || im.height <= 0 || im.pixels.size() != size_t(im.width) * size_t(im.height) * 3)
            __builtin_trap();
    } catch (const i2v::InputError&) {
    }
    return 0;
}
