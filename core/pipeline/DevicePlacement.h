// Where and in which precision a pipeline runs: PipelineOptions' device name and Auto settings made
// concrete for this machine and this libtorch.
#pragma once
#include "pipeline/PipelineOptions.h"

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>

namespace i2v {

// "cpu", "cuda", "cuda:N" (N checked against the device count) or "auto"; InputError otherwise or when
// this libtorch or machine has no CUDA.
c10::Device resolveDevice(const std::string& name);
// The options as they run on `device`: Auto dtype and attention chunking made concrete.
PipelineOptions resolveForDevice(PipelineOptions options, c10::Device device);
// The compute dtype's scalar type; Auto must have been resolved.
c10::ScalarType scalarTypeOf(ComputeDtype dtype);

} // namespace i2v
