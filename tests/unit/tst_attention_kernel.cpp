// The shared attention kernel: the chunked fallback equals one-shot softmax attention for every chunk
// size (the memory mode must never change results; chunks of whole matrices bit for bit), with and without
// masks, and in bf16; the chunks are cut no finer than the bound needs; long keys go to the blocked running
// softmax, which equals the float64 softmax up to float32 rounding (in bf16: no further from it than the chunked
// fallback's bf16).
#include "models/AttentionKernel.h"
#include "models/Bf16Arithmetic.h"
#include "models/BlockedAttention.h"
#include "models/OnlineSoftmaxAvx512.h"
#include "support/TensorCompare.h"
#include "util/CancelToken.h"
#include "util/Runtime.h"

#include <torch/version.h>

#include <cmath>
#include <limits>
#include <vector>

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
        // Bounds of 1, 5 and 36 rows of one matrix's scores, then 1, 2, 5 and all 6 whole matrices.
        const int64_t rowBytes = 29 * int64_t(sizeof(float));
        for (int64_t bytes : {rowBytes, 5 * rowBytes, 36 * rowBytes, 37 * rowBytes, 2 * 37 * rowBytes, 5 * 37 * rowBytes,
                              6 * 37 * rowBytes}) {
            AttentionSettings chunked = whole;
            chunked.maxScoreBytes = bytes;
            // Chunking splits rows of independent softmaxes; only the GEMM kernel BLAS picks for a given
            // row count may change the last bit (2.4e-7 seen), so one float32 ulp-scale bound.
            I2V_COMPARE_TENSORS(scaledDotProductAttention(q, k, v, {}, 0.35, chunked), expected, 1e-6,
                                "chunk bound " + std::to_string(bytes));
        }
    }

    // How the scores are cut (scoreChunk): whole matrices where one fits the bound, as many as fit in whole shares
    // of the threads; else rows of one matrix, as many as fit; with a mask, rows of the whole batch. Rows are cut
    // no finer than the bound needs: the first spatial attention of a 1280x704x16 job (160 matrices of
    // 14080 x 14080 scores) was cut into 29 rows of every matrix at once, and each chunk packed every key matrix.
    void scoresAreCutIntoWholeMatricesOrRowsOfOne() {
        configureThreads(2);
        const int64_t threads = parallelMatmulThreads();
        const AttentionSettings bound;  // 256 MiB
        const ScoreChunk firstLevel = scoreChunk(160, 14080, 14080, false, bound);
        QCOMPARE(firstLevel.matrices, int64_t(1));
        QCOMPARE(firstLevel.rows, (int64_t(256) << 20) / (14080 * 4));
        QCOMPARE(firstLevel.split, threads > 1 ? MatmulSplit::Rows : MatmulSplit::Matrices);
        const ScoreChunk secondLevel = scoreChunk(320, 3520, 3520, false, bound);  // 49.6 MB a matrix: 5 fit
        QCOMPARE(secondLevel.matrices, 5 - 5 % threads);
        QCOMPARE(secondLevel.rows, int64_t(3520));
        QCOMPARE(secondLevel.split, MatmulSplit::Matrices);
        const ScoreChunk crossAttention = scoreChunk(160, 14080, 77, false, bound);  // 4.3 MB a matrix: 61 fit
        QCOMPARE(crossAttention.matrices, 61 - 61 % threads);
        QCOMPARE(crossAttention.rows, int64_t(14080));
        const ScoreChunk masked = scoreChunk(24, 77, 77, true, [] { AttentionSettings s; s.maxScoreBytes = 24 * 10 * 77 * 4; return s; }());
        QCOMPARE(masked.matrices, int64_t(24));
        QCOMPARE(masked.rows, int64_t(10));
        const ScoreChunk unbounded = scoreChunk(160, 14080, 14080, false, [] { AttentionSettings s; s.maxScoreBytes = 0; return s; }());
        QCOMPARE(unbounded.matrices, int64_t(160));
        QCOMPARE(unbounded.rows, int64_t(14080));
    }

    // Chunks of whole matrices shared out over the threads give the unchunked op's result bit for bit: each matrix
    // is the same GEMM calls, whatever the chunk's size (the last chunk here has fewer matrices than threads).
    void wholeMatrixChunksAreTheUnchunkedOpBitForBit() {
        configureThreads(2);
        c10::InferenceMode guard;
        torch::manual_seed(4);
        const at::Tensor q = torch::randn({2, 5, 256, 64}), k = torch::randn({2, 5, 300, 64}), v = torch::randn({2, 5, 300, 64});
        AttentionSettings s;
        s.useFusedKernel = false;
        s.maxScoreBytes = 0;
        const at::Tensor whole = scaledDotProductAttention(q, k, v, {}, 0.125, s);
        for (int64_t matrices : {2, 3, 4, 9}) {
            s.maxScoreBytes = matrices * 256 * 300 * int64_t(sizeof(float));
            QVERIFY2(at::equal(scaledDotProductAttention(q, k, v, {}, 0.125, s), whole), std::to_string(matrices).c_str());
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

    // Long keys (>= 2048) without a mask run in blocks with a running softmax: ragged query and key blocks (300 =
    // 256 + 44 rows, 2100 = 4 x 512 + 52 keys), heads as a permuted view (no copy of q, k, v), and keys whose
    // scores peak in the last block, so that the running maximum moves and every partial sum is rescaled.
    void longKeysRunInBlocksWithARunningSoftmax() {
        configureThreads(2);
        c10::InferenceMode guard;
        torch::manual_seed(6);
        const at::Tensor q = torch::randn({2, 300, 3, 16}).permute({0, 2, 1, 3});  // [B, H, L, D] of [B, L, H, D]
        at::Tensor k = torch::randn({2, 3, 2100, 16});
        k.narrow(2, 2050, 50).mul_(4);
        const at::Tensor v = torch::randn({2, 3, 2100, 16});
        AttentionSettings s;
        s.useFusedKernel = false;
        QVERIFY(blockedAttentionApplies(q, k, v, {}));
        const at::Tensor out = scaledDotProductAttention(q, k, v, {}, 0.25, s);
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{2, 3, 300, 16}));
        // float32 products and exps, summed in another order than the two-pass softmax: no further from the float64
        // softmax than the chunked fallback's float32 (a zero mask keeps the op there).
        const at::Tensor expected = reference(q, k, v, {}, 0.25);
        const at::Tensor twoPass = scaledDotProductAttention(q, k, v, torch::zeros({1, 1, 1, 2100}), 0.25, s);
        const double blockedError = test::maxAbsDiff(out, expected), twoPassError = test::maxAbsDiff(twoPass, expected);
        QVERIFY2(blockedError <= 1.5 * twoPassError, c10::str(blockedError, " against ", twoPassError).c_str());
        // The element-wise steps in libtorch ops, as a processor without AVX-512 runs them (on one with it, the lanes
        // of OnlineSoftmaxAvx512.h ran above): as close.
        const at::Tensor viaOps = blockedAttention(q, k, v, 0.25, nullptr, BlockedSteps::LibtorchOps);
        const double opsError = test::maxAbsDiff(viaOps, expected);
        QVERIFY2(opsError <= 1.5 * twoPassError, c10::str(opsError, " against ", twoPassError).c_str());
        // With a token, checked between waves of query blocks; cancelled, the op stops.
        CancelToken token;
        I2V_COMPARE_TENSORS(scaledDotProductAttention(q, k, v, {}, 0.25, s, true, &token), out, 0.0, "with a token");
        token.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, scaledDotProductAttention(q, k, v, {}, 0.25, s, true, &token));

        // What stays with the chunked fallback: a mask, short keys, and bf16 where neither its products run in
        // float32 nor AVX-512 runs the element-wise steps beside bf16 products.
        QVERIFY(!blockedAttentionApplies(q, k, v, torch::zeros({1, 1, 300, 2100})));
        QVERIFY(!blockedAttentionApplies(q, k.narrow(2, 0, 2047), v.narrow(2, 0, 2047), {}));
        const at::Tensor qb = q.to(at::kBFloat16), kb = k.to(at::kBFloat16), vb = v.to(at::kBFloat16);
        QCOMPARE(blockedAttentionApplies(qb, kb, vb, {}), bf16ProductsInFloat(qb) || avx512::available());
        if (bf16ProductsInFloat(qb)) {  // widened a matrix at a time, rounded once
            const at::Tensor outb = scaledDotProductAttention(qb, kb, vb, {}, 0.25, s);
            QCOMPARE(outb.scalar_type(), at::kBFloat16);
            I2V_COMPARE_TENSORS(outb.to(at::kFloat), reference(qb, kb, vb, {}, 0.25), 1e-2, "blocked bf16");
        }
    }

    // bf16 with bf16 products (oneDNN) and the scale, running maximum, exps and sums in AVX-512: scores, exps and each
    // block's product with v rounded to bf16 as the chunked fallback's bf16 GEMMs and softmax round them.
    void longBf16KeysRunInBlocksWithBf16Products() {
        if (bf16ProductsInFloat(torch::zeros({1}, at::kBFloat16)) || !avx512::available())
            QSKIP("bf16 products run in float32 here, or no AVX-512: longKeysRunInBlocksWithARunningSoftmax covers it");
        configureThreads(2);
        c10::InferenceMode guard;
        torch::manual_seed(7);
        // 600 query rows (a whole block of 512 and a ragged one), 2100 keys (two blocks of 1024 and 52, whose last 4
        // fill a part of a vector), v 20 wide (a part of a vector), q permuted as the layers pass it.
        const at::Tensor q = torch::randn({2, 600, 3, 16}).permute({0, 2, 1, 3}).to(at::kBFloat16);
        at::Tensor k = torch::randn({2, 3, 2100, 16});
        k.narrow(2, 2050, 50).mul_(4);  // the maximum moves in the last block
        const at::Tensor kb = k.to(at::kBFloat16), vb = torch::randn({2, 3, 2100, 20}).to(at::kBFloat16);
        AttentionSettings s;
        s.useFusedKernel = false;
        QVERIFY(blockedAttentionApplies(q, kb, vb, {}));
        // bf16 products take blocks from 256 keys on.
        QVERIFY(blockedAttentionApplies(q, kb.narrow(2, 0, 256), vb.narrow(2, 0, 256), {}));
        QVERIFY(!blockedAttentionApplies(q, kb.narrow(2, 0, 255), vb.narrow(2, 0, 255), {}));
        const at::Tensor out = scaledDotProductAttention(q, kb, vb, {}, 0.25, s);
        QCOMPARE(out.scalar_type(), at::kBFloat16);
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{2, 3, 600, 20}));
        const at::Tensor expected = reference(q, kb, vb, {}, 0.25);
        const at::Tensor twoPass = scaledDotProductAttention(q, kb, vb, torch::zeros({1, 1, 1, 2100}, at::kBFloat16), 0.25, s);
        const auto rms = [&](const at::Tensor& t) { return (t.to(at::kDouble) - expected).pow(2).mean().sqrt().item<double>(); };
        const double blockedMax = test::maxAbsDiff(out, expected), twoPassMax = test::maxAbsDiff(twoPass, expected);
        const double blockedRms = rms(out), twoPassRms = rms(twoPass);
        qInfo("against the float64 softmax: blocked max %.3g rms %.3g, chunked bf16 max %.3g rms %.3g", blockedMax,
              blockedRms, twoPassMax, twoPassRms);
        // Both round the scores, the exps and the output to bf16; the blocks also round each block's product with v
        // (2 blocks here): a fraction of the output rounding's own error on top (RMS 1.002x the chunked path's here).
        QVERIFY2(blockedMax <= 1.1 * twoPassMax && blockedRms <= 1.1 * twoPassRms,
                 c10::str(blockedMax, "/", blockedRms, " against ", twoPassMax, "/", twoPassRms).c_str());
        // With a token, checked between waves of query blocks; cancelled, the op stops.
        CancelToken token;
        I2V_COMPARE_TENSORS(scaledDotProductAttention(q, kb, vb, {}, 0.25, s, true, &token), out, 0.0, "with a token");
        token.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, scaledDotProductAttention(q, kb, vb, {}, 0.25, s, true, &token));
        // A NaN score makes its rows NaN, as the softmax does, and nothing else.
        at::Tensor qNan = q.clone();
        qNan[0][1][5][3] = std::numeric_limits<float>::quiet_NaN();
        const at::Tensor outNan = scaledDotProductAttention(qNan, kb, vb, {}, 0.25, s);
        QVERIFY(outNan[0][1][5].isnan().all().item<bool>());
        QCOMPARE(outNan.isnan().sum().item<int64_t>(), int64_t(20));
    }

    // exp as the AVX-512 steps compute it: 2^(x log2 e) by a polynomial, so within ~1e-7 |x| relative of exp (well
    // inside bf16's 4e-3); 0 at -infinity and far below, exactly 1 at 0, infinity beyond float's range, NaN kept.
    void onlineSoftmaxExpFollowsExp() {
        if (!avx512::available())
            QSKIP("no AVX-512 here");
        std::vector<float> x;
        for (float t = -110.0f; t <= 90.0f; t += 0.0137f)
            x.push_back(t);
        const float inf = std::numeric_limits<float>::infinity();
        x.insert(x.end(), {0.0f, -0.0f, -inf, inf, std::numeric_limits<float>::quiet_NaN(), 1e-30f, -1e-30f});
        std::vector<float> y(x.size());
        avx512::expForTests(x.data(), y.data(), int64_t(x.size()));
        for (size_t i = 0; i < x.size(); ++i) {
            const double e = std::exp(double(x[i]));
            if (std::isnan(x[i])) {
                QVERIFY(std::isnan(y[i]));
            } else if (e < 1e-37 || e > 3e38) {  // near and outside float's normal range: 0 or infinity as exp
                QVERIFY2(std::abs(double(y[i]) - e) <= 2e-45 + 1e-5 * e || (e > 3.4e38 && std::isinf(y[i])),
                         c10::str("exp(", x[i], ") = ", y[i], ", not ", e).c_str());
            } else {
                QVERIFY2(std::abs(double(y[i]) / e - 1.0) <= 2e-7 + 1e-7 * std::abs(double(x[i])),
                         c10::str("exp(", x[i], ") = ", y[i], ", not ", e).c_str());
            }
        }
        QCOMPARE(y[x.size() - 7], 1.0f);
        QCOMPARE(y[x.size() - 5], 0.0f);
        QVERIFY(std::isinf(y[x.size() - 4]));
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
