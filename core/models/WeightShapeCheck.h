// A config must never cost more than its weights: before a module is built from a config.json, the sizes
// the config gives (widths, depths, vocabulary, positions) are checked against the weight file's header,
// where every tensor's shape is known before a byte of weight is read. A module built from a config that
// passes allocates what its weights hold, so a hostile or mismatched config is a ModelError naming the
// config key, the tensor and the file, never a terabyte allocation.
#pragma once
#include "io/SafetensorsFile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

struct ExpectedWeight {
    std::string tensor;           // key in the weight file
    std::vector<int64_t> shape;   // kAnyDim where the config does not fix the size
    std::string configKey;        // what in the config sets this shape, for the message
};

inline constexpr int64_t kAnyDim = -1;

// Throws ModelError "<configSource>: '<configKey>' does not match <weights> (<tensor> is [..], the
// config needs [..])" for the first tensor that is missing or shaped otherwise.
void requireWeightShapes(const std::vector<ExpectedWeight>& expected, const SafetensorsFile& weights,
                         const std::string& configSource);

} // namespace i2v
