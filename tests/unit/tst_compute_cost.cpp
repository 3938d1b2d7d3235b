// The arithmetic of a job read off the weights (pipeline/ComputeCost.h) equals what the engine really runs:
// every convolution, linear layer and matrix product the tiny UNet and VAE call is counted from its input
// shapes by a libtorch op observer, and the two totals must agree exactly, per kind, at even and odd
// latent sizes. The estimate in the desktop app and the GFLOP/s of i2v-bench rest on these counts.
#include "io/DiffusersFolder.h"
#include "io/SafetensorsFile.h"
#include "models/WeightLoader.h"
#include "models/autoencoders/AutoencoderKL.h"
#include "models/unets/UNetI2VGenXL.h"
#include "pipeline/ComputeCost.h"
#include "pipeline/JobCost.h"
#include "support/TestData.h"

#include <ATen/record_function.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <set>

using namespace i2v;

namespace {

// Multiply-accumulates of the outermost GEMM-like ops, from their input shapes: ops they call inside
// (conv2d → mkldnn_convolution, matmul → bmm) are not counted again. A product with a weight is a linear
// layer, one between activations an attention product (the engine runs both through the same mm/bmm
// calls, models/ParallelMatmul.cpp, or through its own per-matrix sgemm calls, recorded as an op of their own:
// models/BatchedSgemm.cpp). Global, not thread-local: the engine splits GEMMs over intra-op threads.
class OpCounter {
public:
    explicit OpCounter(torch::nn::Module& model) {
        for (const auto& p : model.parameters())
            weights_.insert(p.storage().data());
        // libtorch takes plain function pointers: the one counter alive is reached through `active_`.
        active_ = this;
        handle_ = at::addGlobalCallback(
            at::RecordFunctionCallback(
                [](const at::RecordFunction& fn) -> std::unique_ptr<at::ObserverContext> {
                    const Op op = opOf(fn.name());
                    if (op != Op::None && depth()++ == 0)
                        active_.load()->count(op, fn.inputs());
                    return nullptr;
                },
                [](const at::RecordFunction& fn, at::ObserverContext*) {
                    if (opOf(fn.name()) != Op::None)
                        --depth();
                })
                .needsInputs(true));
    }
    ~OpCounter() {
        at::removeCallback(handle_);
        active_ = nullptr;
    }
    FlopCount flops() const {
        std::lock_guard lock(mutex_);
        return macs_ * 2.0;
    }

private:
    enum class Op { None, Convolution, Linear, Addmm, Mm, Batched, Baddbmm, Attention };
    static int& depth() {
        thread_local int d = 0;
        return d;
    }
    static Op opOf(const char* name) {
        static const std::pair<const char*, Op> ops[] = {
            {"aten::conv2d", Op::Convolution}, {"aten::conv3d", Op::Convolution}, {"aten::convolution", Op::Convolution},
            {"aten::_convolution", Op::Convolution}, {"aten::linear", Op::Linear}, {"aten::addmm", Op::Addmm},
            {"aten::mm", Op::Mm}, {"aten::matmul", Op::Batched}, {"aten::bmm", Op::Batched},
            {"aten::baddbmm", Op::Baddbmm}, {"i2v::bmm_through_blas", Op::Batched}, {"aten::scaled_dot_product_attention", Op::Attention}};
        for (const auto& [n, op] : ops)
            if (std::strcmp(name, n) == 0)
                return op;
        return Op::None;
    }
    static double product(at::IntArrayRef sizes) {
        double p = 1;
        for (int64_t s : sizes)
            p *= double(s);
        return p;
    }
    bool isWeight(const at::Tensor& t) const { return weights_.count(t.storage().data()) > 0; }

