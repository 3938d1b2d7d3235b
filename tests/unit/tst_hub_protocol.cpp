// The pieces of the Hub protocol that are easy to get subtly wrong, checked alone: ETag normalisation,
// Content-Range parsing, URL quoting as Python's urllib does it, where a token may go, the two content hashes
// (known vectors, streaming = whole), the error answers turned into words, and diffusers' file selection.
#include "hub/ContentHash.h"
#include "hub/HubApi.h"
#include "hub/ModelFileSelection.h"
#include "util/Errors.h"

#include <QTemporaryDir>
#include <fstream>

using namespace i2v::hub;

namespace {

RepoFile lfs(const std::string& path, uint64_t size = 100) {
    return {path, size, std::string(40, 'b'), std::string(64, 'a')};
}
RepoFile small(const std::string& path) { return {path, 10, std::string(40, 'c'), ""}; }

// The I2VGen-XL repository's shape: every weight in fp32 and fp16, plus the original checkpoints.
RepoInfo i2vgenXlRepo() {
    RepoInfo info;
    info.commit = std::string(40, '1');
    info.files = {small(".gitattributes"), small("README.md"), small("model_index.json"),
                  small("feature_extractor/preprocessor_config.json"), small("scheduler/scheduler_config.json"),
                  small("tokenizer/merges.txt"), small("tokenizer/vocab.json"), small("tokenizer/tokenizer_config.json"),
                  small("tokenizer/special_tokens_map.json"), small("unet/config.json"),
                  lfs("unet/diffusion_pytorch_model.safetensors"), lfs("unet/diffusion_pytorch_model.fp16.safetensors"),
                  lfs("unet/diffusion_pytorch_model.bin"), small("vae/config.json"),
                  lfs("vae/diffusion_pytorch_model.safetensors"), lfs("vae/diffusion_pytorch_model.fp16.safetensors"),
                  small("text_encoder/config.json"), lfs("text_encoder/model.safetensors"),
                  lfs("text_encoder/model.fp16.safetensors"), small("image_encoder/config.json"),
                  lfs("image_encoder/model.safetensors"), lfs("image_encoder/model.fp16.safetensors"),
                  lfs("models/i2vgen_xl_00854500.pth"), lfs("models/open_clip_pytorch_model.bin"),
                  lfs("models/v2-1_512-ema-pruned.ckpt")};
    return info;
}

const char* kModelIndex = R"({"_class_name": "I2VGenXLPipeline", "_diffusers_version": "0.27.2",
  "feature_extractor": ["transformers", "CLIPImageProcessor"], "image_encoder": ["transformers", "CLIPVisionModelWithProjection"],
  "scheduler": ["diffusers", "DDIMScheduler"], "text_encoder": ["transformers", "CLIPTextModel"],
  "tokenizer": ["transformers", "CLIPTokenizer"], "unet": ["diffusers", "I2VGenXLUNet"],
  "vae": ["diffusers", "AutoencoderKL"], "safety_checker": [null, null]})";

