// Precompiled header of the engine: one torch include costs ~25 s per TU on the build machines.
#pragma once
#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <memory>
