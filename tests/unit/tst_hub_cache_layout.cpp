// The Hugging Face cache layout as huggingface_hub writes it (blobs, relative snapshot links, refs), repo ids
// with their validation, offline resolution of `--model ORG/NAME[@rev]`, the model catalog over the app's
// folder and the cache, and removal that keeps blobs another snapshot still uses.
#include "hub/CachedModelRemoval.h"
#include "hub/HubCacheLayout.h"
#include "hub/HubSettings.h"
#include "hub/ModelCatalog.h"
#include "support/TestData.h"
#include "util/Errors.h"

#include <QTemporaryDir>
#include <fstream>

namespace fs = std::filesystem;
using namespace i2v::hub;

namespace {

const std::string kCommitA = "39e1979ea27be737b0278c06755e321f2b4360d5";
const std::string kCommitB = "0123456789abcdef0123456789abcdef01234567";

// Publishes the tiny model in the cache as huggingface_hub would: each file a blob named by a made-up etag
// (its path's number), linked from snapshots/<commit>/. Returns the snapshot folder.
fs::path publishTinyModel(const HubCacheLayout& cache, const RepoId& repo, const std::string& commit,
                          const std::string& etagSalt = "") {
    const fs::path src = i2v::test::tinyModelDir();
    int n = 0;
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file())
            continue;
        const std::string rel = fs::relative(e.path(), src).string();
        const std::string etag = "etag" + std::to_string(n++) + etagSalt;
        fs::create_directories(cache.blobPath(repo, etag).parent_path());
        if (!fs::exists(cache.blobPath(repo, etag)))
            fs::copy_file(e.path(), cache.blobPath(repo, etag));
        cache.linkSnapshotFile(repo, commit, rel, etag);
    }
    return cache.snapshotDir(repo, commit);
}

} // namespace

class TestHubCacheLayout : public QObject {
    Q_OBJECT

private slots:
    void repoIdsParseAndValidate() {
        const RepoId r = RepoId::parse("ali-vilab/i2vgen-xl");
        QCOMPARE(r.org, std::string("ali-vilab"));
        QCOMPARE(r.name, std::string("i2vgen-xl"));
        QCOMPARE(r.revision, std::string("main"));
        QCOMPARE(r.cacheFolderName(), std::string("models--ali-vilab--i2vgen-xl"));
        QCOMPARE(RepoId::parse("a/b@refs/pr/1").revision, std::string("refs/pr/1"));
        QVERIFY(RepoId::parse("a/b@" + kCommitA).revisionIsCommit());
        for (const char* bad : {"noslash", "a/b/c", "/b", "a/", "a--x/b", "a/b..c", "a/b c", "a/b@", "a/b@x y",
                                "../etc/passwd", "a/.b"})
            QVERIFY2(!RepoId::tryParse(bad), bad);
        try {
            RepoId::parse("a/b c");
            QFAIL("accepted a space");
        } catch (const i2v::InputError& e) {
            QVERIFY2(std::string(e.what()).find("only letters, digits") != std::string::npos, e.what());
        }
        QCOMPARE(RepoId::fromCacheFolderName("models--ali-vilab--i2vgen-xl")->id(), std::string("ali-vilab/i2vgen-xl"));
        QVERIFY(!RepoId::fromCacheFolderName("datasets--a--b"));
        QVERIFY(!RepoId::fromCacheFolderName("models--gpt2"));
    }

    void pathsFollowHuggingFaceHub() {
        const HubCacheLayout cache("/c");
        const RepoId r = RepoId::parse("ali-vilab/i2vgen-xl");
        QCOMPARE(cache.blobPath(r, "abc").string(), std::string("/c/models--ali-vilab--i2vgen-xl/blobs/abc"));
        QCOMPARE(cache.incompletePath(r, "abc").string(),
                 std::string("/c/models--ali-vilab--i2vgen-xl/blobs/abc.incomplete"));
        QCOMPARE(cache.lockPath(r, "abc").string(), std::string("/c/.locks/models--ali-vilab--i2vgen-xl/abc.lock"));
        QCOMPARE(cache.snapshotDir(r, kCommitA).string(),
                 "/c/models--ali-vilab--i2vgen-xl/snapshots/" + kCommitA);
        QCOMPARE(HubCacheLayout::relativeBlobLink("model_index.json", "e"), std::string("../../blobs/e"));
        QCOMPARE(HubCacheLayout::relativeBlobLink("unet/config.json", "e"), std::string("../../../blobs/e"));
        QCOMPARE(HubCacheLayout::relativeBlobLink("a/b/c.txt", "e"), std::string("../../../../blobs/e"));
        // ETags and repo paths come from a server: never a path out of the cache.
        for (const char* bad : {"../x", "a/b", "..", ""})
            QVERIFY_THROWS_EXCEPTION(i2v::HubError, cache.blobPath(r, bad));
        for (const char* bad : {"/etc/passwd", "../x", "a/../../x", "a//b", "a\\b", "a/", "."})
            QVERIFY_THROWS_EXCEPTION(i2v::HubError, HubCacheLayout::checkRepoPath(bad));
        HubCacheLayout::checkRepoPath("unet/diffusion_pytorch_model.fp16.safetensors");
        QVERIFY_THROWS_EXCEPTION(i2v::HubError, cache.snapshotDir(r, "not-a-commit"));
    }