std::vector<std::string> paths(const ModelFileSelection& s) {
    std::vector<std::string> p;
    for (const auto& f : s.files)
        p.push_back(f.path);
    return p;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string errorOf(const HubApi& api, long status, std::map<std::string, std::string> headers) {
    HttpResponse r;
    r.status = status;
    r.headers = std::move(headers);
    try {
        api.throwForStatus(r, RepoId::parse("org/model@v1"), "unet/config.json");
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

} // namespace

class TestHubProtocol : public QObject {
    Q_OBJECT

private slots:
    void etagsAreNormalised() {
        QCOMPARE(normalizeEtag("\"abc\""), std::string("abc"));
        QCOMPARE(normalizeEtag("W/\"abc\""), std::string("abc"));
        QCOMPARE(normalizeEtag("abc"), std::string("abc"));
        QVERIFY(hashKindOfEtag(std::string(64, 'f')) == HashKind::Sha256);
        QVERIFY(hashKindOfEtag(std::string(40, '0')) == HashKind::GitBlobSha1);
        QVERIFY(!hashKindOfEtag(std::string(64, 'F')));   // the Hub's digests are lowercase
        QVERIFY(!hashKindOfEtag("abc"));
    }

    void contentRangeIsParsedStrictly() {
        QCOMPARE(parseContentRange("bytes 100-999/1000"), (std::optional<std::pair<uint64_t, uint64_t>>{{100, 1000}}));
        QCOMPARE(parseContentRange("bytes 0-0/1"), (std::optional<std::pair<uint64_t, uint64_t>>{{0, 1}}));
        for (const char* bad : {"", "bytes */1000", "bytes 100-99/1000", "bytes 0-1000/1000", "items 0-1/2",
                                "bytes 0-1/2 trailing", "bytes -1-2/3"})
            QVERIFY2(!parseContentRange(bad), bad);
    }

    void urlsAreQuotedAsPython() {
        QCOMPARE(urlQuote("refs/pr/1", ""), std::string("refs%2Fpr%2F1"));
        QCOMPARE(urlQuote("unet/a b+c.json"), std::string("unet/a%20b%2Bc.json"));
        QCOMPARE(urlQuote("x~y_z-1.2"), std::string("x~y_z-1.2"));
        HubSettings s;
        s.endpoint = "http://127.0.0.1:9";
        HttpClient http("t");
        const HubApi api(s, http);
        QCOMPARE(api.resolveUrl(RepoId::parse("a/b"), "refs/pr/1", "unet/config.json"),
                 std::string("http://127.0.0.1:9/a/b/resolve/refs%2Fpr%2F1/unet/config.json"));
    }

    void theTokenGoesOnlyToTheHub() {
        QCOMPARE(urlOrigin("https://HuggingFace.co:443/a/b?x"), std::string("https://huggingface.co"));
        QCOMPARE(urlOrigin("http://127.0.0.1:8080/x"), std::string("http://127.0.0.1:8080"));
        HubSettings s;
        s.endpoint = "https://huggingface.co";
        s.token = "hf_secret";
        HttpClient http("t");
        const HubApi api(s, http);
        QCOMPARE(api.headersFor("https://huggingface.co/api/models/a/b").size(), size_t(1));
        QCOMPARE(api.headersFor("https://huggingface.co/api/models/a/b")[0], std::string("Authorization: Bearer hf_secret"));
        QVERIFY(api.headersFor("https://cdn-lfs.huggingface.co/repos/x").empty());
        QVERIFY(api.headersFor("http://huggingface.co/x").empty());   // not over plain HTTP to the same host
        QVERIFY(api.headersFor("https://huggingface.co.evil.example/x").empty());
    }

    void hashesMatchKnownVectors() {
        ContentHasher sha(HashKind::Sha256, 3);
        sha.update("abc", 3);
        QCOMPARE(sha.hexDigest(), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        // `git hash-object` of "hello\n".
        ContentHasher git(HashKind::GitBlobSha1, 6);
        git.update("hello\n", 6);
        QCOMPARE(git.hexDigest(), std::string("ce013625030ba8dba906f756967f9e9ca394464a"));
        ContentHasher empty(HashKind::GitBlobSha1, 0);
        QCOMPARE(empty.hexDigest(), std::string("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"));

        // A file hashed in one go equals a kept prefix plus the streamed rest.
        QTemporaryDir tmp;
        const std::filesystem::path f = tmp.path().toStdString() + "/blob";
        std::string data(3'000'001, '\0');
        for (size_t i = 0; i < data.size(); ++i)
            data[i] = char(i * 131 % 251);
        std::ofstream(f, std::ios::binary).write(data.data(), std::streamsize(data.size()));
        ContentHasher resumed(HashKind::Sha256, data.size());
        hashFilePrefix(f, 1'234'567, resumed);
        resumed.update(data.data() + 1'234'567, data.size() - 1'234'567);
        QCOMPARE(resumed.hexDigest(), hashFile(f, HashKind::Sha256));
        ContentHasher tooLong(HashKind::Sha256, 0);
        QVERIFY_THROWS_EXCEPTION(i2v::IoError, hashFilePrefix(f, data.size() + 1, tooLong));
    }

    void hubErrorsSayWhatToDo() {
        HubSettings anonymous;
        HttpClient http("t");
        const HubApi api(anonymous, http);
        std::string m = errorOf(api, 401, {{"x-error-code", "GatedRepo"}});
        QVERIFY2(m.find("gated") != std::string::npos && m.find("https://huggingface.co/org/model") != std::string::npos &&
                     m.find("HF_TOKEN") != std::string::npos,
                 m.c_str());
        HubSettings withToken;
        withToken.token = "hf_x";
        const HubApi api2(withToken, http);
        m = errorOf(api2, 403, {{"x-error-code", "GatedRepo"}});
        QVERIFY2(m.find("not been granted") != std::string::npos && m.find("hf_x") == std::string::npos, m.c_str());
        m = errorOf(api, 401, {{"x-error-code", "RepoNotFound"}, {"x-request-id", "R-1"}});
        QVERIFY2(m.find("org/model was not found") != std::string::npos && m.find("R-1") != std::string::npos, m.c_str());
        m = errorOf(api, 404, {{"x-error-code", "RevisionNotFound"}});
        QVERIFY2(m.find("revision 'v1'") != std::string::npos, m.c_str());
        m = errorOf(api, 404, {{"x-error-code", "EntryNotFound"}});
        QVERIFY2(m.find("unet/config.json was not found") != std::string::npos, m.c_str());
        m = errorOf(api, 403, {{"x-error-message", "Access to this resource is disabled."}});
        QVERIFY2(m.find("disabled") != std::string::npos, m.c_str());
        HttpResponse busy;
        busy.status = 429;
        busy.headers = {{"retry-after", "7"}};
        try {
            api.throwForStatus(busy, RepoId::parse("a/b"), "x");
            QFAIL("429 not reported");
        } catch (const TransferError& e) {
            QVERIFY(e.retryable());
            QCOMPARE(e.retryAfterSeconds(), 7.0);
        }
        busy.status = 502;
        QVERIFY_THROWS_EXCEPTION(TransferError, api.throwForStatus(busy, RepoId::parse("a/b"), "x"));
        busy.status = 302;
        api.throwForStatus(busy, RepoId::parse("a/b"), "x");   // a redirect is no error
    }

    void selectionFollowsDiffusers() {
        const RepoInfo repo = i2vgenXlRepo();
        const auto fp16 = paths(selectPipelineFiles(kModelIndex, repo, DownloadVariant::Fp16));
        QCOMPARE(fp16.front(), std::string("model_index.json"));
        for (const char* f : {"unet/config.json", "unet/diffusion_pytorch_model.fp16.safetensors",
                              "vae/diffusion_pytorch_model.fp16.safetensors", "text_encoder/model.fp16.safetensors",
                              "image_encoder/model.fp16.safetensors", "tokenizer/vocab.json", "tokenizer/merges.txt",
                              "scheduler/scheduler_config.json", "feature_extractor/preprocessor_config.json"})
            QVERIFY2(contains(fp16, f), f);
        for (const auto& p : fp16) {
            QVERIFY2(p.rfind("models/", 0) != 0, p.c_str());
            QVERIFY2(p.find(".bin") == std::string::npos, p.c_str());
            QVERIFY2(p != "README.md" && p != ".gitattributes", p.c_str());
            QVERIFY2(p.find(".safetensors") == std::string::npos || p.find(".fp16.") != std::string::npos, p.c_str());
        }
        QCOMPARE(fp16.size(), size_t(15));   // model_index + 1 + 1 + 4 tokenizer files + 2 per model component
        const auto fp32 = paths(selectPipelineFiles(kModelIndex, repo, DownloadVariant::Fp32));
        QVERIFY(contains(fp32, "unet/diffusion_pytorch_model.safetensors"));
        for (const auto& p : fp32)
            QVERIFY2(p.find(".fp16.") == std::string::npos, p.c_str());
    }

    void missingVariantsFallBackAndPicklesOnlyAreRefused() {
        RepoInfo repo = i2vgenXlRepo();
        repo.files.erase(std::remove_if(repo.files.begin(), repo.files.end(),
                                        [](const RepoFile& f) { return f.path == "vae/diffusion_pytorch_model.fp16.safetensors"; }),
                         repo.files.end());
        const ModelFileSelection s = selectPipelineFiles(kModelIndex, repo, DownloadVariant::Fp16);
        QVERIFY(contains(paths(s), "vae/diffusion_pytorch_model.safetensors"));
        QCOMPARE(s.notes.size(), size_t(1));
        QVERIFY2(s.notes[0].find("vae") == 0, s.notes[0].c_str());

        repo.files.erase(std::remove_if(repo.files.begin(), repo.files.end(),
                                        [](const RepoFile& f) { return f.path.rfind("unet/diffusion_pytorch_model.", 0) == 0 &&
                                                                       f.path.find(".safetensors") != std::string::npos; }),
                         repo.files.end());
        try {
            selectPipelineFiles(kModelIndex, repo, DownloadVariant::Fp16);
            QFAIL("selected a UNet with only a pickle");
        } catch (const i2v::HubError& e) {
            QVERIFY2(std::string(e.what()).find("'unet'") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(i2v::HubError, selectPipelineFiles("{}", repo, DownloadVariant::Fp16));
        QVERIFY_THROWS_EXCEPTION(i2v::HubError, selectPipelineFiles("not json", repo, DownloadVariant::Fp16));
        QVERIFY_THROWS_EXCEPTION(i2v::HubError,
                                 selectPipelineFiles(R"({"_class_name": "X", "../etc": ["a", "b"]})", repo, DownloadVariant::Fp16));
        QVERIFY_THROWS_EXCEPTION(i2v::InputError, parseDownloadVariant("bf16"));
    }
};

QTEST_GUILESS_MAIN(TestHubProtocol)
#include "tst_hub_protocol.moc"
