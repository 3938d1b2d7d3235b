// Broken and hostile model folders: every defect is refused with a ModelError that names the file and,
// where there is one, the key, and says what to do. The demo model loads.
#include "io/DiffusersFolder.h"
#include "models/Layers.h"
#include "models/WeightLoader.h"
#include "models/clip/ClipTextModel.h"
#include "pipeline/I2VGenXLPipeline.h"
#include "support/TestData.h"
#include "util/Errors.h"

#include <QTemporaryDir>
#include <fstream>
#include <sys/stat.h>

using namespace i2v;
namespace fs = std::filesystem;

namespace {

// Copies the demo model into `dir` (weights included, it is small) so a test can damage it.
fs::path copyModel(const QTemporaryDir& dir) {
    const fs::path to = fs::path(dir.path().toStdString()) / "model";
    fs::copy(i2v::test::tinyModelDir(), to, fs::copy_options::recursive);
    return to;
}

template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const ModelError& e) {
        return e.what();
    }
    return "(no error)";
}

void rewriteTextEncoder(const fs::path& model, const std::function<void(std::vector<std::pair<std::string, at::Tensor>>&)>& edit) {
    const fs::path file = model / "text_encoder" / "model.safetensors";
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    {
        const SafetensorsFile f(file);
        for (const auto& k : f.keys())
            tensors.emplace_back(k, f.tensor(k).clone());
    }
    edit(tensors);
    SafetensorsFile::write(file, tensors);
}

} // namespace

class TestModelLoading : public QObject {
    Q_OBJECT

private slots:
    void demoModelLoads() {
        auto p = I2VGenXLPipeline::load(i2v::test::tinyModelDir());
        QVERIFY(p->parameterCount() > 1000);
        QCOMPARE(p->defaultSchedulerName(), std::string("ddim"));
        QCOMPARE(p->folder().fingerprint().size(), size_t(16));
        QCOMPARE(p->folder().fingerprint(), DiffusersFolder(i2v::test::tinyModelDir()).fingerprint());
    }

    void notAModelFolder() {
        QTemporaryDir dir;
        const std::string msg = errorOf([&] { DiffusersFolder f(dir.path().toStdString()); });
        QVERIFY2(msg.find("model_index.json") != std::string::npos, msg.c_str());
        const std::string missing = errorOf([&] { DiffusersFolder f(dir.path().toStdString() + "/nope"); });
        QVERIFY2(missing.find("does not exist") != std::string::npos, missing.c_str());
    }

