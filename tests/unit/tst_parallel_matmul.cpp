// parallelLinear / parallelMatmul (models/ParallelMatmul.h) split large products over libtorch's threads:
// they must give at::linear's / at::matmul's result for every shape the models use (row, column and batch split,
// non-contiguous operands, bias or not), leave small and odd shapes to libtorch, and report errors as
// libtorch does, also when they happen on a worker thread.
#include "models/BatchedSgemm.h"
#include "models/ParallelMatmul.h"
#include "support/TensorCompare.h"
#include "util/Runtime.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <dlfcn.h>

using namespace i2v;

namespace {

// Each output element is one dot product computed by one BLAS call either way; only the GEMM kernel
// that BLAS picks for a block's row count may change how it is summed, so an fp32 ulp-scale bound.
constexpr double kUlpScale = 1e-5;

} // namespace

class TestParallelMatmul : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        configureThreads(2);  // as the app does on this 2-core machine: the split needs > 1 thread
        QVERIFY(at::get_num_threads() > 1);
        // The products below really are split (this build has OpenMP, Debian's libtorch has no MKL), so
        // the tests run the split path, in InferenceMode as the engine does: its workers must get the
        // caller's thread-local state or in-place ops on inference tensors throw there.
        QCOMPARE(parallelMatmulThreads(), at::get_num_threads());
    }

    void linearMatchesLibtorch_data() {
        QTest::addColumn<QList<int>>("inputShape");
        QTest::addColumn<int>("outFeatures");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<bool>("transposedInput");
        QTest::newRow("3-D, bias") << QList<int>{2, 333, 320} << 640 << true << false;
        QTest::newRow("3-D, no bias") << QList<int>{2, 333, 320} << 640 << false << false;
        QTest::newRow("2-D, bias") << QList<int>{1027, 256} << 512 << true << false;
        QTest::newRow("non-contiguous input") << QList<int>{3, 320, 300} << 640 << true << true;
        // Fewer rows than kMinRowsPerThread per thread: the output columns are split instead, also when their
        // count is no multiple of the column unit.
        QTest::newRow("few rows: column split, bias") << QList<int>{4, 16, 1280} << 1000 << true << false;
        QTest::newRow("few rows: column split, no bias") << QList<int>{64, 640} << 1280 << false << false;
        QTest::newRow("few rows: column split, non-contiguous") << QList<int>{2, 640, 40} << 320 << true << true;
        QTest::newRow("small: libtorch's own call") << QList<int>{2, 3, 8} << 4 << true << false;
    }

    void linearMatchesLibtorch() {
        QFETCH(QList<int>, inputShape);
        QFETCH(int, outFeatures);
        QFETCH(bool, withBias);
        QFETCH(bool, transposedInput);
        c10::InferenceMode guard;
        at::manual_seed(1);
        std::vector<int64_t> shape(inputShape.begin(), inputShape.end());
        at::Tensor x = at::randn(shape);
        if (transposedInput)
            x = x.transpose(-1, -2);
        const at::Tensor w = at::randn({outFeatures, x.size(-1)}) * 0.05;
        const at::Tensor b = withBias ? at::randn({outFeatures}) : at::Tensor();
        const at::Tensor expected = at::linear(x, w, b);
        const at::Tensor actual = parallelLinear(x, w, b);
        QCOMPARE(actual.sizes().vec(), expected.sizes().vec());
        I2V_COMPARE_TENSORS(actual, expected, kUlpScale, "linear");
    }

    void matmulMatchesLibtorch_data() {
        QTest::addColumn<QList<int>>("batch");
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::newRow("attention scores, batch split") << QList<int>{4, 5} << 200 << 64 << 190;
        QTest::newRow("temporal attention: many tiny matrices") << QList<int>{512, 5} << 16 << 64 << 16;
        QTest::newRow("one large matrix: row split") << QList<int>{1, 1} << 700 << 64 << 650;
        QTest::newRow("3-D") << QList<int>{3} << 300 << 40 << 300;
        QTest::newRow("small: libtorch's own call") << QList<int>{2} << 4 << 4 << 4;
    }

    void matmulMatchesLibtorch() {
        QFETCH(QList<int>, batch);
        QFETCH(int, m);
        QFETCH(int, k);
        QFETCH(int, n);
        c10::InferenceMode guard;
        at::manual_seed(2);
        std::vector<int64_t> aShape(batch.begin(), batch.end()), bShape = aShape;
        aShape.insert(aShape.end(), {m, k});
        bShape.insert(bShape.end(), {n, k});
        const at::Tensor a = at::randn(aShape);
        const at::Tensor bt = at::randn(bShape).transpose(-1, -2);  // k^T, as attention passes it
        const at::Tensor expected = at::matmul(a, bt);
        const at::Tensor actual = parallelMatmul(a, bt);
        QCOMPARE(actual.sizes().vec(), expected.sizes().vec());
        I2V_COMPARE_TENSORS(actual, expected, kUlpScale, "matmul");
        // The batch split assigns whole matrices to threads: bit for bit what libtorch's loop computes.
        if (batch.size() > 1 && batch[0] * batch[1] >= at::get_num_threads())
            QVERIFY(at::equal(actual, expected));
    }

    // A split chosen by the caller: whole matrices to each thread, bit for bit libtorch's per-matrix calls even for
    // fewer matrices than threads; rows of each matrix, up to the row count's rounding.
    void chosenSplitMatchesLibtorch() {
        c10::InferenceMode guard;
        at::manual_seed(5);
        for (int64_t batch : {1, 3, 8}) {
            // Entries of the product ~1, as kUlpScale's are.
            const at::Tensor a = at::randn({batch, 300, 64}) * 0.125, bt = at::randn({batch, 280, 64}).transpose(1, 2);
            const at::Tensor expected = at::matmul(a, bt);
            QVERIFY(at::equal(parallelMatmul(a, bt, MatmulSplit::Matrices), expected));
            I2V_COMPARE_TENSORS(parallelMatmul(a, bt, MatmulSplit::Rows), expected, kUlpScale, "rows");
        }
    }

    // bmmThroughBlas makes libtorch's own per-matrix sgemm call: at::bmm's result bit for bit, for every layout
    // the attention passes (q and probabilities row-major, k^T a transposed view, slices of a batch) and the
    // transposed ones; what libtorch computes otherwise is declined.
    void blasBmmIsLibtorchsBmm_data() {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("transposeA");
        QTest::addColumn<bool>("transposeB");
        QTest::newRow("temporal scores q k^T") << 16 << 64 << 16 << false << true;
        QTest::newRow("temporal output p v") << 16 << 16 << 64 << false << false;
        QTest::newRow("spatial scores") << 120 << 40 << 96 << false << true;
        QTest::newRow("a transposed") << 24 << 40 << 17 << true << false;
        QTest::newRow("both transposed") << 9 << 33 << 20 << true << true;
    }

    void blasBmmIsLibtorchsBmm() {
        QFETCH(int, m);
        QFETCH(int, k);
        QFETCH(int, n);
        QFETCH(bool, transposeA);
        QFETCH(bool, transposeB);
        c10::InferenceMode guard;
        at::manual_seed(3);
        const at::Tensor a = transposeA ? at::randn({300, k, m}).transpose(1, 2) : at::randn({300, m, k});
        const at::Tensor b = transposeB ? at::randn({300, n, k}).transpose(1, 2) : at::randn({300, k, n});
        for (const auto& [first, count] : {std::pair<int64_t, int64_t>{0, 300}, {7, 150}}) {
            const at::Tensor as = a.narrow(0, first, count), bs = b.narrow(0, first, count);
            at::Tensor c = at::empty({count, m, n});
            QVERIFY(bmmThroughBlas(c, as, bs));
            QVERIFY(at::equal(c, at::bmm(as, bs)));
        }
    }

    void blasBmmDeclinesWhatLibtorchDoesOtherwise() {
        c10::InferenceMode guard;
        at::Tensor c = at::empty({4, 16, 16});
        QVERIFY(!bmmThroughBlas(c, at::randn({4, 16, 64}, at::kBFloat16), at::randn({4, 64, 16}, at::kBFloat16)));
        at::Tensor small = at::empty({4, 4, 4});
        QVERIFY(!bmmThroughBlas(small, at::randn({4, 4, 4}), at::randn({4, 4, 4})));  // < 400 multiply-adds
        at::Tensor row = at::empty({4, 1, 64});
        QVERIFY(!bmmThroughBlas(row, at::randn({4, 1, 64}), at::randn({4, 64, 64})));
        const at::Tensor strided = at::randn({4, 16, 128}).narrow(2, 0, 64), b = at::randn({4, 64, 16});
        at::Tensor out = at::empty({4, 16, 16});
        QVERIFY(bmmThroughBlas(out, strided, b));  // rows with a longer stride: still one BLAS call each
        QVERIFY(at::equal(out, at::bmm(strided, b)));
        const at::Tensor everyOther = at::randn({4, 16, 128}).slice(2, 0, 128, 2);  // neither layout
        QVERIFY(!bmmThroughBlas(out, everyOther, b));
    }

    // Products too small to share out make the same per-matrix GEMM calls on the caller's thread: at::matmul's
    // result bit for bit, for a small job's attention shapes, k^T as a transposed view, products under libtorch's
    // 400 multiply-adds (which it computes without BLAS) and float64 (left to libtorch).
    void smallProductsAreLibtorchsBitForBit() {
        c10::InferenceMode guard;
        at::manual_seed(6);
        struct Case {
            std::vector<int64_t> batch;
            int64_t m, k, n;
            at::ScalarType dtype;
        };
        for (const Case& c : {Case{{2, 8}, 96, 8, 96, at::kFloat}, Case{{2, 8}, 96, 96, 8, at::kFloat},
                              Case{{48}, 4, 32, 4, at::kFloat}, Case{{3}, 4, 4, 4, at::kFloat},
                              Case{{2, 8}, 96, 8, 96, at::kDouble}}) {
            std::vector<int64_t> aShape = c.batch, bShape = c.batch;
            aShape.insert(aShape.end(), {c.m, c.k});
            bShape.insert(bShape.end(), {c.n, c.k});
            const at::Tensor a = at::randn(aShape, at::TensorOptions().dtype(c.dtype));
            const at::Tensor bt = at::randn(bShape, at::TensorOptions().dtype(c.dtype)).transpose(-1, -2);
            const at::Tensor actual = parallelMatmul(a, bt);
            QCOMPARE(actual.sizes().vec(), at::matmul(a, bt).sizes().vec());
            QVERIFY(at::equal(actual, at::matmul(a, bt)));
            QVERIFY(at::equal(parallelMatmul(a, bt.contiguous()), at::matmul(a, bt.contiguous())));
        }
    }

    void otherShapesGoToLibtorch() {
        c10::InferenceMode guard;
        const at::Tensor a = at::randn({4, 300, 64});
        const at::Tensor broadcast = at::randn({64, 300});  // 3-D x 2-D: at::matmul broadcasts
        QVERIFY(at::equal(parallelMatmul(a, broadcast), at::matmul(a, broadcast)));
    }

    void nestedInAParallelRegion() {
        c10::InferenceMode guard;
        const at::Tensor a = at::randn({8, 256, 64}), b = at::randn({8, 64, 256});
        const at::Tensor expected = at::matmul(a, b);
        std::vector<at::Tensor> results(2);
        at::parallel_for(0, 2, 1, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i)
                results[i] = parallelMatmul(a, b);  // inside a parallel region: libtorch's own call
        });
        for (const auto& r : results)
            QVERIFY(at::equal(r, expected));
    }

    // With OpenBLAS's own pool at 2 threads (OPENBLAS_NUM_THREADS set by the user), a split would run two
    // BLAS threads per core from inside libtorch's workers: the products go to libtorch whole instead.
    void threadedBlasIsNotSplitAgain() {
        using SetThreads = void (*)(int);
        const auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
        if (!set)
            QSKIP("the BLAS in use is not OpenBLAS");
        set(2);
        const int threads = parallelMatmulThreads();
        set(1);
        QCOMPARE(threads, 1);
        QCOMPARE(parallelMatmulThreads(), at::get_num_threads());
    }

    void errorsReachTheCaller() {
        c10::InferenceMode guard;
        // Wrong inner size and mixed dtypes fail as libtorch's calls do, from whichever thread ran them.
        const at::Tensor x = at::randn({4, 512, 256});
        QVERIFY_THROWS_EXCEPTION(c10::Error, parallelLinear(x, at::randn({256, 255}), at::Tensor()));
        QVERIFY_THROWS_EXCEPTION(c10::Error, parallelLinear(x, at::randn({256, 256}, at::kDouble), at::Tensor()));
        QVERIFY_THROWS_EXCEPTION(c10::Error, parallelMatmul(x, at::randn({4, 256, 512}, at::kDouble)));
        QVERIFY_THROWS_EXCEPTION(c10::Error, parallelMatmul(at::randn({4, 8, 16}), at::randn({4, 16, 8}, at::kDouble)));
    }
};

QTEST_APPLESS_MAIN(TestParallelMatmul)
#include "tst_parallel_matmul.moc"
