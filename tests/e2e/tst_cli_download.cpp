// `i2v download`, `i2v models` and `--model ORG/NAME` from outside, against the stand-in hub on 127.0.0.1
// (tests/support/hub_server.py): the diffusers file selection (fp16 by default, never models/), the Hugging
// Face cache layout, verification by hash, resume after cut connections, stalls and restarts, a Range the server
// ignores, corrupt bytes, 5xx, gated repos, offline mode, Ctrl-C, two downloaders at once, and the free-space
// check. Every exit code and message is what a user sees.
#include "hub/HubCacheLayout.h"
#include "hub/ModelDownloader.h"
#include "support/HubServer.h"
#include "support/ProcessRun.h"
#include "support/TestData.h"
#include "util/Errors.h"

#include <QProcess>
#include <QTemporaryDir>
#include <csignal>
#include <fstream>

namespace fs = std::filesystem;
using i2v::test::HubServer;

namespace {

const char* kUnetFp16 = "unet/diffusion_pytorch_model.fp16.safetensors";

using Run = i2v::test::ProcessRun;
using i2v::test::runCli;

QProcessEnvironment cliEnvironment(const HubServer& hub, const QString& cache) {
    QProcessEnvironment env = i2v::test::hubTestEnvironment(cache, cache);
    env.insert("HF_ENDPOINT", hub.endpoint());
    return env;
}

nlohmann::json serverLog(HubServer& hub) { return nlohmann::json::parse(hub.log().toStdString()); }

// The log entries for one repo file (both listeners).
std::vector<nlohmann::json> requestsFor(const nlohmann::json& log, const std::string& repoPath) {
    std::vector<nlohmann::json> out;
    for (const auto& e : log)
        if (e.value("repo_path", nlohmann::json()).is_string() && e.at("repo_path").get<std::string>() == repoPath)
            out.push_back(e);
    return out;
}

fs::path snapshotOf(const QString& cache, const HubServer& hub) {
    return fs::path(cache.toStdString()) / "models--ali-vilab--i2vgen-xl" / "snapshots" / hub.commit().toStdString();
}

bool hasIncomplete(const QString& cache) {
    const fs::path blobs = fs::path(cache.toStdString()) / "models--ali-vilab--i2vgen-xl" / "blobs";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(blobs, ec))
        if (e.path().extension() == ".incomplete")
            return true;
    return false;
}

} // namespace

