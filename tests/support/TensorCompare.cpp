#include "support/TensorCompare.h"

#include <ATen/ATen.h>
#include <limits>
#include <sstream>

namespace i2v::test {

static std::string shapeText(const at::Tensor& t) {
    std::ostringstream s;
    s << t.sizes();
    return s.str();
}

double maxAbsDiff(const at::Tensor& actual, const at::Tensor& expected) {
    if (!actual.defined() || !expected.defined() || actual.sizes() != expected.sizes())
        return std::numeric_limits<double>::infinity();
    if (actual.numel() == 0)
        return 0.0;
    const at::Tensor d = (actual.detach().to(at::kCPU, at::kDouble) - expected.detach().to(at::kCPU, at::kDouble)).abs();
    if (d.isnan().any().item<bool>())
        return std::numeric_limits<double>::infinity();
    return d.max().item<double>();
}

std::string describeDiff(const std::string& name, const at::Tensor& actual, const at::Tensor& expected) {
    std::ostringstream s;
    s << name << ": ";
    if (!actual.defined() || !expected.defined()) {
        s << "undefined tensor";
        return s.str();
    }
    if (actual.sizes() != expected.sizes()) {
        s << "shape " << shapeText(actual) << " != expected " << shapeText(expected);
        return s.str();
    }
    if (actual.numel() == 0) {
        s << "empty tensors";
        return s.str();
    }
    const at::Tensor a = actual.detach().to(at::kCPU, at::kDouble).flatten();
    const at::Tensor e = expected.detach().to(at::kCPU, at::kDouble).flatten();
    const at::Tensor d = (a - e).abs().nan_to_num(std::numeric_limits<double>::infinity());
    const int64_t i = d.argmax().item<int64_t>();
    s << "max abs diff " << d[i].item<double>() << " at flat index " << i << " (actual " << a[i].item<double>()
      << ", expected " << e[i].item<double>() << "), shape " << shapeText(actual);
    return s.str();
}

} // namespace i2v::test
