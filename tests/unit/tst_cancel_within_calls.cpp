// Cancel inside one UNet or VAE call (issue 15 #2): at 1280x704x16 on a CPU one UNet call takes minutes and
// one decoded frame seconds, so the job's cancel token is checked before every layer of every block.
// Deterministic, no timing: the token is set from the UNet's own trace at a known point, and the call must
// stop within the next layer. Inside a layer, the large single ops (a top-level convolution or spatial
// attention of the default job is 1.7 and 8 TFLOP) run in slices of at most kFlopsBetweenCancelChecks with a
// check between them (a convolution's batch or image rows, a projection's tokens, attention's batch and query
// rows), and give the uncut op's result: bit for bit where the batch is cut, up to float rounding otherwise.
// The memory-bound passes between them (GroupNorm and SiLU, LayerNorm, residual sums) run in pieces of samples,
// groups, rows or entries, bit for bit.
#include "io/DiffusersFolder.h"
#include "io/SafetensorsFile.h"
#include "models/AttentionKernel.h"
#include "models/Avx512.h"
#include "models/CancellablePasses.h"
#include "models/CancellableSlices.h"
#include "models/Layers.h"
#include "models/WeightLoader.h"
#include "models/autoencoders/AutoencoderKL.h"
#include "models/clip/ClipTextModel.h"
#include "models/clip/ClipVisionModel.h"
#include "models/unets/UNetI2VGenXL.h"
#include "support/TestData.h"
#include "util/CancelToken.h"

#include <torch/version.h>

using namespace i2v;
using i2v::test::goldenTensor;

class TestCancelWithinCalls : public QObject {
    Q_OBJECT
    std::unique_ptr<UNetI2VGenXL> unet_;
    UNetConditioning cond_;
    at::Tensor sample_, timestep_;

private slots:
    void initTestCase() {
        c10::InferenceMode guard;
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        unet_ = std::make_unique<UNetI2VGenXL>(UNetI2VGenXLConfig::fromJson(folder.componentConfig("unet")));
        loadWeights(*unet_, SafetensorsFile(folder.weightsFile("unet")));
        const std::string c = "ddim_h64w96_f4";
        sample_ = goldenTensor(c + "/step0/unet_sample");
        timestep_ = goldenTensor(c + "/step0/timestep");
        cond_ = unet_->encodeConditioning(goldenTensor(c + "/unet_fps"), goldenTensor(c + "/image_latents"),
                                          goldenTensor(c + "/image_embeddings"),
                                          goldenTensor(c + "/unet_encoder_hidden_states"));
    }

    void cancelStopsTheCallWithinABlock_data() {
        QTest::addColumn<QString>("cancelAt");   // the trace point where the token is set
        QTest::addColumn<QString>("neverReached");
        QTest::newRow("before the first down block") << "transformer_in.out0" << "down_blocks.0.out0";
        QTest::newRow("before the mid block") << "mid_block.in" << "mid_block.out0";
        QTest::newRow("after the mid block") << "mid_block.out0" << "up_blocks.0.out0";
    }

    void cancelStopsTheCallWithinABlock() {
        QFETCH(QString, cancelAt);
        QFETCH(QString, neverReached);
        c10::InferenceMode guard;
        CancelToken cancel;
        std::vector<std::string> seen;
        unet_->trace = [&](const std::string& name, const at::Tensor&) {
            seen.push_back(name);
            if (name == cancelAt.toStdString())
                cancel.cancel();
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, unet_->forward(sample_, timestep_, cond_, &cancel));
        unet_->trace = nullptr;
        QVERIFY(std::find(seen.begin(), seen.end(), cancelAt.toStdString()) != seen.end());
        QVERIFY2(std::find(seen.begin(), seen.end(), neverReached.toStdString()) == seen.end(),
                 "the UNet went on past the next layer after the cancel");
    }