    void count(Op op, c10::ArrayRef<const c10::IValue> in) {
        const auto tensor = [&](size_t i) { return in[i].toTensor(); };
        double macs = 0;
        bool linear = false;
        if (op == Op::Convolution) {
            // (input, weight, bias, stride, padding, dilation, ...): output positions × weight elements.
            const at::IntArrayRef x = tensor(0).sizes(), wt = tensor(1).sizes();
            const auto stride = in[3].toIntVector(), padding = in[4].toIntVector(), dilation = in[5].toIntVector();
            double positions = double(x[0]);
            for (size_t d = 2; d < x.size(); ++d)
                positions *= double((x[d] + 2 * padding[d - 2] - dilation[d - 2] * (wt[d] - 1) - 1) / stride[d - 2] + 1);
            std::lock_guard lock(mutex_);
            macs_.convolution += positions * product(wt);
            return;
        }
        if (op == Op::Linear) {  // linear(x[..., in], W[out, in])
            macs = product(tensor(0).sizes()) / double(tensor(0).size(-1)) * product(tensor(1).sizes());
            linear = true;
        } else if (op == Op::Attention) {  // sdpa(q[..., L, D], k[..., S, D], v): two products
            macs = 2 * product(tensor(0).sizes()) * double(tensor(1).size(-2));
        } else {  // addmm(c, a, b), baddbmm(c, a, b), mm(a, b), bmm/matmul(a[..., m, k], b[..., k, n])
            const size_t first = op == Op::Addmm || op == Op::Baddbmm ? 1 : 0;
            const at::Tensor a = tensor(first), b = tensor(first + 1);
            macs = std::max(product(a.sizes()), product(b.sizes()) / double(b.size(-1)) * double(a.size(-2))) *
                   double(b.size(-1));
            linear = isWeight(a) || isWeight(b);
        }
        std::lock_guard lock(mutex_);
        (linear ? macs_.linear : macs_.attention) += macs;
    }

    static inline std::atomic<OpCounter*> active_{nullptr};
    std::set<const void*> weights_;
    at::CallbackHandle handle_;
    mutable std::mutex mutex_;
    FlopCount macs_;
};

std::vector<WeightShape> weightShapes(torch::nn::Module& module) {
    std::vector<WeightShape> out;
    for (const auto& p : module.named_parameters())
        out.push_back({p.key(), p.value().sizes().vec()});
    return out;
}

// A small job on the tiny checkpoint, for the memory estimate's comparisons.
GenerationRequest smallJob() {
    GenerationRequest r;
    r.width = 96;
    r.height = 64;
    r.numFrames = 4;
    return r;
}

void compareCounts(const FlopCount& counted, const FlopCount& modelled) {
    QCOMPARE(modelled.convolution, counted.convolution);
    QCOMPARE(modelled.linear, counted.linear);
    QCOMPARE(modelled.attention, counted.attention);
}

} // namespace

class TestComputeCost : public QObject {
    Q_OBJECT
private slots:
    void unetStepIsWhatTheUNetRuns_data() {
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("w");
        QTest::newRow("8x12 latents, 4 frames") << 4 << 8 << 12;
        QTest::newRow("odd 9x13 latents, 3 frames") << 3 << 9 << 13;
    }
    void unetStepIsWhatTheUNetRuns() {
        QFETCH(int, frames);
        QFETCH(int, h);
        QFETCH(int, w);
        c10::InferenceMode guard;
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        UNetI2VGenXL unet(UNetI2VGenXLConfig::fromJson(folder.componentConfig("unet")));
        loadWeights(unet, SafetensorsFile(folder.weightsFile("unet")));
        const int64_t c = unet.config().inChannels, cross = unet.config().crossAttentionDim;
        const at::Tensor sample = at::randn({2, c, frames, h, w}), latents = at::randn({2, c, frames, h, w});
        const UNetConditioning cond = unet.encodeConditioning(at::full({2}, 16, at::kLong), latents,
                                                              at::randn({2, 1, cross}), at::randn({2, 77, cross}));
        FlopCount counted;
        {
            OpCounter counter(unet);
            unet.forward(sample, at::tensor(int64_t(981)), cond);
            counted = counter.flops();
        }
        QVERIFY(counted.convolution > 0 && counted.linear > 0 && counted.attention > 0);
        const UNetCost cost(weightShapes(unet), cond.context.size(1));
        compareCounts(counted, cost.forward(2, frames, h, w));
    }