class TestCliDownload : public QObject {
    Q_OBJECT

private slots:
    void downloadsTheFp16PipelineIntoTheCache() {
        HubServer hub;
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const auto env = cliEnvironment(hub, cache.path());
        const Run r = runCli({"download"}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const fs::path snap = snapshotOf(cache.path(), hub);
        QCOMPARE(r.out.trimmed().toStdString(), snap.string());

        // diffusers' selection: model_index.json, the component folders, fp16 weights only, never models/.
        for (const char* f : {"model_index.json", "unet/config.json", kUnetFp16, "vae/diffusion_pytorch_model.fp16.safetensors",
                              "text_encoder/model.fp16.safetensors", "image_encoder/model.fp16.safetensors",
                              "tokenizer/vocab.json", "tokenizer/merges.txt", "scheduler/scheduler_config.json",
                              "feature_extractor/preprocessor_config.json"})
            QVERIFY2(fs::is_symlink(snap / f) && fs::is_regular_file(snap / f), f);
        for (const char* f : {"unet/diffusion_pytorch_model.safetensors", "README.md", ".gitattributes", "models"})
            QVERIFY2(!fs::exists(snap / f), f);
        const auto log = serverLog(hub);
        for (const auto& e : log) {
            const std::string path = e.value("repo_path", nlohmann::json("")).is_string()
                                         ? e.value("repo_path", std::string()) : std::string();
            QVERIFY2(path.rfind("models/", 0) != 0, path.c_str());
            QVERIFY2(path != "unet/diffusion_pytorch_model.safetensors", path.c_str());
        }
        // LFS blobs are named by their SHA-256, linked relatively; refs/main holds the commit.
        const fs::path link = fs::read_symlink(snap / kUnetFp16);
        QVERIFY2(link.string().rfind("../../../blobs/", 0) == 0, link.c_str());
        QCOMPARE(link.filename().string().size(), size_t(64));
        std::ifstream ref(fs::path(cache.path().toStdString()) / "models--ali-vilab--i2vgen-xl" / "refs" / "main");
        std::string commit;
        ref >> commit;
        QCOMPARE(QString::fromStdString(commit), hub.commit());
        QVERIFY(!hasIncomplete(cache.path()));

        // The cache answers offline for the other commands.
        QProcessEnvironment offline = env;
        offline.insert("HF_HUB_OFFLINE", "1");
        const Run list = runCli({"models", "list", "--json"}, offline);
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const auto models = nlohmann::json::parse(list.out.toStdString());
        bool found = false;
        for (const auto& m : models)
            if (m.at("source") == "hub-cache") {
                found = true;
                QCOMPARE(m.at("name").get<std::string>(), std::string("ali-vilab/i2vgen-xl"));
                QVERIFY(m.at("complete").get<bool>());
                QCOMPARE(m.at("variants").get<std::vector<std::string>>(), std::vector<std::string>{"fp16"});
                QCOMPARE(m.at("commit").get<std::string>(), hub.commit().toStdString());
            }
        QVERIFY2(found, list.out.constData());
        const Run verify = runCli({"models", "verify", "--deep"}, offline);
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
        QVERIFY2(verify.out.contains("OK"), verify.out.constData());
        const Run tok = runCli({"tokenize", "--model", "ali-vilab/i2vgen-xl", "a photo of a cat"}, offline);
        QVERIFY2(tok.exitCode == 0, tok.err.constData());
        QVERIFY2(tok.out.contains("ids: 49406 320 1125 539 320 2368 49407"), tok.out.constData());
        const Run installed = runCli({"tokenize", "a photo of a cat"}, offline);  // no --model: the downloaded one
        QCOMPARE(installed.out, tok.out);

        // A second run finds everything in place and fetches no weights again.
        hub.reset();
        const Run again = runCli({"download"}, env);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        for (const auto& e : serverLog(hub))
            QVERIFY2(e.at("listener") != "cdn", e.dump().c_str());
    }

    void aListingWithoutSizesOrHashesIsCompletedByHead() {
        HubServer hub({"--bare-listing"});
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const auto env = cliEnvironment(hub, cache.path());
        const Run r = runCli({"download"}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("15 files, 12.9 MB"), r.err.constData());
        QVERIFY(runCli({"models", "verify", "--deep"}, env).exitCode == 0);
    }

    void generatesFromARepoIdInTheCache() {
        HubServer hub;
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache, out;
        auto env = cliEnvironment(hub, cache.path());
        QCOMPARE(runCli({"download", "-q"}, env).exitCode, 0);
        env.insert("HF_HUB_OFFLINE", "1");
        const QString tensors = out.path() + "/t.safetensors";
        const Run r = runCli({"generate", "--model", "ali-vilab/i2vgen-xl", "--image",
                              QString::fromStdString(i2v::test::goldenInputImage().string()), "--prompt", "a fox",
                              "--width", "64", "--height", "64", "--frames", "2", "--steps", "2", "--seed", "1",
                              "--save-tensors", tensors, "-q"},
                             env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(fs::exists(tensors.toStdString()));
        // No --model: the downloaded one, named in the video as if the user had named it.
        const QString video = out.path() + "/fox.mp4";
        const Run automatic = runCli({"generate", "--image", QString::fromStdString(i2v::test::goldenInputImage().string()),
                                      "--prompt", "a fox", "--width", "64", "--height", "64", "--frames", "2",
                                      "--steps", "2", "--seed", "1", "-q", "--output", video},
                                     env);
        QVERIFY2(automatic.exitCode == 0, automatic.err.constData());
        const Run info = runCli({"info", video}, env);
        QVERIFY2(info.out.contains("model: ali-vilab/i2vgen-xl\n"), info.out.constData());
        const Run missing = runCli({"generate", "--model", "someone/else", "--image",
                                    QString::fromStdString(i2v::test::goldenInputImage().string()), "--prompt", "x"},
                                   env);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("i2v download someone/else"), missing.err.constData());
    }

    void fp32VariantAndDryRun() {
        HubServer hub;
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const auto env = cliEnvironment(hub, cache.path());
        const Run dry = runCli({"download", "--variant", "fp32", "--dry-run"}, env);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QVERIFY2(dry.out.contains("download unet/diffusion_pytorch_model.safetensors"), dry.out.constData());
        QVERIFY2(!dry.out.contains(".fp16."), dry.out.constData());
        QVERIFY(!fs::exists(snapshotOf(cache.path(), hub) / "unet"));
        const Run r = runCli({"download", "--variant", "fp32", "-q"}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(fs::is_regular_file(snapshotOf(cache.path(), hub) / "unet/diffusion_pytorch_model.safetensors"));
        QVERIFY(!fs::exists(snapshotOf(cache.path(), hub) / kUnetFp16));
    }

    void resumesACutConnectionWithAFreshLink() {
        // The CDN cuts the UNet after 100 kB, then every earlier link expires: the client must HEAD again
        // and resume with Range from byte 100000.
        HubServer hub({"--fault", QStringLiteral("kind=cut,path=%1,at=100000").arg(kUnetFp16), "--fault",
                       QStringLiteral("kind=expire_links,path=%1,after=1").arg(kUnetFp16)});
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const Run r = runCli({"download"}, cliEnvironment(hub, cache.path()));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto unet = requestsFor(serverLog(hub), kUnetFp16);
        bool resumed = false;
        int heads = 0;
        for (const auto& e : unet) {
            heads += e.at("method") == "HEAD";
            if (e.at("listener") == "cdn") {
                QVERIFY2(!e.at("authorization").get<bool>(), "a token went to the CDN");
                if (e.at("range").is_string() && e.at("range") == "bytes=100000-" && e.at("status") == 206)
                    resumed = true;
            }
        }
        QVERIFY2(resumed, nlohmann::json(unet).dump().c_str());
        QVERIFY(heads >= 3);   // first, after the cut, after the expired link
        QVERIFY(runCli({"models", "verify", "--deep"}, cliEnvironment(hub, cache.path())).exitCode == 0);
    }

    void resumesAcrossRunsAndStartsOverWhenRangeIsIgnored() {
        // Run 1: the connection stalls and closes after 200 kB, one attempt allowed: exit 1, partial kept.
        HubServer hub({"--fault", QStringLiteral("kind=stall,path=%1,at=200000,seconds=1,then=close").arg(kUnetFp16)});
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const auto env = cliEnvironment(hub, cache.path());
        const Run first = runCli({"download", "--attempts", "1"}, env);
        QCOMPARE(first.exitCode, 1);
        QVERIFY2(first.err.contains("run the download again to resume"), first.err.constData());
        QVERIFY(hasIncomplete(cache.path()));
        // Run 2 resumes from the kept bytes.
        hub.reset();
        const Run second = runCli({"download"}, env);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        bool ranged = false;
        for (const auto& e : requestsFor(serverLog(hub), kUnetFp16))
            ranged = ranged || (e.at("range").is_string() && e.at("range") == "bytes=200000-" && e.at("status") == 206);
        QVERIFY(ranged);
        QVERIFY(!hasIncomplete(cache.path()));

        // A server that ignores Range: the client starts the file over and still verifies it.
        QTemporaryDir cache2;
        const auto env2 = cliEnvironment(hub, cache2.path());
        hub.reset();
        hub.addFault(QStringLiteral(R"({"kind":"stall","path":"%1","at":150000,"seconds":1,"then":"close"})").arg(kUnetFp16));
        QCOMPARE(runCli({"download", "--attempts", "1"}, env2).exitCode, 1);
        hub.addFault(QStringLiteral(R"({"kind":"ignore_range","path":"%1"})").arg(kUnetFp16));
        const Run third = runCli({"download"}, env2);
        QVERIFY2(third.exitCode == 0, third.err.constData());
        QVERIFY2(third.err.contains("starting the file over"), third.err.constData());
        QVERIFY(runCli({"models", "verify", "--deep"}, env2).exitCode == 0);
    }

    void corruptBytesAreRetriedOnceThenNamed() {
        HubServer hub({"--fault", QStringLiteral("kind=wrong_bytes,path=%1").arg(kUnetFp16)});
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const auto env = cliEnvironment(hub, cache.path());
        const Run once = runCli({"download"}, env);
        QVERIFY2(once.exitCode == 0, once.err.constData());
        QVERIFY2(once.err.contains("arrived corrupt"), once.err.constData());

        QTemporaryDir cache2;
        hub.reset();
        hub.addFault(QStringLiteral(R"({"kind":"wrong_bytes","path":"%1","count":2})").arg(kUnetFp16));
        const Run twice = runCli({"download"}, cliEnvironment(hub, cache2.path()));
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains(kUnetFp16) && twice.err.contains("downloaded twice"), twice.err.constData());
        QVERIFY(!hasIncomplete(cache2.path()));   // the corrupt partial is gone
    }

    void serverErrorsAreRetriedWithRetryAfter() {
        HubServer hub({"--fault", QStringLiteral("kind=status,status=503,retry_after=1,path=%1,count=2").arg(kUnetFp16),
                       "--fault", "kind=status,status=429,retry_after=1,where=api"});
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const Run r = runCli({"download"}, cliEnvironment(hub, cache.path()));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("503") && r.err.contains("429"), r.err.constData());
        QVERIFY2(r.err.contains("trying again in 1.0 s"), r.err.constData());
    }

