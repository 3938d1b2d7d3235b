// The temporal convolutions' matrix products (models/TemporalConvolution.h): equal to libtorch's 3-D convolution up
// to float rounding for every padding, tap count and clip length (frames at the edges take only the taps inside the
// clip), whether the input is laid out frame by frame or not; bf16 rounded once, no further from the float64 result
// than libtorch's bf16 convolution; the same result on one thread as on two; Conv3d takes them only where they
// apply; a cancelled token stops them.
#include "models/Bf16Arithmetic.h"
#include "models/Layers.h"
#include "models/TemporalConvolution.h"
#include "support/TensorCompare.h"
#include "util/CancelToken.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

using namespace i2v;

namespace {

at::Tensor reference(const at::Tensor& x, const at::Tensor& w, const at::Tensor& b, int64_t padding) {
    return at::conv3d(x.to(at::kDouble), w.to(at::kDouble), b.defined() ? b.to(at::kDouble) : b, 1, {padding, 0, 0});
}

double relativeRms(const at::Tensor& actual, const at::Tensor& expected) {
    const at::Tensor e = expected.to(at::kDouble);
    return ((actual.to(at::kDouble) - e).pow(2).mean() / e.pow(2).mean()).sqrt().item<double>();
}

// A Conv3d layer as TemporalConvLayer makes it (3 x 1 x 1, frames padded by 1), its weights drawn here.
Conv3d temporalLayer(int64_t in, int64_t out, at::ScalarType dtype) {
    Conv3d conv(torch::nn::Conv3dOptions(in, out, {3, 1, 1}).padding({1, 0, 0}));
    conv->weight = (torch::randn(conv->weight.sizes()) / std::sqrt(3.0 * double(in))).to(dtype);
    conv->bias = torch::randn({out}).to(dtype);
    return conv;
}

} // namespace

class TestTemporalConvolution : public QObject {
    Q_OBJECT
private slots:
    void init() { torch::manual_seed(0); }

    void equalsTheConvolution_data() {
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("taps");
        QTest::addColumn<int>("padding");
        QTest::addColumn<bool>("withBias");
        QTest::newRow("3x1x1, 16 frames") << 16 << 3 << 1 << true;
        QTest::newRow("3x1x1, 2 frames") << 2 << 3 << 1 << true;
        QTest::newRow("3x1x1, 1 frame") << 1 << 3 << 1 << false;
        QTest::newRow("3x1x1, no padding") << 5 << 3 << 0 << true;
        QTest::newRow("5x1x1, padding 2, 3 frames") << 3 << 5 << 2 << true;
        QTest::newRow("5x1x1, padding 1") << 6 << 5 << 1 << false;
        QTest::newRow("1x1x1") << 4 << 1 << 0 << true;
    }
    void equalsTheConvolution() {
        QFETCH(int, frames);
        QFETCH(int, taps);
        QFETCH(int, padding);
        QFETCH(bool, withBias);
        // Positions over more than one block of products (1024), the last one partial.
        const at::Tensor x = torch::randn({2, 6, frames, 23, 47}, at::kDouble);
        const at::Tensor w = torch::randn({5, 6, taps, 1, 1}, at::kDouble);
        const at::Tensor b = withBias ? torch::randn({5}, at::kDouble) : at::Tensor();
        const at::Tensor expected = reference(x, w, b, padding);
        I2V_COMPARE_TENSORS(temporalConvolution(x, w, b, padding, nullptr), expected, 1e-12, "float64");
        const at::Tensor x32 = x.to(at::kFloat), w32 = w.to(at::kFloat), b32 = withBias ? b.to(at::kFloat) : b;
        const at::Tensor y32 = temporalConvolution(x32, w32, b32, padding, nullptr);
        QCOMPARE(y32.scalar_type(), at::kFloat);
        I2V_COMPARE_TENSORS(y32, expected, 1e-5, "float32");
    }

    // A temporal layer's input is laid out frame by frame ([B * F, C, H, W] seen as [B, C, F, H, W]): its rows are
    // multiplied where they lie, and the result keeps that layout.
    void framesLaidOutOneAfterTheOther() {
        const at::Tensor contiguous = torch::randn({2, 6, 5, 7, 9}, at::kDouble);
        const at::Tensor byFrame = contiguous.transpose(1, 2).contiguous().transpose(1, 2);
        const at::Tensor w = torch::randn({4, 6, 3, 1, 1}, at::kDouble), b = torch::randn({4}, at::kDouble);
        const at::Tensor y = temporalConvolution(byFrame, w, b, 1, nullptr);
        QVERIFY(y.transpose(1, 2).is_contiguous());
        I2V_COMPARE_TENSORS_EXACT(y, temporalConvolution(contiguous, w, b, 1, nullptr), "frame by frame");
        I2V_COMPARE_TENSORS(y, reference(contiguous, w, b, 1), 1e-12, "against the convolution");
    }