    void vaeDecodeChecksWithinOneCall() {
        // Whole or tiled, one decoder call stops at its first check: the VAE decodes chunk by chunk, and a
        // chunk of one full-resolution frame is itself seconds of work.
        c10::InferenceMode guard;
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        AutoencoderKL vae(AutoencoderKLConfig::fromJson(folder.componentConfig("vae")));
        loadWeights(vae, SafetensorsFile(folder.weightsFile("vae")));
        const at::Tensor z = at::randn({1, vae.config().latentChannels, 16, 16});
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, vae.decodeBatch(z, false, &cancel));
        vae.tiling.sampleTileSize = 8 * vae.config().downscaleFactor();   // 8-latent tiles: z is 2x2 tiles
        QVERIFY_THROWS_EXCEPTION(Cancelled, vae.decodeBatch(z, true, &cancel));
        CancelToken unset;
        QVERIFY(at::equal(vae.decodeBatch(z, false, &unset), vae.decodeBatch(z, false)));
    }

    void encodersCheckWithinOneCall() {
        // The text and image encoders check before each layer, the VAE encoder inside its convolutions: one
        // 1280x704 image is ~30 s of VAE encoder on a 2-core CPU, before the first denoising step.
        c10::InferenceMode guard;
        const DiffusersFolder folder(i2v::test::tinyModelDir());
        CancelToken cancelled, unset;
        cancelled.cancel();
        ClipTextModel text(ClipConfig::fromJson(folder.componentConfig("text_encoder")));
        loadWeights(text, SafetensorsFile(folder.weightsFile("text_encoder")), {.ignoredKeys = ClipTextModel::ignoredKeys()});
        const at::Tensor ids = at::arange(8, at::kLong).unsqueeze(0);
        QVERIFY_THROWS_EXCEPTION(Cancelled, text.encode(ids, 1, &cancelled));
        QVERIFY(at::equal(text.encode(ids, 1, &unset), text.encode(ids, 1)));

        const ClipConfig visionConfig = ClipConfig::fromJson(folder.componentConfig("image_encoder"));
        ClipVisionModelWithProjection vision(visionConfig);
        loadWeights(vision, SafetensorsFile(folder.weightsFile("image_encoder")),
                    {.ignoredKeys = ClipVisionModelWithProjection::ignoredKeys()});
        const at::Tensor pixels = at::randn({1, 3, visionConfig.imageSize, visionConfig.imageSize});
        QVERIFY_THROWS_EXCEPTION(Cancelled, vision.encode(pixels, &cancelled));
        QVERIFY(at::equal(vision.encode(pixels, &unset), vision.encode(pixels)));

        AutoencoderKL vae(AutoencoderKLConfig::fromJson(folder.componentConfig("vae")));
        loadWeights(vae, SafetensorsFile(folder.weightsFile("vae")));
        const at::Tensor image = at::rand({1, vae.config().inChannels, 64, 96}) * 2 - 1;
        QVERIFY_THROWS_EXCEPTION(Cancelled, vae.encode(image, &cancelled));
        QVERIFY(at::equal(vae.encode(image, &unset).mean, vae.encode(image).mean));
    }

    void largeOpsRunInCheckedSlices() {
        CancelToken cancel;
        std::vector<std::pair<int64_t, int64_t>> calls;
        auto op = [&](int64_t start, int64_t len) {
            calls.emplace_back(start, len);
            if (calls.size() == 3)
                cancel.cancel();  // set during the third slice: the fourth never starts
            return at::full({len, 2}, double(start));
        };
        // 10x the bound over 100 entries: slices of 10, the token checked before each.
        QVERIFY_THROWS_EXCEPTION(Cancelled, runInCancellableSlices(100, 0, 10 * kFlopsBetweenCancelChecks, &cancel, op));
        QCOMPARE(calls.size(), size_t(3));
        QCOMPARE(calls.back(), std::make_pair(int64_t(20), int64_t(10)));

        // Uncancelled, the slices fill one output as the whole op would; without a token, one call.
        CancelToken unset;
        calls.clear();
        const at::Tensor sliced = runInCancellableSlices(25, 0, 4.5 * kFlopsBetweenCancelChecks, &unset, op);
        QCOMPARE(calls.size(), size_t(5));
        QCOMPARE(sliced.sizes().vec(), std::vector<int64_t>({25, 2}));
        QCOMPARE(sliced[24][0].item<double>(), 20.0);
        calls.clear();
        runInCancellableSlices(25, 0, 4.5 * kFlopsBetweenCancelChecks, nullptr, op);
        QCOMPARE(calls.size(), size_t(1));
        // Small ops are never cut.
        calls.clear();
        runInCancellableSlices(25, 0, 0.5 * kFlopsBetweenCancelChecks, &unset, op);
        QCOMPARE(calls.size(), size_t(1));
    }

    // Slices of the batch leave every kernel call as it was: bit for bit. Slices of a projection's tokens or of
    // a temporal convolution's image rows give OpenBLAS and oneDNN smaller operands, whose blocking (and so
    // the order of the float sums) depends on their size: the uncut op's result up to float rounding, the
    // same scale (here 3e-6 on values of ~5) as changing the thread count gives the uncut op itself.
    static bool differByRounding(const at::Tensor& sliced, const at::Tensor& whole) {
        const double scale = whole.abs().max().item<double>();
        const double diff = (sliced - whole).abs().max().item<double>();
        if (diff > 2e-6 * scale)
            qWarning("sliced op differs by %g on values up to %g", diff, scale);
        return diff <= 2e-6 * scale;
    }

    void slicedOpsGiveTheUncutResult() {
        c10::InferenceMode guard;
        CancelToken unset;
        // 2 * 147456 * 8 * 128 * 128 = 39 GFLOP: two slices of the batch.
        Conv2d conv(torch::nn::Conv2dOptions(128, 128, 3).padding(1));
        conv->weight.normal_(0, 0.03);
        conv->bias.normal_();
        const at::Tensor x = at::randn({8, 128, 128, 128});
        QVERIFY(at::equal(conv->forward(x, &unset), conv->forward(x)));
        CancelToken cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, conv->forward(x, &cancelled));

        // One image above the bound: bands of output rows, each from the input rows it reads (zero rows for
        // the padding at the edges). 2 * 147456 * 160 * 240 = 11 GFLOP: two bands; 21 GFLOP with 5x5: three.
        const at::Tensor image = at::randn({1, 128, 160, 240});
        QVERIFY(differByRounding(conv->forward(image, &unset), conv->forward(image)));
        Conv2d wide(torch::nn::Conv2dOptions(128, 96, 5).padding(2));
        wide->weight.normal_(0, 0.02);
        wide->bias.normal_();
        QVERIFY(differByRounding(wide->forward(image, &unset), wide->forward(image)));
        QVERIFY_THROWS_EXCEPTION(Cancelled, wide->forward(image, &cancelled));
        // Strided (a downsampler, 44 GFLOP at 2x the size): the bands' input rows follow the stride.
        Conv2d strided(torch::nn::Conv2dOptions(128, 128, 3).stride(2).padding(1));
        strided->weight.normal_(0, 0.03);
        strided->bias.normal_();
        const at::Tensor large = at::randn({1, 128, 641, 960});
        QVERIFY(differByRounding(strided->forward(large, &unset), strided->forward(large)));

        // A temporal 3x1x1 convolution over [B, C, F, H, W] is cut along H: 2 * 49152 * 2 * 16 * 96 * 96 = 29 GFLOP.
        Conv3d temporal(torch::nn::Conv3dOptions(128, 128, {3, 1, 1}).padding({1, 0, 0}));
        temporal->weight.normal_(0, 0.05);
        temporal->bias.normal_();
        const at::Tensor video = at::randn({2, 128, 16, 96, 96});
        QVERIFY(differByRounding(temporal->forward(video, &unset), temporal->forward(video)));

        // 2 * (2 * 4 * 4096) * 4096 * 128 = 34 GFLOP of attention: two slices of the batch, each with the
        // uncut op's chunks of query rows, so every GEMM call is the uncut op's.
        const at::Tensor q = at::randn({2, 4, 4096, 64}), k = at::randn({2, 4, 4096, 64}), v = at::randn({2, 4, 4096, 64});
        const AttentionSettings settings;
        const at::Tensor whole = scaledDotProductAttention(q, k, v, {}, 0.125, settings);
        QVERIFY(at::equal(scaledDotProductAttention(q, k, v, {}, 0.125, settings, true, &unset), whole));
        QVERIFY_THROWS_EXCEPTION(Cancelled, scaledDotProductAttention(q, k, v, {}, 0.125, settings, true, &cancelled));

        // A projection of a transformer's tokens, [B, tokens, C] as the attention passes it (a transposed view):
        // 2 * (2 * 16384) * 512 * 640 = 21 GFLOP, cut along the tokens.
        Linear proj(torch::nn::LinearOptions(512, 640));
        proj->weight.normal_(0, 0.04);
        proj->bias.normal_();
        const at::Tensor tokens = at::randn({2, 512, 16384}).transpose(1, 2);
        QVERIFY(differByRounding(proj->forward(tokens, &unset), proj->forward(tokens)));
        QVERIFY_THROWS_EXCEPTION(Cancelled, proj->forward(tokens, &cancelled));

        // Temporal attention: few FLOPs (16 frames) in a great many matrices, each one GEMM call. The calls count
        // toward the bound, so the batch is cut too: 160,000 matrices are ~64 GFLOP-equivalents of calls.
        const at::Tensor tq = at::randn({20000, 8, 16, 8}), tk = at::randn({20000, 8, 16, 8}), tv = at::randn({20000, 8, 16, 8});
        const at::Tensor temporalWhole = scaledDotProductAttention(tq, tk, tv, {}, 0.35, settings);
        QVERIFY(at::equal(scaledDotProductAttention(tq, tk, tv, {}, 0.35, settings, true, &unset), temporalWhole));
        QVERIFY_THROWS_EXCEPTION(Cancelled, scaledDotProductAttention(tq, tk, tv, {}, 0.35, settings, true, &cancelled));
    }

    void memoryPassesRunInCheckedPieces() {
        CancelToken cancel;
        std::vector<std::pair<int64_t, int64_t>> pieces;
        auto body = [&](int64_t start, int64_t len) {
            pieces.emplace_back(start, len);
            if (pieces.size() == 3)
                cancel.cancel();
        };
        // 100 entries of a tenth of the bound each: pieces of 10, the token checked before each.
        QVERIFY_THROWS_EXCEPTION(Cancelled, forEachCancellablePiece(100, kBytesBetweenCancelChecks / 10, 1, &cancel, body));
        QCOMPARE(pieces.size(), size_t(3));
        QCOMPARE(pieces.back(), std::make_pair(int64_t(20), int64_t(10)));
        // Entries larger than the bound: one each, unless a piece must keep `minEntries` for the threads.
        CancelToken unset;
        pieces.clear();
        forEachCancellablePiece(7, 2 * kBytesBetweenCancelChecks, 1, &unset, body);
        QCOMPARE(pieces.size(), size_t(7));
        pieces.clear();
        forEachCancellablePiece(7, 2 * kBytesBetweenCancelChecks, 3, &unset, body);
        QCOMPARE(pieces.size(), size_t(3));
        QCOMPARE(pieces.back(), std::make_pair(int64_t(6), int64_t(1)));
        pieces.clear();
        forEachCancellablePiece(7, 2 * kBytesBetweenCancelChecks, 1, nullptr, body);
        QCOMPARE(pieces.size(), size_t(1));
        // Pieces of a given size are cut with or without a token.
        pieces.clear();
        forEachPiece(100, 10.0, 1, 250.0, nullptr, body);
        QCOMPARE(pieces.size(), size_t(4));
        QCOMPARE(pieces.back(), std::make_pair(int64_t(75), int64_t(25)));
    }

    // libtorch 1.13's bf16 GroupNorm and LayerNorm are slow: a bf16 tensor is normalised in float32, in pieces
    // (sample, groups or rows, as above) with or without a token, and rounded to bf16 once (a contiguous GroupNorm
    // input, or a temporal layer's laid out frame by frame, on AVX-512 in one pass of lanes, GroupNormAvx512.h; the
    // result in the input's layout). libtorch 2 keeps its own.
    void bf16NormsAreFloat32NormsRoundedOnce() {
        c10::InferenceMode guard;
        CancelToken unset, cancelled;
        cancelled.cancel();
        const bool widened = TORCH_VERSION_MAJOR < 2;
        torch::nn::GroupNorm norm(torch::nn::GroupNormOptions(32, 64).eps(1e-6));
        norm->weight.normal_();
        norm->bias.normal_();
        norm->to(at::kBFloat16);
        auto expected = [&](const at::Tensor& x, bool silu) {
            if (!widened) {
                const at::Tensor y = at::group_norm(x, 32, norm->weight, norm->bias, 1e-6);
                return silu ? at::silu(y) : y;
            }
            const at::Tensor y = at::group_norm(x.to(at::kFloat), 32, norm->weight.to(at::kFloat), norm->bias.to(at::kFloat), 1e-6);
            return (silu ? at::silu(y) : y).to(at::kBFloat16);
        };
        // Whole samples (8 MB each), and a temporal layer's 2 samples of 79 MB: pieces of groups.
        const at::Tensor frames = at::randn({6, 64, 160, 200}).to(at::kBFloat16);
        const at::Tensor video = at::randn({2, 16, 64, 192, 200}).to(at::kBFloat16).permute({0, 2, 1, 3, 4});
        const at::Tensor ragged = (at::randn({3, 64, 7, 9}) * 3 + 1).to(at::kBFloat16);  // 63 values a channel
        for (const at::Tensor* x : {&frames, &video, &ragged}) {
            for (bool silu : {false, true}) {
                const at::Tensor want = expected(*x, silu);
                const at::Tensor got = groupNorm(*norm, *x, silu, nullptr);
                QVERIFY(at::equal(groupNorm(*norm, *x, silu, &unset), got));  // pieces change nothing
                if (widened)
                    QCOMPARE(got.strides(), x->strides());
                if (widened && avx512::available() && (x->is_contiguous() || x == &video)) {
                    // In AVX-512 lanes (GroupNormAvx512.h): the statistics summed in another order and the SiLU's exp
                    // computed apart from libtorch's, so a float32 ulp or two from its float32 result: rounded to
                    // bf16, one bf16 ulp apart at most, and that rarely.
                    const at::Tensor a = got.to(at::kFloat), w = want.to(at::kFloat);
                    QVERIFY((a - w).abs().le(w.abs() / 128 + 1e-6).all().item<bool>());
                    const int64_t differing = at::ne(got, want).sum().item<int64_t>();
                    QVERIFY2(differing * 1000 < got.numel(), c10::str(differing, " of ", got.numel()).c_str());
                } else {
                    QVERIFY(at::equal(got, want));
                }
                QCOMPARE(got.scalar_type(), at::kBFloat16);
                // libtorch 2's own GroupNorm runs whole below the bytes between two checks: of these only the
                // video (157 MB, seven passes) is cut.
                if (widened || x == &video)
                    QVERIFY_THROWS_EXCEPTION(Cancelled, groupNorm(*norm, *x, silu, &cancelled));
            }
        }
        at::Tensor tokens = at::empty({2, 192, 200, 16, 64}, video.options());
        groupNormInto(*norm, video, tokens.permute({0, 4, 3, 1, 2}), true, nullptr);
        QVERIFY(at::equal(tokens, expected(video, true).permute({0, 3, 4, 2, 1})));

        torch::nn::LayerNorm layer(torch::nn::LayerNormOptions({128}));
        layer->weight.normal_();
        layer->bias.normal_();
        layer->to(at::kBFloat16);
        const at::Tensor rows = at::randn({60000, 8, 128}).to(at::kBFloat16);  // 123 MB: pieces of rows
        const at::Tensor want = widened ? at::layer_norm(rows.to(at::kFloat), {128}, layer->weight.to(at::kFloat),
                                                         layer->bias.to(at::kFloat)).to(at::kBFloat16)
                                        : layer(rows);
        QVERIFY(at::equal(layerNorm(*layer, rows, nullptr), want));
        QVERIFY(at::equal(layerNorm(*layer, rows, &unset), want));
        QVERIFY_THROWS_EXCEPTION(Cancelled, layerNorm(*layer, rows, &cancelled));
    }

    // Each block's tensors are freed before the next: the shapes are large enough to be cut (over
    // kBytesBetweenCancelChecks of traffic), a few hundred MB each.
    void memoryPassesGiveTheUncutResult() {
        c10::InferenceMode guard;
        CancelToken unset, cancelled;
        cancelled.cancel();
        {
            torch::nn::GroupNorm norm(torch::nn::GroupNormOptions(32, 64).eps(1e-6));
            norm->weight.normal_();
            norm->bias.normal_();
            auto uncut = [&](const at::Tensor& x, bool silu) {
                const at::Tensor y = at::group_norm(x, 32, norm->weight, norm->bias, 1e-6);
                return silu ? at::silu(y) : y;
            };
            // 157 MB over 16 samples: pieces of whole samples. 315 MB in 2 samples of [C, F, H, W] (a temporal
            // layer's view, permuted as the temporal transformer passes it): pieces of groups within a sample.
            const at::Tensor frames = at::randn({16, 64, 192, 200});
            const at::Tensor video = at::randn({2, 16, 64, 192, 200}).permute({0, 2, 1, 3, 4});
            for (const at::Tensor* x : {&frames, &video}) {
                for (bool silu : {false, true}) {
                    QVERIFY(at::equal(groupNorm(*norm, *x, silu, &unset), uncut(*x, silu)));
                    QVERIFY_THROWS_EXCEPTION(Cancelled, groupNorm(*norm, *x, silu, &cancelled));
                }
            }
            at::Tensor tokens = at::empty({2, 192, 200, 16, 64});   // written straight into a token layout
            groupNormInto(*norm, video, tokens.permute({0, 4, 3, 1, 2}), false, &unset);
            QVERIFY(at::equal(tokens, uncut(video, false).permute({0, 3, 4, 2, 1})));
        }
        {
            // 245 MB of tokens: pieces of rows.
            torch::nn::LayerNorm layer(torch::nn::LayerNormOptions({128}));
            layer->weight.normal_();
            layer->bias.normal_();
            const at::Tensor rows = at::randn({60000, 8, 128});
            QVERIFY(at::equal(layerNorm(*layer, rows, &unset), layer(rows)));
            QVERIFY_THROWS_EXCEPTION(Cancelled, layerNorm(*layer, rows, &cancelled));
        }
        {
            // 400 MB sums, the addend whole or broadcast (a ResNet's time embedding).
            const at::Tensor a = at::randn({100, 1000, 1000}), b = at::randn({100, 1000, 1000}), bias = at::randn({100, 1, 1000});
            for (const at::Tensor* addend : {&b, &bias}) {
                at::Tensor sum = a.clone();
                addInPlace(sum, *addend, &unset);
                QVERIFY(at::equal(sum, a + *addend));
            }
            at::Tensor sum = a.clone();
            QVERIFY_THROWS_EXCEPTION(Cancelled, addInPlace(sum, b, &cancelled));
            // A transformer's output in its token layout, summed with the residual into [N, C, H, W].
            const at::Tensor tokens = b.view({100, 1000, 40, 25}).permute({0, 2, 3, 1});
            const at::Tensor residual = a.view({100, 40, 25, 1000});
            const at::Tensor together = sumContiguous(tokens, residual, &unset);
            QVERIFY(together.is_contiguous());
            QVERIFY(at::equal(together, tokens.contiguous() + residual));
            QVERIFY(at::equal(sumContiguous(tokens, residual, &unset, 1), together));  // pieces along dim 1
            QVERIFY_THROWS_EXCEPTION(Cancelled, sumContiguous(tokens, residual, &cancelled));
        }
        {
            // An up block's skip connection, 550 MB: pieces of samples.
            const at::Tensor x = at::randn({16, 160, 192, 200}), skip = at::randn({16, 64, 192, 200});
            QVERIFY(at::equal(catChannels({x, skip}, &unset), at::cat({x, skip}, 1)));
            QVERIFY_THROWS_EXCEPTION(Cancelled, catChannels({x, skip}, &cancelled));
        }
        {
            // Upsampling to 315 MB and more, in float32 and bfloat16: pieces of planes.
            const at::Tensor x = at::randn({2, 80, 384, 400});
            QVERIFY(at::equal(upsampleNearest(x, {768, 800}, &unset), at::upsample_nearest2d(x, {768, 800})));
            QVERIFY(at::equal(upsampleNearest(x, {770, 803}, &unset), at::upsample_nearest2d(x, {770, 803})));
            const at::Tensor half = at::randn({2, 160, 384, 400}).to(at::kBFloat16);
            // bfloat16 on the CPU runs libtorch's bfloat16 kernel: the bits of diffusers' float32 detour.
            QVERIFY(at::equal(upsampleNearest(half, {768, 800}, &unset),
                              at::upsample_nearest2d(half.to(at::kFloat), {768, 800}).to(at::kBFloat16)));
            QVERIFY(at::equal(upsampleNearest(half, {770, 803}, &unset),
                              at::upsample_nearest2d(half.to(at::kFloat), {770, 803}).to(at::kBFloat16)));
            QVERIFY_THROWS_EXCEPTION(Cancelled, upsampleNearest(x, {768, 800}, &cancelled));
        }
    }

    void anUncancelledTokenChangesNothing() {
        c10::InferenceMode guard;
        CancelToken cancel;
        const at::Tensor with = unet_->forward(sample_, timestep_, cond_, &cancel);
        const at::Tensor without = unet_->forward(sample_, timestep_, cond_);
        QVERIFY(at::equal(with, without));
    }
};

QTEST_APPLESS_MAIN(TestCancelWithinCalls)
#include "tst_cancel_within_calls.moc"
