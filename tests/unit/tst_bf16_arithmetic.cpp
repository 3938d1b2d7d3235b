// bf16 products on a processor without bf16 instructions (models/Bf16Arithmetic.h): linear layers, attention's matrix
// products and 2-D/3-D convolutions of bf16 tensors keep bf16 in and out but compute in fp32 exactly when
// libtorch has no fast bf16 kernel here, giving then the fp32 result of the same operands rounded to bf16
// once; everywhere they stay within bf16's rounding of that result.
#include "models/Bf16Arithmetic.h"
#include "models/Layers.h"
#include "models/ParallelMatmul.h"
#include "util/CpuFeatures.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <torch/torch.h>

using namespace i2v;

namespace {

// The fp32 product of bf16 operands against the engine's bf16 result: the same values rounded to bf16 once
// where the products are widened, and within bf16's rounding (8 bits of mantissa) of them everywhere.
void checkAgainstFloat(const at::Tensor& result, const at::Tensor& reference, const char* what) {
    QCOMPARE(result.scalar_type(), at::kBFloat16);
    QCOMPARE(result.sizes(), reference.sizes());
    if (bf16ProductsInFloat(result)) {
        QVERIFY2(at::equal(result, reference.to(at::kBFloat16)), what);
        return;
    }
    const double scale = reference.abs().max().item<double>();
    const double worst = (result.to(at::kFloat) - reference).abs().max().item<double>();
    QVERIFY2(worst <= scale / 128.0, (std::string(what) + ": " + std::to_string(worst)).c_str());
}

at::Tensor bf16Randn(c10::IntArrayRef sizes) { return at::randn(sizes).to(at::kBFloat16); }

} // namespace

class TestBf16Arithmetic : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        configureThreads(2);
        at::manual_seed(7);
    }

    void widenedExactlyWithoutBf16Instructions() {
        const bool inFloat = bf16ProductsFasterInFloat(detectCpuFeatures());
        QCOMPARE(bf16ProductsInFloat(bf16Randn({4})), inFloat);
        QVERIFY(!bf16ProductsInFloat(at::randn({4})));
        QVERIFY(!bf16ProductsInFloat(at::randn({4}).to(at::kHalf)));
        QVERIFY(!bf16ProductsInFloat(at::Tensor()));
        const at::Tensor b = bf16Randn({3, 5});
        QVERIFY(at::equal(widenedBf16(b).to(at::kBFloat16), b));  // widening is exact
        QCOMPARE(widenedBf16(b).scalar_type(), at::kFloat);
        QVERIFY(!widenedBf16(at::Tensor()).defined());
    }

    void linearAndMatmul() {
        c10::InferenceMode guard;
        const at::Tensor x = bf16Randn({2, 300, 320}), w = bf16Randn({640, 320}), bias = bf16Randn({640});
        checkAgainstFloat(parallelLinear(x, w, bias),
                          parallelLinear(x.to(at::kFloat), w.to(at::kFloat), bias.to(at::kFloat)), "linear");
        checkAgainstFloat(parallelLinear(x, w, {}), parallelLinear(x.to(at::kFloat), w.to(at::kFloat), {}),
                          "linear without bias");
        const at::Tensor q = bf16Randn({2, 5, 256, 64}), k = bf16Randn({2, 5, 64, 256});
        checkAgainstFloat(parallelMatmul(q, k), parallelMatmul(q.to(at::kFloat), k.to(at::kFloat)), "matmul");
    }

    void convolutions() {
        c10::InferenceMode guard;
        Conv2d conv2(torch::nn::Conv2dOptions(32, 48, 3).padding(1));
        Conv3d conv3(torch::nn::Conv3dOptions(32, 48, {3, 1, 1}).padding({1, 0, 0}));
        for (auto* weights : {&conv2->weight, &conv2->bias, &conv3->weight, &conv3->bias})
            *weights = bf16Randn(weights->sizes());
        const at::Tensor x2 = bf16Randn({2, 32, 20, 24}), x3 = bf16Randn({2, 32, 4, 10, 12});
        checkAgainstFloat(conv2->forward(x2),
                          at::conv2d(x2.to(at::kFloat), conv2->weight.to(at::kFloat), conv2->bias.to(at::kFloat), 1, 1),
                          "conv2d");
        checkAgainstFloat(conv3->forward(x3),
                          at::conv3d(x3.to(at::kFloat), conv3->weight.to(at::kFloat), conv3->bias.to(at::kFloat), 1,
                                     {1, 0, 0}),
                          "conv3d");
    }
};

QTEST_GUILESS_MAIN(TestBf16Arithmetic)
#include "tst_bf16_arithmetic.moc"