    void vaeDecodeAndEncodeAreWhatTheVaeRuns() {
        c10::InferenceMode guard;
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        AutoencoderKL vae(AutoencoderKLConfig::fromJson(folder.componentConfig("vae")));
        loadWeights(vae, SafetensorsFile(folder.weightsFile("vae")));
        const VaeCost cost(weightShapes(vae));
        const int64_t factor = vae.config().downscaleFactor();
        FlopCount counted;
        {
            OpCounter counter(vae);
            vae.decodeBatch(at::randn({1, vae.config().latentChannels, 6, 10}));
            counted = counter.flops();
        }
        compareCounts(counted, cost.decodeFrame(6, 10));
        {
            OpCounter counter(vae);
            vae.encode(at::randn({1, 3, 6 * factor, 10 * factor}));
            counted = counter.flops();
        }
        compareCounts(counted, cost.encodeImage(6 * factor, 10 * factor));
    }

    // The memory estimate holds the VAE in the compute dtype, except a force_upcast VAE under float16, which
    // runs in float32.
    void vaeMemoryIsCountedInTheDtypeItRunsIn() {
        const DiffusersFolder folder(test::tinyModelDir());
        QVERIFY(folder.componentConfig("vae").json().value("force_upcast", false));
        const JobCostModel model(folder, WeightsVariant::Auto, 77);
        const GenerationRequest r = smallJob();
        MemorySettings bf16;
        bf16.computeBytes = 2;
        MemorySettings fp16 = bf16;
        fp16.float16 = true;
        MemorySettings fp32;
        const JobCost a = model.estimate(r, bf16), b = model.estimate(r, fp16), c = model.estimate(r, fp32);
        QVERIFY(b.weightBytes > a.weightBytes);      // the VAE's weights in 4 bytes instead of 2
        QVERIFY(b.activationBytes >= a.activationBytes);
        QVERIFY(c.weightBytes > b.weightBytes);
    }

    // Offload holds each encoder only while it runs: denoising and decoding hold less, but the larger encoder is
    // resident beside the UNet and the VAE for a while, so that stage bounds the peak from below; a larger picture
    // needs more to encode.
    void encodingHoldsTheEncoderThatRuns() {
        const DiffusersFolder folder(test::tinyModelDir());
        const JobCostModel model(folder, WeightsVariant::Auto, 77);
        const GenerationRequest r = smallJob();
        MemorySettings held;
        held.computeBytes = 2;
        MemorySettings offload = held;
        offload.offloadEncoders = true;
        const JobCost a = model.estimate(r, held), b = model.estimate(r, offload);
        QVERIFY(b.weightBytes < a.weightBytes);
        QVERIFY(b.encodingBytes <= a.encodingBytes);
        QVERIFY(a.encodingBytes > a.weightBytes);
        QVERIFY(b.peakBytes() >= b.weightBytes + (a.weightBytes - b.weightBytes) / 2 + b.processBytes);
        QVERIFY(b.peakBytes() <= a.peakBytes());
        GenerationRequest larger = r;
        larger.width = 192;
        QVERIFY(model.estimate(larger, held).encodingBytes > a.encodingBytes);
    }

    void countsGrowWithEverySize() {
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        c10::InferenceMode guard;
        UNetI2VGenXL unet(UNetI2VGenXLConfig::fromJson(folder.componentConfig("unet")));
        const UNetCost cost(weightShapes(unet), 145);
        const double base = cost.forward(2, 8, 32, 48).total();
        QVERIFY(cost.forward(2, 16, 32, 48).total() > base);
        QVERIFY(cost.forward(2, 8, 64, 48).total() > base);
        QVERIFY(cost.forward(2, 8, 32, 96).total() > base);
        QVERIFY(cost.forward(1, 8, 32, 48).total() < base);
        // Spatial attention is quadratic in the positions: doubling both sides more than quadruples it.
        QVERIFY(cost.forward(2, 8, 64, 96).attention > 4 * cost.forward(2, 8, 32, 48).attention);
    }
};

QTEST_APPLESS_MAIN(TestComputeCost)
#include "tst_compute_cost.moc"
