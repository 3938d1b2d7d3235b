// libFuzzer target: SafetensorsFile on arbitrary bytes. Every defect must surface as i2v::Error (a
// ModelError naming the file); any other exception, crash or sanitizer report is a finding. Opened
// files have every tensor materialised and read once, as the weight loader does.
#include "FuzzFile.h"

#include "io/SafetensorsFile.h"
#include "util/Errors.h"

#include <ATen/ATen.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const i2v::fuzz::MemoryFile file(data, size);
    try {
        const i2v::SafetensorsFile f(file.path());
        for (const auto& key : f.keys()) {
            const at::Tensor t = f.tensor(key);
            if (t.numel() > 0 && t.scalar_type() != at::kBool)
                (void)t.to(at::kDouble).sum().item<double>();  // touches every byte of the view
        }
    } catch (const i2v::Error&) {
    }
    return 0;
}
