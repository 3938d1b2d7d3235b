// Fills a module tree from a .safetensors file. Module names equal the checkpoint's keys (the C++
// modules mirror diffusers/transformers), so the mapping is the identity: no renaming table.
// Every expected key must exist with the expected shape, nothing unexpected may be left over,
// and floating weights must be finite; each error names the file and the key. Weights the file holds in the
// compute dtype are views of the mapped file; on the CPU those converted at load share one block, each at its own
// size (a block each would round every weight of 4 MiB or more up to whole huge pages).
#pragma once
#include "io/SafetensorsFile.h"

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <torch/nn/module.h>

#include <string>
#include <vector>

namespace i2v {

struct WeightLoadOptions {
    c10::ScalarType dtype = c10::kFloat;   // compute dtype for floating-point weights
    c10::Device device = c10::kCPU;
    std::vector<std::string> ignoredKeys;  // keys a checkpoint may carry that the model does not use
    bool checkFinite = true;               // NaN/Inf weights mean a corrupt file
    // With float32 compute: fp16/bf16 weights of linear and convolution layers stay as stored (mapped
    // from the file, upcast per call; same values, half the memory). See models/Layers.h.
    bool keepHalfWeights = false;
};

void loadWeights(torch::nn::Module& module, const SafetensorsFile& file, const WeightLoadOptions& options = {});

} // namespace i2v
