// The shared attention kernel: the chunked fallback equals one-shot softmax attention for every chunk
// size (the memory mode must never change results), with and without masks, and in bf16.
#include "models/AttentionKernel.h"
#include "support/TensorCompare.h"

#include <torch/version.h>

using namespace i2v;

namespace {

at::Tensor reference(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& mask, double scale) {
    at::Tensor s = at::matmul(q.to(at::kDouble), k.to(at::kDouble).transpose(-1, -2)) * scale;
    if (mask.defined())
        s = s + mask.to(at::kDouble);
    return at::matmul(s.softmax(-1), v.to(at::kDouble));
}

} // namespace

class TestAttentionKernel : public QObject {
    Q_OBJECT
private slots:
    void chunkedEqualsUnchunked() {
        torch::manual_seed(0);
        const at::Tensor q = torch::randn({2, 3, 37, 8}), k = torch::randn({2, 3, 29, 8}), v = torch::randn({2, 3, 29, 8});
        AttentionSettings whole;
        whole.maxScoreBytes = 0;
        whole.useFusedKernel = false;
        const at::Tensor expected = scaledDotProductAttention(q, k, v, {}, 0.35, whole);
        // float64 reference: the fp32 kernel differs only by rounding (~1e-7 at these sizes).
        I2V_COMPARE_TENSORS(expected, reference(q, k, v, {}, 0.35), 1e-5, "unchunked vs float64");
        for (int64_t rows : {1, 2, 5, 36, 37, 100}) {
            AttentionSettings chunked = whole;
            chunked.maxScoreBytes = rows * 2 * 3 * 29 * int64_t(sizeof(float));
            // Chunking splits rows of independent softmaxes; only the GEMM kernel BLAS picks for a given
            // row count may change the last bit (2.4e-7 seen), so one float32 ulp-scale bound.
            I2V_COMPARE_TENSORS(scaledDotProductAttention(q, k, v, {}, 0.35, chunked), expected, 1e-6,
                                "chunk rows " + std::to_string(rows));
        }
    }

    void causalMaskIsHonouredInEveryChunk() {
        torch::manual_seed(1);
        const at::Tensor q = torch::randn({1, 2, 11, 4}), k = torch::randn({1, 2, 11, 4}), v = torch::randn({1, 2, 11, 4});
        const at::Tensor mask = torch::full({11, 11}, -1e30).triu(1).view({1, 1, 11, 11});
        AttentionSettings s;
        s.useFusedKernel = false;
        s.maxScoreBytes = 3 * 2 * 11 * int64_t(sizeof(float));
        I2V_COMPARE_TENSORS(scaledDotProductAttention(q, k, v, mask, 0.5, s), reference(q, k, v, mask, 0.5), 1e-5, "causal");
    }

    // The softmax written over the scores gives libtorch's out-of-place softmax bit for bit: rows of one
    // element, rows longer than a vector, whole rows at -1e30 (a masked-out query), and huge spreads.
    void softmaxOverScoresEqualsLibtorchs() {
        torch::manual_seed(3);
        for (const std::vector<int64_t>& shape : {std::vector<int64_t>{3, 7, 77}, {2, 5, 1}, {4, 64, 4096}, {1, 33, 29}}) {
            at::Tensor scores = torch::randn(shape) * 20;
            scores.select(-2, 0).fill_(-1e30);
            const at::Tensor expected = scores.softmax(-1);
            at::Tensor work = scores.clone();
            const at::Tensor got = softmaxOverScores(work);
            QVERIFY2(at::equal(got, expected), c10::str(shape).c_str());
#if TORCH_VERSION_MAJOR < 2
            QCOMPARE(got.data_ptr(), work.data_ptr());  // no second score-sized buffer
#endif
        }
        // Not contiguous, or not float32: libtorch's own softmax.
        const at::Tensor strided = torch::randn({6, 10}).t();
        QVERIFY(at::equal(softmaxOverScores(strided), strided.softmax(-1)));
        const at::Tensor half = torch::randn({4, 9}).to(at::kBFloat16);
        QVERIFY(at::equal(softmaxOverScores(half), half.softmax(-1)));
    }

    void bfloat16UpcastsTheSoftmax() {
        torch::manual_seed(2);
        const at::Tensor q = torch::randn({1, 1, 16, 8}), k = torch::randn({1, 1, 16, 8}), v = torch::randn({1, 1, 16, 8});
        AttentionSettings s;
        s.useFusedKernel = false;
        const at::Tensor out = scaledDotProductAttention(q.to(at::kBFloat16), k.to(at::kBFloat16), v.to(at::kBFloat16), {},
                                                         0.35, s, true);
        QCOMPARE(out.scalar_type(), at::kBFloat16);
        // bf16 has 8 bits of mantissa: 3e-2 is a few ulps at these magnitudes.
        I2V_COMPARE_TENSORS(out.to(at::kFloat), reference(q, k, v, {}, 0.35), 3e-2, "bf16");
    }
};

QTEST_APPLESS_MAIN(TestAttentionKernel)
#include "tst_attention_kernel.moc"