    void missingComponentFolder() {
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        fs::remove_all(m / "vae");
        const std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("vae") != std::string::npos && msg.find("download") != std::string::npos, msg.c_str());
    }

    void missingWeightsFileIsNamed() {
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        fs::remove(m / "unet" / "diffusion_pytorch_model.safetensors");
        const std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        const std::string says = (m / "unet").string() + " has no .safetensors weights file (expected "
                                 "diffusion_pytorch_model.safetensors): download the 'unet' weights again";
        QVERIFY2(msg == says, msg.c_str());
    }

    void truncatedWeights() {
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        const fs::path f = m / "unet" / "diffusion_pytorch_model.safetensors";
        fs::resize_file(f, fs::file_size(f) / 2);
        const std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("unet/diffusion_pytorch_model.safetensors") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("partial download") != std::string::npos, msg.c_str());
    }

    void missingUnexpectedAndMisshapenKeys() {
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        const std::string key = "text_model.final_layer_norm.weight";
        rewriteTextEncoder(m, [&](auto& t) { t.erase(std::find_if(t.begin(), t.end(), [&](auto& p) { return p.first == key; })); });
        std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("missing tensor '" + key + "'") != std::string::npos, msg.c_str());

        rewriteTextEncoder(m, [&](auto& t) {
            t.emplace_back(key, torch::ones({32}));
            t.emplace_back("text_model.extra.weight", torch::ones({2}));
        });
        msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("unexpected tensor 'text_model.extra.weight'") != std::string::npos, msg.c_str());

        rewriteTextEncoder(m, [&](auto& t) {
            t.erase(std::find_if(t.begin(), t.end(), [](auto& p) { return p.first == "text_model.extra.weight"; }));
            for (auto& p : t)
                if (p.first == key)
                    p.second = torch::ones({31});
        });
        msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("'" + key + "' has shape [31], expected [32]") != std::string::npos, msg.c_str());
    }

    void nonFiniteWeightsAreNamed_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("index");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << 3;
        QTest::newRow("+inf, last element") << std::numeric_limits<double>::infinity() << 31;
        QTest::newRow("-inf, first element") << -std::numeric_limits<double>::infinity() << 0;
    }

    void nonFiniteWeightsAreNamed() {
        QFETCH(double, value);
        QFETCH(int, index);
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        rewriteTextEncoder(m, [&](auto& t) {
            for (auto& p : t)
                if (p.first == "text_model.encoder.layers.1.mlp.fc1.bias")
                    p.second[index] = value;
        });
        const std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("text_model.encoder.layers.1.mlp.fc1.bias") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("NaN") != std::string::npos, msg.c_str());
    }

    // Weights kept in fp16 (keepHalfWeights) are checked in fp16 as well.
    void nonFiniteHalfWeightsAreNamed_data() { nonFiniteWeightsAreNamed_data(); }

    void nonFiniteHalfWeightsAreNamed() {
        QFETCH(double, value);
        QFETCH(int, index);
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "linear.safetensors";
        at::Tensor weight = torch::ones({4, 8}, torch::kHalf);
        weight.view({-1})[index] = value;
        SafetensorsFile::write(file, {{"proj.weight", weight}, {"proj.bias", torch::zeros({4})}});
        torch::nn::Module model;
        const Linear proj = model.register_module("proj", Linear(8, 4));
        WeightLoadOptions keepHalf;
        keepHalf.keepHalfWeights = true;
        const std::string msg = errorOf([&] { loadWeights(model, SafetensorsFile(file), keepHalf); });
        QVERIFY2(msg.find("'proj.weight' contains NaN or infinite values") != std::string::npos, msg.c_str());

        weight.view({-1})[index] = 1.0;
        SafetensorsFile::write(file, {{"proj.weight", weight}, {"proj.bias", torch::zeros({4})}});
        loadWeights(model, SafetensorsFile(file), keepHalf);
        QCOMPARE(proj->weight.scalar_type(), torch::kHalf);  // the fp16 path was the one checked
    }

    void picklesAreRefused() {
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        fs::rename(m / "vae" / "diffusion_pytorch_model.safetensors", m / "vae" / "diffusion_pytorch_model.bin");
        const std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("pickle") != std::string::npos && msg.find(".safetensors") != std::string::npos, msg.c_str());
    }

    void fp16VariantIsUsedWhenAlone() {
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        const fs::path fp32 = m / "text_encoder" / "model.safetensors";
        {
            const SafetensorsFile f(fp32);
            std::vector<std::pair<std::string, at::Tensor>> half;
            for (const auto& k : f.keys())
                half.emplace_back(k, f.tensor(k).to(at::kHalf));
            SafetensorsFile::write(m / "text_encoder" / "model.fp16.safetensors", half);
        }
        fs::remove(fp32);
        const DiffusersFolder folder(m);
        QCOMPARE(folder.weightsFile("text_encoder").filename().string(), std::string("model.fp16.safetensors"));
        QVERIFY_THROWS_EXCEPTION(ModelError, folder.weightsFile("text_encoder", WeightsVariant::Fp32));
        QCOMPARE(folder.weightsFile("text_encoder", WeightsVariant::PreferFp16).filename().string(),
                 std::string("model.fp16.safetensors"));
        QCOMPARE(folder.weightsFile("vae", WeightsVariant::PreferFp16).filename().string(),
                 std::string("diffusion_pytorch_model.safetensors"));  // no fp16 file there: fp32
        QVERIFY_THROWS_EXCEPTION(ModelError, folder.weightsFile("vae", WeightsVariant::Fp16));
        auto p = I2VGenXLPipeline::load(m);  // fp16 on disk, fp32 compute
        QVERIFY(p->parameterCount() > 0);
    }

    void badConfigValuesAreNamed() {
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        std::ofstream(m / "unet" / "config.json") << R"({"_class_name": "I2VGenXLUNet", "layers_per_block": "two"})";
        std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("unet/config.json") != std::string::npos && msg.find("layers_per_block") != std::string::npos,
                 msg.c_str());
        std::ofstream(m / "unet" / "config.json") << "{ not json";
        msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("not valid JSON") != std::string::npos, msg.c_str());
    }

    // A config must never cost more than its weights: sizes a config gives are checked against the weight
    // file's header before anything is built, tables sized by a config are bounded. Each is a ModelError
    // naming the file and the key, raised before any large allocation (tst_cli_hostile_inputs runs two of
    // these under an address-space limit).
    void hostileConfigsAreRefusedBeforeAllocating_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");  // JSON
        const QString million = "1000000";
        QTest::newRow("unet width") << "unet/config.json" << "block_out_channels" << "[1000000, 1000000, 1000000, 1000000]";
        QTest::newRow("unet depth") << "unet/config.json" << "layers_per_block" << "60000";
        QTest::newRow("unet blocks") << "unet/config.json" << "block_out_channels" << ("[" + QString("32, ").repeated(999) + "32]");
        QTest::newRow("unet cross-attention") << "unet/config.json" << "cross_attention_dim" << "65536";
        QTest::newRow("unet head dim") << "unet/config.json" << "attention_head_dim" << "65536";
        QTest::newRow("vae width") << "vae/config.json" << "block_out_channels" << "[1048576, 1048576, 1048576, 1048576]";
        QTest::newRow("vae depth") << "vae/config.json" << "layers_per_block" << million;
        QTest::newRow("vae latent channels") << "vae/config.json" << "latent_channels" << million;
        QTest::newRow("text vocabulary") << "text_encoder/config.json" << "vocab_size" << "16000000";
        QTest::newRow("text positions") << "text_encoder/config.json" << "max_position_embeddings" << "16000000";
        QTest::newRow("text layers") << "text_encoder/config.json" << "num_hidden_layers" << million;
        QTest::newRow("text width") << "text_encoder/config.json" << "intermediate_size" << "16000000";
        QTest::newRow("vision image size") << "image_encoder/config.json" << "image_size" << "16777216";
        QTest::newRow("vision projection") << "image_encoder/config.json" << "projection_dim" << "16000000";
        QTest::newRow("scheduler timesteps") << "scheduler/scheduler_config.json" << "num_train_timesteps" << "2000000000";
        QTest::newRow("scheduler betas") << "scheduler/scheduler_config.json" << "trained_betas" << ("[" + QString("0.01, ").repeated(100000) + "0.01]");
        QTest::newRow("clip crop") << "feature_extractor/preprocessor_config.json" << "crop_size" << "{\"height\": 100000, \"width\": 100000}";
    }

    void hostileConfigsAreRefusedBeforeAllocating() {
        QFETCH(QString, file);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        i2v::test::setConfigValue(m / file.toStdString(), key.toStdString(), value.toStdString());
        const std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        const std::string component = file.section('/', 0, 0).toStdString();
        QVERIFY2(msg.find(component) != std::string::npos, msg.c_str());
        QVERIFY2(msg.find(key.toStdString()) != std::string::npos, msg.c_str());
    }

    // Files that are read whole, replaced by what a hostile folder can hold under their names: a pipe with no
    // writer (opening it waited for ever), a link to /dev/zero (reading it never ended) and a sparse file of 1 GiB
    // (read whole). Each is refused before it is opened or read, naming the file.
    void filesReadWholeAreRefusedUnlessSmallAndRegular_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        for (const char* file : {"tokenizer/vocab.json", "tokenizer/merges.txt", "tokenizer/tokenizer_config.json",
                                 "unet/config.json", "feature_extractor/preprocessor_config.json"})
            for (const char* kind : {"pipe", "zero", "huge"})
                QTest::newRow((std::string(file) + ", " + kind).c_str()) << file << kind;
    }
    void filesReadWholeAreRefusedUnlessSmallAndRegular() {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        const fs::path f = m / file.toStdString();
        fs::remove(f);
        if (kind == "pipe") {
            QCOMPARE(::mkfifo(f.c_str(), 0600), 0);
        } else if (kind == "zero") {
            fs::create_symlink("/dev/zero", f);
        } else {
            std::ofstream(f).close();
            fs::resize_file(f, std::uintmax_t(1) << 30);
        }
        const std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find(f.string()) != std::string::npos, msg.c_str());
        const char* says = kind == "huge" ? "1024 MiB, far larger than such a file can be" : "is not a regular file";
        QVERIFY2(msg.find(says) != std::string::npos, msg.c_str());
    }

    void symlinkLoopIsAnErrorNotAHang() {
        QTemporaryDir dir;
        const fs::path m = copyModel(dir);
        fs::remove_all(m / "scheduler");
        fs::create_directory_symlink(m / "scheduler", m / "scheduler");  // points at itself
        const std::string msg = errorOf([&] { I2VGenXLPipeline::load(m); });
        QVERIFY2(msg.find("scheduler") != std::string::npos, msg.c_str());
    }
};

QTEST_APPLESS_MAIN(TestModelLoading)
#include "tst_model_loading.moc"
