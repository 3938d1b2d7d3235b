// fp32 compute from fp16 files with the linear/conv weights kept in fp16 (PipelineOptions::
// keepHalfWeights): the weights really stay half, everything else is float32, and the video is
// bit-identical to converting every weight to float32 at load. Weights converted at load share one block, each
// at its own size (not rounded up to huge pages), with the values a per-tensor conversion gives.
#include "image/ImageLoader.h"
#include "io/DiffusersFolder.h"
#include "models/Layers.h"
#include "models/WeightLoader.h"
#include "models/unets/UNetI2VGenXL.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "support/TestData.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace i2v;
namespace fs = std::filesystem;

namespace {

// A copy of the demo model whose weight files are all `.fp16` variants (as ali-vilab/i2vgen-xl ships),
// beside the fp32 files when `keepFp32`.
fs::path halfModel(const QTemporaryDir& dir, bool keepFp32 = false) {
    const fs::path to = fs::path(dir.path().toStdString()) / (keepFp32 ? "both" : "model");
    fs::copy(test::tinyModelDir(), to, fs::copy_options::recursive);
    for (const char* component : {"unet", "vae", "text_encoder", "image_encoder"}) {
        const fs::path fp32 = DiffusersFolder(to).weightsFile(component, WeightsVariant::Fp32);
        std::vector<std::pair<std::string, at::Tensor>> half;
        {
            const SafetensorsFile f(fp32);
            for (const auto& k : f.keys())
                half.emplace_back(k, f.tensor(k).to(at::kHalf));
        }
        fs::path name = fp32;
        name.replace_extension(".fp16.safetensors");
        SafetensorsFile::write(name, half);
        if (!keepFp32)
            fs::remove(fp32);
    }
    return to;
}

} // namespace

class TestHalfWeightStorage : public QObject {
    Q_OBJECT
private slots:
    void convertedWeightsShareOneBlockAtTheirSize() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "layers.safetensors";
        torch::nn::Module model;
        std::vector<std::pair<std::string, at::Tensor>> stored;
        // bf16 weights of 4.5 MB (past the huge-page allocator's 4 MiB, which would round each up to 6 MiB), a
        // small one, and biases of odd sizes.
        at::manual_seed(4);
        for (const auto& [name, in, out] : {std::tuple{"a", 1500, 1500}, {"b", 1500, 1501}, {"c", 7, 3}}) {
            model.register_module(name, Linear(in, out));
            stored.emplace_back(std::string(name) + ".weight", at::randn({out, in}));
            stored.emplace_back(std::string(name) + ".bias", at::randn({out}));
        }
        SafetensorsFile::write(file, stored);
        WeightLoadOptions bf16;
        bf16.dtype = at::kBFloat16;
        loadWeights(model, SafetensorsFile(file), bf16);

