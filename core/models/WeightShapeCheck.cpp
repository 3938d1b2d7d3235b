#include "models/WeightShapeCheck.h"

#include "util/Errors.h"

namespace i2v {
namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + (shape[i] == kAnyDim ? std::string("*") : std::to_string(shape[i]));
    return s + "]";
}

bool matches(const std::vector<int64_t>& actual, const std::vector<int64_t>& expected) {
    if (actual.size() != expected.size())
        return false;
    for (size_t i = 0; i < actual.size(); ++i)
        if (expected[i] != kAnyDim && expected[i] != actual[i])
            return false;
    return true;
}

} // namespace

void requireWeightShapes(const std::vector<ExpectedWeight>& expected, const SafetensorsFile& weights,
                         const std::string& configSource) {
    for (const ExpectedWeight& e : expected) {
        const std::string where = configSource + ": '" + e.configKey + "' does not match " + weights.path().string();
        if (!weights.contains(e.tensor))
            throw ModelError(where + " (it needs a tensor " + e.tensor + " " + shapeText(e.shape) +
                             ", which the file does not have): the config and the weights do not belong together");
        const auto& actual = weights.info(e.tensor).shape;
        if (!matches(actual, e.shape))
            throw ModelError(where + " (" + e.tensor + " is " + shapeText(actual) + ", the config needs " +
                             shapeText(e.shape) + "): the config and the weights do not belong together");
    }
}

} // namespace i2v