    void gatedNotFoundAndOfflineSayWhatToDo() {
        HubServer gated({"--gated", "--token", "s3cret"});
        QVERIFY2(gated.ok(), qPrintable(gated.error()));
        QTemporaryDir cache;
        auto env = cliEnvironment(gated, cache.path());
        const Run anonymous = runCli({"download"}, env);
        QCOMPARE(anonymous.exitCode, 1);
        QVERIFY2(anonymous.err.contains("gated") && anonymous.err.contains("request access") &&
                     anonymous.err.contains("HF_TOKEN"),
                 anonymous.err.constData());
        env.insert("HF_TOKEN", "wrong");
        const Run wrong = runCli({"download"}, env);
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("not been granted"), wrong.err.constData());
        QVERIFY(!wrong.err.contains("wrong"));   // the token itself is never printed
        env.insert("HF_TOKEN", "s3cret");
        gated.reset();
        const Run ok = runCli({"download", "-q"}, env);
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        for (const auto& e : serverLog(gated))
            if (e.at("listener") == "cdn")
                QVERIFY2(!e.at("authorization").get<bool>(), "the token went to the CDN");
            else
                QVERIFY2(e.at("authorization").get<bool>(), e.dump().c_str());
        QVERIFY(!ok.err.contains("s3cret") && !ok.out.contains("s3cret"));

