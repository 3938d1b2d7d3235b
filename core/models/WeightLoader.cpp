#include "models/WeightLoader.h"

#include "models/Layers.h"
#include "util/Errors.h"
#include "util/HugePageAllocator.h"

#include <ATen/ATen.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>

namespace i2v {
namespace {

// Where each converted weight starts in the block the weights share: the alignment libtorch's CPU allocator
// gives every block, which vectorised kernels (oneDNN, the AVX-512 lanes) expect.
constexpr int64_t kWeightAlignment = 64;

std::string shapeText(c10::IntArrayRef shape) {
    std::ostringstream s;
    s << shape;
    return s.str();
}

// True when no element of a contiguous CPU tensor has every exponent bit set (the IEEE encoding of NaN
// and +-inf). A plain loop the compiler vectorises: isfinite().all() builds a bool temporary as large as
// each tensor, and libtorch 1.13's Half min/max is scalar code (2 s over the UNet's fp16 weights).
template <typename Bits>
bool noExponentAllOnes(const at::Tensor& t, Bits exponent) {
    const Bits* p = static_cast<const Bits*>(t.data_ptr());
    Bits hit = 0;
    for (int64_t i = 0, n = t.numel(); i < n; ++i)
        hit |= Bits((p[i] & exponent) == exponent);
    return hit == 0;
}

bool allFinite(const at::Tensor& t) {
    if (t.is_cpu() && t.is_contiguous()) {
        switch (t.scalar_type()) {
        case c10::kFloat: return noExponentAllOnes<uint32_t>(t, 0x7f800000u);
        case c10::kDouble: return noExponentAllOnes<uint64_t>(t, 0x7ff0000000000000ull);
        case c10::kHalf: return noExponentAllOnes<uint16_t>(t, 0x7c00u);
        case c10::kBFloat16: return noExponentAllOnes<uint16_t>(t, 0x7f80u);
        default: break;
        }
    }
    return at::isfinite(t).all().item<bool>();
}

} // namespace

void loadWeights(torch::nn::Module& module, const SafetensorsFile& file, const WeightLoadOptions& options) {
    torch::NoGradGuard noGrad;
    // The layers' placeholders (allocated, never touched) are freed here as the weights replace them: the CPU
    // allocator keeps them no longer than this load, or the next module's placeholders or a job's blocks would
    // take them before touched pages and the process would hold more than it uses (util/HugePageAllocator.h).
    const KeptLargeTensorBlocksRelease release;
    const std::string where = file.path().string();
    const std::string advice = ": the weights do not match the model's config.json; download this component again";

    // Weights of the layers that upcast per call (Layers.h) may stay as stored in fp16/bf16.
    std::set<std::string> halfCapable;
    if (options.keepHalfWeights && options.dtype == c10::kFloat)
        for (const auto& item : module.named_modules(/*name_prefix=*/"", /*include_self=*/false))
            if (dynamic_cast<const UpcastsWeight*>(item.value().get()))
                halfCapable.insert(item.key() + ".weight");

    // 1. Every tensor checked against the model and its dtype chosen before any memory is taken for them.
    struct Planned {
        std::string key;
        at::Tensor target, stored;
        c10::ScalarType dtype;
    };
    std::vector<Planned> plan;
    std::set<std::string> used;
    auto check = [&](const std::string& key, const at::Tensor& target) {
        if (!file.contains(key))
            throw ModelError(where + ": missing tensor '" + key + "' (expected shape " + shapeText(target.sizes()) + ")" +
                             advice);
        const auto& info = file.info(key);
        if (c10::IntArrayRef(info.shape) != target.sizes())
            throw ModelError(where + ": tensor '" + key + "' has shape " + shapeText(info.shape) + ", expected " +
                             shapeText(target.sizes()) + advice);
        at::Tensor stored = file.tensor(key);
        if (at::isFloatingType(stored.scalar_type()) != at::isFloatingType(target.scalar_type()))
            throw ModelError(where + ": tensor '" + key + "' has dtype " + info.dtypeName + ", expected a " +
                             (at::isFloatingType(target.scalar_type()) ? "floating-point" : "integer") + " tensor" +
                             advice);
        const bool keepHalf = halfCapable.count(key) &&
                              (stored.scalar_type() == c10::kHalf || stored.scalar_type() == c10::kBFloat16);
        const auto dtype = keepHalf ? stored.scalar_type()
                           : at::isFloatingType(stored.scalar_type()) ? options.dtype
                                                                      : target.scalar_type();
        plan.push_back({key, target, std::move(stored), dtype});
        used.insert(key);
    };
    for (auto& item : module.named_parameters(/*recurse=*/true))
        check(item.key(), item.value());
    for (auto& item : module.named_buffers(/*recurse=*/true))
        check(item.key(), item.value());
    for (const auto& key : file.keys()) {
        if (used.count(key) ||
            std::find(options.ignoredKeys.begin(), options.ignoredKeys.end(), key) != options.ignoredKeys.end())
            continue;
        throw ModelError(where + ": unexpected tensor '" + key +
                         "' that this model does not have: the file belongs to a different model or config.json "
                         "is wrong; download this component again");
    }

    // 2. On the CPU the weights converted from the file's dtype share one block: each in a block of its own, a
    // weight of 4 MiB or more would be rounded up to whole 2 MiB huge pages (util/HugePageAllocator.h), 293 MB
    // more resident for the full-size bf16 pipeline. Each still has a storage of its own, which keeps the block.
    const bool oneBlock = options.device.is_cpu();
    auto converted = [&](const Planned& p) { return oneBlock && p.stored.scalar_type() != p.dtype; };
    auto blockBytes = [](const Planned& p) {
        return (p.stored.numel() * int64_t(c10::elementSize(p.dtype)) + kWeightAlignment - 1) / kWeightAlignment *
               kWeightAlignment;
    };
    int64_t total = 0;
    for (const Planned& p : plan)
        if (converted(p))
            total += blockBytes(p);
    const at::Tensor block = at::empty({total}, at::TensorOptions().dtype(at::kByte));
    int64_t offset = 0;

    // 3. Filled: zero-copy where the file holds the compute dtype on the CPU (a view of the mapped file, copy-on-write
    // pages, so nothing can change the file). For a GPU the tensor travels in its stored dtype and is cast there: a
    // blocking to(device, dtype) would convert on the CPU first.
    for (Planned& p : plan) {
        at::Tensor value;
        if (converted(p)) {
            uint8_t* start = block.data_ptr<uint8_t>() + offset;
            offset += blockBytes(p);
            value = at::from_blob(start, p.stored.sizes(), [keep = block](void*) {},
                                  at::TensorOptions().dtype(p.dtype).device(at::kCPU));
            value.copy_(p.stored);
        } else {
            value = oneBlock ? p.stored : p.stored.to(options.device).to(p.dtype);
        }
        if (value.data_ptr() != p.stored.data_ptr())
            file.releasePages(p.key);  // a converted copy: the file's pages need not stay resident beside it
        if (options.checkFinite && at::isFloatingType(p.dtype) && !allFinite(value))
            throw ModelError(where + ": tensor '" + p.key + "' contains NaN or infinite values" +
                             (p.dtype != c10::kFloat && at::isfinite(p.stored.to(c10::kFloat)).all().item<bool>()
                                  ? std::string(" after conversion to ") + c10::toString(p.dtype) +
                                        " (it overflows: use float32 compute)"
                                  : std::string(": the file is corrupt; download this component again")));
        p.stored = at::Tensor();  // the file's view, once used
        p.target.set_data(value);
        p.target.set_requires_grad(false);
    }
}

} // namespace i2v
