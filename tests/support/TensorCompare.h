// Tensor comparison for Qt Test: the max-abs difference with a readable failure message.
#pragma once
#include <ATen/Tensor.h>
#include <QtTest/QtTest>
#include <string>

namespace i2v::test {

// Max |a - b| over all elements (both cast to double on CPU); infinity when shapes differ.
double maxAbsDiff(const at::Tensor& actual, const at::Tensor& expected);

// "name: max abs diff X at index I (actual A, expected B), shape ..." for failure messages.
std::string describeDiff(const std::string& name, const at::Tensor& actual, const at::Tensor& expected);

} // namespace i2v::test

// Fails the current test when `actual` and `expected` differ in shape or by more than `atol`.
#define I2V_COMPARE_TENSORS(actual, expected, atol, name)                                          \
    do {                                                                                          \
        const double i2vDiff_ = ::i2v::test::maxAbsDiff((actual), (expected));                    \
        if (!(i2vDiff_ <= (atol)))                                                                \
            QFAIL(::i2v::test::describeDiff((name), (actual), (expected)).c_str());               \
    } while (0)

// Fails unless the two tensors are equal element for element (integers, uint8 images).
#define I2V_COMPARE_TENSORS_EXACT(actual, expected, name) I2V_COMPARE_TENSORS(actual, expected, 0.0, name)
