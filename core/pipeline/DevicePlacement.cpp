#include "pipeline/DevicePlacement.h"

#include "util/Errors.h"
#include "util/Runtime.h"

#include <torch/cuda.h>

#include <stdexcept>

namespace i2v {

c10::Device resolveDevice(const std::string& name) {
    if (name == "auto")
        return torch::cuda::is_available() ? c10::Device(c10::kCUDA) : c10::Device(c10::kCPU);
    c10::Device device(c10::kCPU);
    try {
        device = c10::Device(name);
    } catch (const c10::Error&) {
        throw InputError("unknown device '" + name + "' (cpu, cuda, cuda:N or auto)");
    }
    if (!device.is_cpu() && !device.is_cuda())
        throw InputError("device '" + name + "' is not supported (cpu, cuda)");
    if (device.is_cuda()) {
        if (const std::string problem = cudaProblem(); !problem.empty())
            throw InputError("device '" + name + "' asked for, but " + problem + ": use cpu");
    }
    if (device.is_cuda() && device.has_index() && device.index() >= int(torch::cuda::device_count()))
        throw InputError("device '" + name + "' asked for, but this machine has " +
                         std::to_string(torch::cuda::device_count()) + " CUDA device(s): use cuda:0 to cuda:" +
                         std::to_string(int(torch::cuda::device_count()) - 1));
    return device;
}

PipelineOptions resolveForDevice(PipelineOptions o, c10::Device device) {
    if (o.dtype == ComputeDtype::Auto)
        o.dtype = device.is_cuda() ? ComputeDtype::Float16 : ComputeDtype::Float32;
    if (o.attention.maxScoreBytes == PipelineOptions::kAutoChunkBytes)
        o.attention.maxScoreBytes = device.is_cuda() ? 0 : AttentionSettings{}.maxScoreBytes;
    return o;
}

c10::ScalarType scalarTypeOf(ComputeDtype d) {
    switch (d) {
    case ComputeDtype::Auto: throw std::logic_error("scalarTypeOf(ComputeDtype::Auto): resolve it for a device first");
    case ComputeDtype::Float32: return c10::kFloat;
    case ComputeDtype::BFloat16: return c10::kBFloat16;
    case ComputeDtype::Float16: return c10::kHalf;
    }
    return c10::kFloat;
}

} // namespace i2v