        std::set<const void*> storages;
        uintptr_t first = UINTPTR_MAX, end = 0;
        int64_t packed = 0;
        const auto parameters = model.named_parameters();
        for (const auto& [key, expected] : stored) {
            const at::Tensor& weight = parameters[key];
            QCOMPARE(weight.scalar_type(), at::kBFloat16);
            QVERIFY(at::equal(weight, expected.to(at::kBFloat16)));
            const auto begin = reinterpret_cast<uintptr_t>(weight.data_ptr());
            QCOMPARE(begin % 64, uintptr_t(0));
            first = std::min(first, begin);
            end = std::max(end, begin + weight.nbytes());
            packed += (int64_t(weight.nbytes()) + 63) / 64 * 64;
            storages.insert(weight.storage().data());
        }
        QVERIFY2(int64_t(end - first) <= packed,  // one block, nothing rounded up between them
                 qPrintable(QString("the weights span %1 bytes for %2 packed").arg(end - first).arg(packed)));
        QCOMPARE(storages.size(), stored.size());        // each its own storage, as before
    }

    void linearAndConvWeightsStayHalf() {
        c10::InferenceMode guard;
        QTemporaryDir dir;
        const DiffusersFolder folder(halfModel(dir));
        UNetI2VGenXL unet(UNetI2VGenXLConfig::fromJson(folder.componentConfig("unet")));
        WeightLoadOptions options;
        options.keepHalfWeights = true;
        loadWeights(unet, SafetensorsFile(folder.weightsFile("unet")), options);
        int half = 0, other = 0;
        for (const auto& p : unet.named_parameters()) {
            const bool isHalf = p.value().scalar_type() == at::kHalf;
            // Only 2-D+ weights of linear/conv layers may stay half; biases and norms become float32.
            if (isHalf)
                QVERIFY2(p.key().size() > 7 && p.key().substr(p.key().size() - 7) == ".weight" && p.value().dim() >= 2,
                         p.key().c_str());
            else
                QCOMPARE(p.value().scalar_type(), at::kFloat);
            (isHalf ? half : other)++;
        }
        QVERIFY(half > 100);
        QVERIFY(other > 100);
        QCOMPARE(unet.conv_in->weight.scalar_type(), at::kHalf);
        QCOMPARE(unet.conv_norm_out->weight.scalar_type(), at::kFloat);
    }

    void notKeptForOtherComputeDtypes() {
        c10::InferenceMode guard;
        QTemporaryDir dir;
        const DiffusersFolder folder(halfModel(dir));
        UNetI2VGenXL unet(UNetI2VGenXLConfig::fromJson(folder.componentConfig("unet")));
        WeightLoadOptions options;
        options.keepHalfWeights = true;
        options.dtype = at::kBFloat16;
        loadWeights(unet, SafetensorsFile(folder.weightsFile("unet")), options);
        for (const auto& p : unet.named_parameters())
            QCOMPARE(p.value().scalar_type(), at::kBFloat16);
    }

    void videoIsBitIdenticalToConvertingAtLoad() {
        QTemporaryDir dir;
        const fs::path model = halfModel(dir);
        PipelineOptions converted;
        PipelineOptions kept;
        kept.keepHalfWeights = true;
        const GenerationResult a = I2VGenXLPipeline::load(model, converted)->generate(smallRequest());
        const GenerationResult b = I2VGenXLPipeline::load(model, kept)->generate(smallRequest());
        QVERIFY(at::equal(a.latents, b.latents));
        QVERIFY(at::equal(a.frames, b.frames));
    }

    // A folder with both variants (a full download of the Hub repository): keeping fp16 weights picks
    // the .fp16 files, or it would save nothing; without it the fp32 files are used as before.
    void keptWeightsPreferTheFp16Files() {
        QTemporaryDir dir;
        const fs::path both = halfModel(dir, /*keepFp32=*/true);
        const fs::path onlyHalf = halfModel(dir);
        PipelineOptions kept;
        kept.keepHalfWeights = true;
        const GenerationResult fromHalf = I2VGenXLPipeline::load(onlyHalf)->generate(smallRequest());
        const GenerationResult keptBoth = I2VGenXLPipeline::load(both, kept)->generate(smallRequest());
        const GenerationResult fp32Both = I2VGenXLPipeline::load(both)->generate(smallRequest());
        QVERIFY(at::equal(keptBoth.frames, fromHalf.frames));
        QVERIFY(!at::equal(fp32Both.latents, fromHalf.latents));  // the rounding to fp16 is visible

        // An explicit variant still wins.
        kept.variant = WeightsVariant::Fp32;
        QVERIFY(at::equal(I2VGenXLPipeline::load(both, kept)->generate(smallRequest()).frames, fp32Both.frames));
    }

private:
    static GenerationRequest smallRequest() {
        GenerationRequest r;
        r.image = ImageLoader().load(test::goldenInputImage()).image;
        r.prompt = "a fox";
        r.width = 96;
        r.height = 64;
        r.numFrames = 4;
        r.numInferenceSteps = 3;
        r.preview = PreviewMode::None;
        return r;
    }
};

QTEST_APPLESS_MAIN(TestHalfWeightStorage)
#include "tst_half_weight_storage.moc"