    // Accumulated in float32 and rounded once: within half a bf16 step of the float64 result of the same bf16
    // values, and no further from it than libtorch's own bf16 convolution.
    void bf16RoundsOnce() {
        const at::Tensor x = torch::randn({2, 64, 8, 5, 7}).to(at::kBFloat16);
        const at::Tensor w = (torch::randn({128, 64, 3, 1, 1}) / 14.0).to(at::kBFloat16);
        const at::Tensor b = torch::randn({128}).to(at::kBFloat16);
        const at::Tensor expected = reference(x, w, b, 1);
        const at::Tensor y = temporalConvolution(x, w, b, 1, nullptr);
        QCOMPARE(y.scalar_type(), at::kBFloat16);
        const at::Tensor err = (y.to(at::kDouble) - expected).abs();
        QVERIFY((err <= expected.abs() * (1.0 / 256) + 1e-6).all().item<bool>());
        const double ours = relativeRms(y, expected), libtorch = relativeRms(at::conv3d(x, w, b, 1, {1, 0, 0}), expected);
        QVERIFY2(ours <= libtorch * 1.05, qPrintable(QString("rel-RMS %1 against libtorch's %2").arg(ours).arg(libtorch)));
    }

    // Every block is the same product whichever thread runs it.
    void oneThreadGivesTheSameResult() {
        const at::Tensor x = torch::randn({2, 64, 4, 9, 130}).to(at::kBFloat16);
        const at::Tensor w = (torch::randn({128, 64, 3, 1, 1}) / 14.0).to(at::kBFloat16);
        const at::Tensor b = torch::randn({128}).to(at::kBFloat16);
        const int threads = at::get_num_threads();
        const at::Tensor shared = temporalConvolution(x, w, b, 1, nullptr);
        at::set_num_threads(1);
        const at::Tensor alone = temporalConvolution(x, w, b, 1, nullptr);
        at::set_num_threads(threads);
        I2V_COMPARE_TENSORS_EXACT(shared.to(at::kFloat), alone.to(at::kFloat), "1 thread against the shared run");
    }

    void convLayerTakesThemWhereTheyApply() {
        Conv3d conv = temporalLayer(128, 128, at::kBFloat16);
        const at::Tensor x = torch::randn({2, 128, 4, 3, 5}).to(at::kBFloat16);
        // bf16 with bf16 products only: where they run in float32 (Bf16Arithmetic.h) the convolution does too.
        QCOMPARE(temporalConvolutionApplies(x, conv->weight, conv->options), !bf16ProductsInFloat(x));
        if (!bf16ProductsInFloat(x))
            I2V_COMPARE_TENSORS_EXACT(conv->forward(x).to(at::kFloat),
                                      temporalConvolution(x, conv->weight, conv->bias, 1, nullptr).to(at::kFloat),
                                      "Conv3d");
        // What stays with libtorch's convolution.
        QVERIFY(!temporalConvolutionApplies(x.to(at::kFloat), conv->weight.to(at::kFloat), conv->options));
        const Conv3d thin = temporalLayer(64, 64, at::kBFloat16);
        QVERIFY(!temporalConvolutionApplies(x.narrow(1, 0, 64), thin->weight, thin->options));
        auto options = conv->options;
        QVERIFY(!temporalConvolutionApplies(x, conv->weight, torch::nn::Conv3dOptions(options).stride({2, 1, 1})));
        QVERIFY(!temporalConvolutionApplies(x, conv->weight, torch::nn::Conv3dOptions(options).groups(2)));
        QVERIFY(!temporalConvolutionApplies(x, conv->weight, torch::nn::Conv3dOptions(options).padding({1, 1, 0})));
        QVERIFY(!temporalConvolutionApplies(x, conv->weight, torch::nn::Conv3dOptions(options).dilation({2, 1, 1})));
        QVERIFY(!temporalConvolutionApplies(
            x, conv->weight, torch::nn::Conv3dOptions(options).padding_mode(torch::kReplicate)));
        QVERIFY(!temporalConvolutionApplies(x, conv->weight, torch::nn::Conv3dOptions(128, 128, {3, 3, 3}).padding(1)));
    }

    void cancelledTokenStopsThem() {
        const at::Tensor x = torch::randn({1, 8, 2, 4, 4}), w = torch::randn({8, 8, 3, 1, 1});
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, temporalConvolution(x, w, {}, 1, &cancel));
    }
};

QTEST_APPLESS_MAIN(TestTemporalConvolution)
#include "tst_temporal_convolution.moc"
