// Precompiled header shared by all test executables (torch is ~25 s per TU without it).
#pragma once
#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <QtTest/QtTest>
