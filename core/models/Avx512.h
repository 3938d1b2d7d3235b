// Whether the engine's own AVX-512 kernels (OnlineSoftmaxAvx512.h, GatedGeluAvx512.h) run on this processor.
//
// They exist where libtorch 1.x has no fused kernel and a chain of its ops passes over memory several times: each
// is compiled for AVX-512 on its own (Avx512Lanes.h) while the rest of the engine runs on any x86-64 processor, and
// is called only where this says so (elsewhere, and on other architectures, the libtorch ops run instead).
#pragma once

namespace i2v::avx512 {

// AVX-512 F, BW and VL with the OS saving their registers (util/CpuFeatures).
bool available();

} // namespace i2v::avx512