    void cacheRootFromEnvironment() {
        qputenv("HF_HUB_CACHE", "/x/hub-cache");
        QCOMPARE(HubSettings::defaultCacheDir().string(), std::string("/x/hub-cache"));
        qunsetenv("HF_HUB_CACHE");
        qputenv("HUGGINGFACE_HUB_CACHE", "/y/legacy");
        QCOMPARE(HubSettings::defaultCacheDir().string(), std::string("/y/legacy"));
        qunsetenv("HUGGINGFACE_HUB_CACHE");
        qputenv("HF_HOME", "/h");
        QCOMPARE(HubSettings::defaultCacheDir().string(), std::string("/h/hub"));
        qunsetenv("HF_HOME");
        qputenv("XDG_CACHE_HOME", "/xdg");
        QCOMPARE(HubSettings::defaultCacheDir().string(), std::string("/xdg/huggingface/hub"));
        qunsetenv("XDG_CACHE_HOME");
        qputenv("HOME", "/home/u");
        QCOMPARE(HubSettings::defaultCacheDir().string(), std::string("/home/u/.cache/huggingface/hub"));
    }

    void tokenAndEndpointFromEnvironment() {
        QTemporaryDir home;
        qputenv("HF_HOME", home.path().toUtf8());
        qunsetenv("HF_TOKEN");
        qunsetenv("HUGGING_FACE_HUB_TOKEN");
        qputenv("HF_ENDPOINT", "http://127.0.0.1:1234/");
        std::ofstream(fs::path(home.path().toStdString()) / "token") << "hf_fromfile\n";
        HubSettings s = HubSettings::fromEnvironment();
        QCOMPARE(s.endpoint, std::string("http://127.0.0.1:1234"));
        QCOMPARE(s.token, std::string("hf_fromfile"));
        qputenv("HUGGING_FACE_HUB_TOKEN", "hf_legacy");
        QCOMPARE(HubSettings::fromEnvironment().token, std::string("hf_legacy"));
        qputenv("HF_TOKEN", "hf_new");
        QCOMPARE(HubSettings::fromEnvironment().token, std::string("hf_new"));
        qputenv("HF_HUB_OFFLINE", "1");
        QVERIFY(HubSettings::fromEnvironment().offline);
        for (const char* v : {"HF_HOME", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT", "HF_HUB_OFFLINE"})
            qunsetenv(v);
    }

    void snapshotLinksAreRelativeAndResolveOffline() {
        QTemporaryDir tmp;
        const HubCacheLayout cache(tmp.path().toStdString());
        const RepoId repo = RepoId::parse("ali-vilab/i2vgen-xl");
        const fs::path snap = publishTinyModel(cache, repo, kCommitA);
        cache.writeRef(repo, "main", kCommitA);
        const fs::path link = snap / "unet" / "config.json";
        QVERIFY(fs::is_symlink(link));
        QVERIFY(fs::read_symlink(link).string().rfind("../../../blobs/", 0) == 0);
        QVERIFY(fs::is_regular_file(link));   // resolves
        std::ifstream ref(cache.refPath(repo, "main"));
        std::string text((std::istreambuf_iterator<char>(ref)), std::istreambuf_iterator<char>());
        QCOMPARE(text, kCommitA);   // no newline, as huggingface_hub writes it

        QCOMPARE(resolveModelArgument("ali-vilab/i2vgen-xl", cache.root()), snap);
        QCOMPARE(resolveModelArgument("ali-vilab/i2vgen-xl@" + kCommitA, cache.root()), snap);
        QCOMPARE(resolveModelArgument(i2v::test::tinyModelDir().string(), cache.root()), i2v::test::tinyModelDir());
        try {
            resolveModelArgument("ali-vilab/i2vgen-xl@v2", cache.root());
            QFAIL("resolved an unknown revision");
        } catch (const i2v::ModelError& e) {
            QVERIFY2(std::string(e.what()).find("i2v download ali-vilab/i2vgen-xl@v2") != std::string::npos, e.what());
        }
        // A snapshot missing a weight file is reported as partly downloaded.
        fs::remove(snap / "vae" / "diffusion_pytorch_model.safetensors");
        try {
            resolveModelArgument("ali-vilab/i2vgen-xl", cache.root());
            QFAIL("resolved an incomplete snapshot");
        } catch (const i2v::ModelError& e) {
            QVERIFY2(std::string(e.what()).find("only partly") != std::string::npos, e.what());
        }
    }

    void catalogListsAppFolderAndCache() {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const HubCacheLayout cache(root / "hub");
        const RepoId repo = RepoId::parse("ali-vilab/i2vgen-xl");
        publishTinyModel(cache, repo, kCommitA);
        cache.writeRef(repo, "main", kCommitA);
        std::ofstream(cache.repoDir(repo) / "blobs" / "deadbeef.incomplete") << "part";
        // Another (non-I2VGen-XL) model in the cache is not listed.
        fs::create_directories(root / "hub" / "models--other--thing" / "snapshots" / kCommitB);
        std::ofstream(root / "hub" / "models--other--thing" / "snapshots" / kCommitB / "model_index.json")
            << R"({"_class_name": "StableDiffusionPipeline"})";
        fs::create_directories(root / "app");
        fs::create_directory_symlink(i2v::test::tinyModelDir(), root / "app" / "demo-copy");

        CatalogSources src{root / "app", root / "hub", {i2v::test::tinyModelDir()}};
        const auto models = listModels(src);
        QCOMPARE(models.size(), size_t(2));   // the user folder is the app folder's model: listed once
        const ModelEntry& app = models[0];
        QCOMPARE(app.source, ModelSource::AppFolder);
        QVERIFY(app.complete);
        QCOMPARE(app.variants, std::vector<std::string>{"fp32"});
        const ModelEntry& cached = models[1];
        QCOMPARE(cached.source, ModelSource::HubCache);
        QCOMPARE(cached.name, std::string("ali-vilab/i2vgen-xl"));
        QCOMPARE(cached.commit, kCommitA);
        QCOMPARE(cached.revisions, std::vector<std::string>{"main"});
        QVERIFY(cached.complete);
        QVERIFY(cached.partialDownload);
        QVERIFY(cached.sizeOnDisk > 20'000'000 && cached.sizeOnDisk < 30'000'000);
        QVERIFY(cached.sizeOnDisk == app.sizeOnDisk);   // blobs counted once, links not at all
    }

    void truncatedWeightsMakeAModelIncomplete() {
        QTemporaryDir tmp;
        const HubCacheLayout cache(tmp.path().toStdString());
        const RepoId repo = RepoId::parse("a/b");
        const fs::path snap = publishTinyModel(cache, repo, kCommitA);
        const fs::path blob = fs::canonical(snap / "unet" / "diffusion_pytorch_model.safetensors");
        fs::resize_file(blob, fs::file_size(blob) / 2);
        const auto entry = inspectModelFolder(snap, ModelSource::HubCache);
        QVERIFY(entry);
        QVERIFY(!entry->complete);
        QVERIFY(!entry->problems.empty());
        QVERIFY2(entry->problems.front().find("unet/") == 0, entry->problems.front().c_str());
    }

    void removingASnapshotKeepsSharedBlobs() {
        QTemporaryDir tmp;
        const HubCacheLayout cache(tmp.path().toStdString());
        const RepoId repo = RepoId::parse("ali-vilab/i2vgen-xl");
        publishTinyModel(cache, repo, kCommitA);
        // Commit B shares every blob but the UNet weights, which it has in a blob of its own.
        const fs::path snapB = publishTinyModel(cache, repo, kCommitB);
        const fs::path unetB = snapB / "unet" / "diffusion_pytorch_model.safetensors";
        fs::copy_file(fs::canonical(unetB), cache.blobPath(repo, "unetB"));
        cache.linkSnapshotFile(repo, kCommitB, "unet/diffusion_pytorch_model.safetensors", "unetB");
        cache.writeRef(repo, "main", kCommitA);
        cache.writeRef(repo, "dev", kCommitB);

        const uint64_t onlyB = fs::file_size(cache.blobPath(repo, "unetB"));
        const auto r = removeCachedModel(RepoId::parse("ali-vilab/i2vgen-xl@dev"), false, cache.root());
        QCOMPARE(r.snapshotsRemoved, 1);
        QVERIFY(!r.repoRemoved);
        QCOMPARE(r.bytesFreed, onlyB);   // the shared blobs stay: commit A still uses them
        QVERIFY(fs::exists(cache.blobPath(repo, "etag0")));
        QVERIFY(!fs::exists(cache.blobPath(repo, "unetB")));
        QVERIFY(!fs::exists(cache.refPath(repo, "dev")));
        QVERIFY(!fs::exists(snapB));
        QVERIFY(resolveModelArgument("ali-vilab/i2vgen-xl", cache.root()) == cache.snapshotDir(repo, kCommitA));

        const auto all = removeCachedModel(repo, true, cache.root());
        QVERIFY(all.repoRemoved);
        QVERIFY(all.bytesFreed > 20'000'000);
        QVERIFY(!fs::exists(cache.repoDir(repo)));
        QVERIFY_THROWS_EXCEPTION(i2v::ModelError, removeCachedModel(repo, true, cache.root()));
    }
};

QTEST_GUILESS_MAIN(TestHubCacheLayout)
#include "tst_hub_cache_layout.moc"
