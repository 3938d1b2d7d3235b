// FeedForward's row chunking (the memory bound for its intermediate activations) gives the same result as one
// call, for GEGLU and GELU, ragged last chunks and a single row per chunk; applyAttentionSettings is what
// sets the bound in a model; GEGLU's product computed in cache-sized blocks is diffusers' expression.
#include "models/Attention.h"
#include "models/Bf16Arithmetic.h"
#include "models/FeedForward.h"
#include "models/GatedGelu.h"
#include "support/TensorCompare.h"

#include <torch/nn/modules/container/sequential.h>

using namespace i2v;

namespace {

FeedForward randomFeedForward(int64_t dim, const std::string& activation) {
    FeedForward ff(dim, activation);
    torch::NoGradGuard noGrad;
    for (auto& p : ff->parameters())
        p.copy_(torch::randn(p.sizes()) * 0.2);   // the layers allocate uninitialised (weights come from files)
    return ff;
}

} // namespace

class TestFeedForward : public QObject {
    Q_OBJECT
private slots:
    void chunkedEqualsWhole_data() {
        QTest::addColumn<QString>("activation");
        QTest::newRow("geglu") << "geglu";
        QTest::newRow("gelu") << "gelu";
    }

    void chunkedEqualsWhole() {
        QFETCH(QString, activation);
        torch::manual_seed(3);
        torch::InferenceMode inference;
        const int64_t dim = 16;
        FeedForward ff = randomFeedForward(dim, activation.toStdString());
        const at::Tensor x = torch::randn({2, 37, dim});
        const at::Tensor whole = ff(x);
        QCOMPARE(whole.sizes().vec(), x.sizes().vec());
        const int64_t rowBytes = ff->net->at<GeluProjectionImpl>(0).proj->options.out_features() * 4;
        for (int64_t rows : {1, 5, 73, 74}) {
            ff->maxIntermediateBytes = rows * rowBytes;
            // Rows are independent; only the GEMM kernel BLAS picks for a given row count may change the
            // last bit, so a float32 ulp-scale bound.
            I2V_COMPARE_TENSORS(ff(x), whole, 1e-6, "chunk rows " + std::to_string(rows));
        }
        ff->maxIntermediateBytes = 1;   // smaller than one row: still one row per chunk, never zero
        I2V_COMPARE_TENSORS(ff(x), whole, 1e-6, "one row per chunk");
    }

    // gatedGelu against diffusers' `hidden * gelu(gate)` on the halves: blocks of rows over the threads (ragged
    // last block, bf16), and the shapes it leaves to that expression (small, non-contiguous).
    void gatedGeluIsHiddenTimesGeluOfGate_data() {
        QTest::addColumn<QList<int>>("shape");
        QTest::addColumn<bool>("bf16");
        QTest::addColumn<bool>("transposed");
        QTest::addColumn<double>("spread");
        QTest::newRow("blocks, fp32") << QList<int>{2, 333, 640} << false << false << 1.0;
        QTest::newRow("blocks, one row each") << QList<int>{3, 40, 20480} << false << false << 1.0;
        QTest::newRow("blocks, bf16") << QList<int>{2, 333, 640} << true << false << 1.0;
        // 325 products a row: 20 whole vectors of 16 and 5 lanes of one (GatedGeluAvx512.h, where it runs); gates to
        // +-30, where erf is +-1 and exp(-x^2) underflows.
        QTest::newRow("blocks, bf16, a part of a vector, wide range") << QList<int>{2, 333, 650} << true << false << 7.0;
        QTest::newRow("small") << QList<int>{2, 5, 64} << false << false << 1.0;
        QTest::newRow("non-contiguous") << QList<int>{2, 640, 333} << false << true << 1.0;
    }

    void gatedGeluIsHiddenTimesGeluOfGate() {
        QFETCH(QList<int>, shape);
        QFETCH(bool, bf16);
        QFETCH(bool, transposed);
        QFETCH(double, spread);
        torch::manual_seed(4);
        torch::InferenceMode inference;
        at::Tensor projected = torch::randn(std::vector<int64_t>(shape.begin(), shape.end())) * spread;
        if (transposed)
            projected = projected.transpose(-1, -2);
        if (bf16)
            projected = projected.to(at::kBFloat16);
        // bf16 on libtorch 1.x: the float32 product of the widened halves, rounded once (GatedGelu.h).
        const bool inFloat = bf16PassesInFloat(projected);
        const auto parts = (inFloat ? projected.to(at::kFloat) : projected).chunk(2, -1);
        const at::Tensor expected = (parts[0] * at::gelu(parts[1])).to(projected.scalar_type());
        const at::Tensor actual = gatedGelu(projected);
        QCOMPARE(actual.sizes().vec(), expected.sizes().vec());
        QCOMPARE(actual.scalar_type(), expected.scalar_type());
        // The same libtorch gelu and multiply on each element, but libtorch computes the elements left over from
        // its vector width with its scalar erf, and where its threads' ranges end mid-row that differs from
        // the blocks: an ulp or two apart there (products up to ~20: 2e-6 in float32). In bf16 on AVX-512 the
        // engine's own erf and exp (GatedGeluAvx512.h) are as far from libtorch's.
        if (!bf16) {
            I2V_COMPARE_TENSORS(actual, expected, 1e-5, "gated gelu");
            return;
        }
        // Against the float64 product: within half a bf16 ulp (2^-8 relative) and the float32 steps' error (1e-7 of
        // |hidden| at most, the erfc approximation's in the far tail). libtorch 2 keeps its own bf16 expression
        // (Bf16Arithmetic.h), as diffusers computes it: gelu(gate) rounded to bf16, then the product, so half an
        // ulp twice.
        const double rounding = inFloat ? 1.0 / 256 : 2.0 / 256;
        const auto exactParts = projected.to(at::kDouble).chunk(2, -1);
        const at::Tensor exact = exactParts[0] * at::gelu(exactParts[1]);
        const at::Tensor error = (actual.to(at::kDouble) - exact).abs();
        QVERIFY(error.le(exact.abs() * (rounding + 1e-5) + exactParts[0].abs() * 1e-7).all().item<bool>());
        // Where libtorch's float32 expression keeps its precision (gates from -2 up, where 1 + erf >= 0.045 and its
        // error is under 2e-6 relative; GatedGeluAvx512.h), that one rounded once: a float32 ulp moves a bf16
        // rounding almost nowhere, so fewer than one element in 10,000 differ.
        const at::Tensor accurate = exactParts[1].ge(-2);
        const int64_t differing = (at::ne(actual, expected) & accurate).sum().item<int64_t>();
        QVERIFY2(differing * 10000 < actual.numel(), c10::str(differing, " of ", actual.numel(), " differ").c_str());
    }

    void attentionSettingsSetTheBound() {
        torch::nn::Sequential model(FeedForward(8, "geglu"), FeedForward(8, "gelu"));
        AttentionSettings settings;
        settings.maxScoreBytes = 12345;
        applyAttentionSettings(*model, settings);
        for (const auto& m : model->modules(false))
            if (auto* ff = dynamic_cast<FeedForwardImpl*>(m.get()))
                QCOMPARE(ff->maxIntermediateBytes, int64_t(12345));
    }
};

QTEST_APPLESS_MAIN(TestFeedForward)
#include "tst_feed_forward.moc"
