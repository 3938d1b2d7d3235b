// upcastToFloat (models/WeightUpcast.h): the fp32 values of fp16 / bf16 weights kept in half precision
// must be weight.to(kFloat)'s bit for bit, for every one of the 65536 bit patterns (normals, subnormals,
// zeros, infinities; NaN stays NaN), on odd lengths (the vector loop's tail), and for tensors the fast
// paths do not take.
#include "models/WeightUpcast.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <QtTest>

using namespace i2v;

namespace {

// Every 16-bit pattern once, reinterpreted as `type`.
at::Tensor allBitPatterns(at::ScalarType type) {
    return at::arange(-32768, 32768, at::TensorOptions().dtype(at::kInt)).to(at::kShort).view(type);
}

bool sameFloats(const at::Tensor& a, const at::Tensor& b) {
    const at::Tensor nan = at::isnan(b);
    return at::equal(at::isnan(a), nan) &&
           at::equal(a.masked_fill(nan, 0).view(at::kInt), b.masked_fill(nan, 0).view(at::kInt));
}

} // namespace

class TestWeightUpcast : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { configureThreads(2); }

    void everyBitPatternConvertsExactly_data() {
        QTest::addColumn<int>("type");
        QTest::newRow("fp16") << int(at::kHalf);
        QTest::newRow("bf16") << int(at::kBFloat16);
    }

    void everyBitPatternConvertsExactly() {
        QFETCH(int, type);
        c10::InferenceMode guard;
        const at::Tensor all = allBitPatterns(at::ScalarType(type));
        const at::Tensor fast = upcastToFloat(all);
        QCOMPARE(fast.scalar_type(), at::kFloat);
        QVERIFY(sameFloats(fast, all.to(at::kFloat)));
        // Lengths that leave a tail after the 8-wide loop, and a weight-shaped tensor.
        for (int64_t n : {1, 7, 9, 15}) {
            const at::Tensor part = all.narrow(0, 1000, n);
            QVERIFY(sameFloats(upcastToFloat(part), part.to(at::kFloat)));
        }
        // Weight-shaped tensors, the second large enough to be split over the threads.
        for (const auto& shape : {std::vector<int64_t>{64, 3, 3, 3}, std::vector<int64_t>{1280, 1280, 1, 1}}) {
            const at::Tensor weight = (at::randn(shape) * 0.1).to(at::ScalarType(type));
            const at::Tensor w = upcastToFloat(weight);
            QCOMPARE(w.sizes(), weight.sizes());
            QVERIFY(at::equal(w, weight.to(at::kFloat)));
        }
    }

    void otherTensorsTakeLibtorchsConversion() {
        c10::InferenceMode guard;
        const at::Tensor half = at::randn({16, 8}).to(at::kHalf);
        const at::Tensor transposed = half.t();  // not contiguous
        QVERIFY(at::equal(upcastToFloat(transposed), transposed.to(at::kFloat)));
        const at::Tensor f = at::randn({5});
        QVERIFY(at::equal(upcastToFloat(f), f));
        const at::Tensor d = at::randn({5}, at::kDouble);
        QCOMPARE(upcastToFloat(d).scalar_type(), at::kFloat);
    }
};

QTEST_APPLESS_MAIN(TestWeightUpcast)
#include "tst_weight_upcast.moc"