        HubServer hub;
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        const auto env2 = cliEnvironment(hub, cache.path());
        const Run noRepo = runCli({"download", "nobody/nothing"}, env2);
        QCOMPARE(noRepo.exitCode, 1);
        QVERIFY2(noRepo.err.contains("nobody/nothing was not found"), noRepo.err.constData());
        const Run noRev = runCli({"download", "--revision", "v9"}, env2);
        QCOMPARE(noRev.exitCode, 1);
        QVERIFY2(noRev.err.contains("revision 'v9'"), noRev.err.constData());
        const Run badId = runCli({"download", "not a repo"}, env2);
        QCOMPARE(badId.exitCode, 1);
        auto offline = env2;
        offline.insert("HF_HUB_OFFLINE", "1");
        const Run off = runCli({"download"}, offline);
        QCOMPARE(off.exitCode, 1);
        QVERIFY2(off.err.contains("HF_HUB_OFFLINE"), off.err.constData());
        auto nowhere = env2;
        nowhere.insert("HF_ENDPOINT", "http://127.0.0.1:1");   // nothing listens on port 1
        const Run refused = runCli({"download", "--attempts", "1"}, nowhere);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("cannot connect to 127.0.0.1:1") && refused.err.contains("proxy"),
                 refused.err.constData());
    }

    void ctrlCLeavesAResumableStateAndExits130() {
        HubServer hub({"--fault", QStringLiteral("kind=stall,path=%1,at=300000,seconds=60").arg(kUnetFp16)});
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const auto env = cliEnvironment(hub, cache.path());
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QString::fromStdString(i2v::test::cliPath().string()), {"download"});
        QVERIFY(p.waitForStarted());
        // Wait until the UNet's partial file holds exactly the bytes before the stall, and stays so (another
        // file's partial may pass through that size, but it does not stay).
        const fs::path blobs = fs::path(cache.path().toStdString()) / "models--ali-vilab--i2vgen-xl" / "blobs";
        const auto stalled = [&] {
            std::error_code ec;
            for (const auto& e : fs::directory_iterator(blobs, ec))
                if (e.path().extension() == ".incomplete" && fs::file_size(e.path(), ec) == 300000)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stalled() && (QTest::qWait(500), stalled()), 60000);
        QElapsedTimer t;
        t.start();
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QVERIFY2(t.elapsed() < 3000, "Ctrl-C took more than 3 s");
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(hasIncomplete(cache.path()));
        hub.reset();
        const Run resumed = runCli({"download", "-q"}, env);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    }

    void twoDownloadersShareOneCache() {
        HubServer hub({"--fault", QStringLiteral("kind=stall,path=%1,at=100000,seconds=2").arg(kUnetFp16)});
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const auto env = cliEnvironment(hub, cache.path());
        QProcess a, b;
        for (QProcess* p : {&a, &b}) {
            p->setProcessEnvironment(env);
            p->start(QString::fromStdString(i2v::test::cliPath().string()), {"download"});
        }
        QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
        // The UNet came over the network once: the second downloader waited for the lock.
        int cdnGets = 0;
        for (const auto& e : requestsFor(serverLog(hub), kUnetFp16))
            cdnGets += e.at("listener") == "cdn" && e.at("method") == "GET";
        QCOMPARE(cdnGets, 1);
        QVERIFY(runCli({"models", "verify", "--deep"}, env).exitCode == 0);
    }

    void notEnoughDiskSpaceIsRefusedBeforeTheFirstByte() {
        HubServer hub;
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        i2v::hub::HubSettings settings;
        settings.endpoint = hub.endpoint().toStdString();
        settings.cacheDir = cache.path().toStdString();
        i2v::hub::DownloadOptions options;
        options.freeSpace = [](const fs::path&) { return uint64_t(1'000'000); };
        try {
            i2v::hub::ModelDownloader(settings).download(i2v::hub::RepoId::parse("ali-vilab/i2vgen-xl"), options);
            QFAIL("downloaded without the space for it");
        } catch (const i2v::IoError& e) {
            const std::string msg = e.what();
            QVERIFY2(msg.find("not enough disk space") != std::string::npos && msg.find("1.00 MB free") != std::string::npos,
                     msg.c_str());
        }
        for (const auto& e : serverLog(hub))
            QVERIFY2(e.at("listener") != "cdn", "a weight was fetched without the space for it");
    }

    // A hub (or a repo) that lists a model_index.json of megabytes is refused before it is fetched: a model
    // index is a few hundred bytes, and the engine refuses configs over 16 MiB anyway.
    void aHugeModelIndexIsRefusedBeforeItIsFetched() {
        QTemporaryDir dir;
        const fs::path model = fs::path(dir.path().toStdString()) / "model";
        fs::copy(i2v::test::tinyModelDir(), model, fs::copy_options::recursive);
        {
            std::ofstream index(model / "model_index.json", std::ios::app);
            index << std::string(17u << 20, ' ');  // still the same JSON, 17 MiB of it
        }
        HubServer hub({"--model", QString::fromStdString(model.string()), "--work", dir.path() + "/work"});
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        i2v::hub::HubSettings settings;
        settings.endpoint = hub.endpoint().toStdString();
        settings.cacheDir = (dir.path() + "/cache").toStdString();
        try {
            i2v::hub::ModelDownloader(settings).download(i2v::hub::RepoId::parse("ali-vilab/i2vgen-xl"), {});
            QFAIL("fetched a 17 MiB model index");
        } catch (const i2v::HubError& e) {
            const std::string msg = e.what();
            QVERIFY2(msg.find("model_index.json is 17 MiB, far larger than a model index can be") != std::string::npos,
                     msg.c_str());
        }
        for (const auto& e : requestsFor(serverLog(hub), "model_index.json"))
            QVERIFY2(e.at("method") != "GET", "the model index was fetched");
    }

    void aFullDiskIsNamedAndKeepsWhatArrived() {
        // A real full file system: a 3 MB tmpfs as the cache (root only; skipped elsewhere). The free-space
        // seam says there is room, so the download runs into ENOSPC while writing the text encoder.
        QTemporaryDir dir;
        const QString mountPoint = dir.path() + "/small";
        QDir().mkpath(mountPoint);
        if (QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=3m", "tmpfs", mountPoint}) != 0)
            QSKIP("mounting a small tmpfs needs root");
        const auto unmount = qScopeGuard([&] { QProcess::execute("umount", {mountPoint}); });
        HubServer hub;
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        i2v::hub::HubSettings settings;
        settings.endpoint = hub.endpoint().toStdString();
        settings.cacheDir = mountPoint.toStdString();
        i2v::hub::DownloadOptions options;
        options.freeSpace = [](const fs::path&) { return uint64_t(1) << 40; };
        try {
            i2v::hub::ModelDownloader(settings).download(i2v::hub::RepoId::parse("ali-vilab/i2vgen-xl"), options);
            QFAIL("wrote 13 MB into 3 MB");
        } catch (const i2v::IoError& e) {
            const std::string msg = e.what();
            QVERIFY2(msg.find("the disk is full") != std::string::npos && msg.find("are kept") != std::string::npos &&
                         msg.find("resume") != std::string::npos,
                     msg.c_str());
        }
        QVERIFY(hasIncomplete(mountPoint));
    }

    void removeFreesTheCache() {
        HubServer hub;
        QVERIFY2(hub.ok(), qPrintable(hub.error()));
        QTemporaryDir cache;
        const auto env = cliEnvironment(hub, cache.path());
        QCOMPARE(runCli({"download", "-q"}, env).exitCode, 0);
        const Run r = runCli({"models", "remove", "ali-vilab/i2vgen-xl"}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("MB freed"), r.out.constData());
        QVERIFY(!fs::exists(fs::path(cache.path().toStdString()) / "models--ali-vilab--i2vgen-xl"));
        const Run again = runCli({"models", "remove", "ali-vilab/i2vgen-xl"}, env);
        QCOMPARE(again.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliDownload)
#include "tst_cli_download.moc"
