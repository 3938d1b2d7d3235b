// Linear and convolution layers for models whose weights always come from a checkpoint.
//  - No random initialisation: parameters are allocated uninitialised (WeightLoader fills every one or
//    throws). libtorch's layers draw kaiming-uniform values for all 1.4 B UNet weights first, which
//    cost seconds and a second full copy of the weights in memory during load.
//  - The weight may stay in the precision it was stored in (fp16 / bf16 files) while the model
//    computes in float32: it is upcast for each call, giving exactly the values an fp32 copy made at
//    load would give, for half the resident memory (WeightLoadOptions::keepHalfWeights).
// Options and parameter names are libtorch's (torch::nn::LinearOptions, "weight", "bias"), so weight
// keys and call sites read as with torch::nn::Linear / Conv2d / Conv3d.
#pragma once
#include <torch/nn/cloneable.h>
#include <torch/nn/modules/common.h>
#include <torch/nn/modules/container/any_value.h>
#include <torch/nn/options/conv.h>
#include <torch/nn/options/linear.h>
#include <torch/nn/pimpl.h>

namespace i2v {

class CancelToken;

// Marks modules whose `weight` may stay in a storage dtype different from the compute dtype.
class UpcastsWeight {
public:
    virtual ~UpcastsWeight() = default;
};

class LinearImpl : public torch::nn::Cloneable<LinearImpl>, public UpcastsWeight {
public:
    explicit LinearImpl(const torch::nn::LinearOptions& options);
    LinearImpl(int64_t inFeatures, int64_t outFeatures) : LinearImpl(torch::nn::LinearOptions(inFeatures, outFeatures)) {}
    void reset() override;
    // With `cancel`, a large call runs in slices of rows with a check between them (CancellableSlices.h):
    // at 1280x704x16 one projection of the UNet's first transformer is ~150 GFLOP.
    at::Tensor forward(const at::Tensor& input, const CancelToken* cancel = nullptr);

    torch::nn::LinearOptions options;
    at::Tensor weight, bias;

protected:
    // Inside a Sequential or an AnyModule (time embeddings, proj_in) the holder may call forward(x).
    FORWARD_HAS_DEFAULT_ARGS({1, torch::nn::AnyValue(static_cast<const CancelToken*>(nullptr))})
};
TORCH_MODULE(Linear);

template <size_t D, typename Derived>
class ConvImpl : public torch::nn::Cloneable<Derived>, public UpcastsWeight {
public:
    explicit ConvImpl(const torch::nn::ConvOptions<D>& options);
    void reset() override;
    // With `cancel`, a large call runs in slices with a check between them (CancellableSlices.h).
    at::Tensor forward(const at::Tensor& input, const CancelToken* cancel = nullptr);

    torch::nn::ConvOptions<D> options;
    at::Tensor weight, bias;

protected:
    // Inside a Sequential (UNet's image_latents_proj_in) the holder calls forward(x): the token defaults to none.
    FORWARD_HAS_DEFAULT_ARGS({1, torch::nn::AnyValue(static_cast<const CancelToken*>(nullptr))})
};

class Conv2dImpl : public ConvImpl<2, Conv2dImpl> {
public:
    using ConvImpl<2, Conv2dImpl>::ConvImpl;
};
TORCH_MODULE(Conv2d);

class Conv3dImpl : public ConvImpl<3, Conv3dImpl> {
public:
    using ConvImpl<3, Conv3dImpl>::ConvImpl;
};
TORCH_MODULE(Conv3d);

} // namespace i2v
