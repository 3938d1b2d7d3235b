// FeedForward's row chunking (the memory bound for its intermediate activations) gives the same result as one
// call, for GEGLU and GELU, ragged last chunks and a single row per chunk; and applyAttentionSettings is what
// sets the bound in a model.
#include "models/Attention.h"
#include "models/FeedForward.h"
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
