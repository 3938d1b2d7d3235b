// `i2v download [REPO] [--revision R] [--variant fp16|fp32] [--cache-dir DIR] [--dry-run]`: the pipeline's
// files from the Hugging Face Hub into the shared cache, verified. Exit 0 only when every file is verified,
// 130 on Ctrl-C (what arrived is kept: run the same command again to resume), 1 with a reason otherwise.
#include "Commands.h"
#include "DownloadProgressPrinter.h"
#include "InterruptGuard.h"

#include "hub/HubSettings.h"
#include "hub/RepoId.h"
#include "util/Errors.h"
#ifdef I2V_HAVE_HUB_CLIENT
#include "hub/ModelDownloader.h"
#endif

#include <iostream>
#include <memory>

namespace i2v::cli {
namespace {

struct DownloadArgs {
    std::string repo = hub::kDefaultModelRepo;
    std::string revision;
    std::string variant = "fp16";
    std::string cacheDir;
    bool dryRun = false, quiet = false;
    int attempts = 6;
    long stallSeconds = 30;
};

int runDownload(const DownloadArgs& a) {
    hub::RepoId repo = hub::RepoId::parse(a.repo);
    if (!a.revision.empty())
        repo = hub::RepoId::parse(repo.id() + "@" + a.revision);
    hub::HubSettings settings = hub::HubSettings::fromEnvironment();
    if (!a.cacheDir.empty())
        settings.cacheDir = a.cacheDir;
#ifdef I2V_HAVE_HUB_CLIENT
    hub::DownloadOptions options;
    options.variant = hub::parseDownloadVariant(a.variant);
    options.dryRun = a.dryRun;
    options.maxAttempts = a.attempts;
    options.stallSeconds = a.stallSeconds;
    CancelToken cancel;
    const InterruptGuard interrupt(cancel);
    DownloadProgressPrinter printer(a.quiet);
    const hub::DownloadResult result = hub::ModelDownloader(settings).download(repo, options, &printer, &cancel);
    if (a.dryRun) {
        for (const auto& f : result.plan.files)
            std::cout << (f.present ? "present  " : f.partialBytes ? "resume   " : "download ") << f.file.path << " "
                      << f.file.size << "\n";
        return 0;
    }
    printer.onNotice("verified " + std::to_string(result.plan.files.size()) + " files; the model is in " +
                     result.snapshotDir.string());
    std::cout << result.snapshotDir.string() << "\n";   // for scripts: the folder --model can take
    return 0;
#else
    (void)repo;
    throw Error("this build of i2v has no model downloader (it was built without libcurl and OpenSSL); "
                "install libcurl4-openssl-dev and libssl-dev and build again");
#endif
}

} // namespace

void addDownloadCommand(CLI::App& app, Action& action) {
    auto a = std::make_shared<DownloadArgs>();
    CLI::App* cmd = app.add_subcommand("download", "Download a model (default: I2VGen-XL fp16, about 5 GB) from the "
                                                   "Hugging Face Hub into the shared cache, verified and resumable");
    cmd->add_option("repo", a->repo, "Model repository ORG/NAME[@REVISION]")->capture_default_str();
    cmd->add_option("--revision", a->revision, "Branch, tag or commit (default: main)");
    cmd->add_option("--variant", a->variant, "Weights: fp16 (half the download) or fp32")
        ->check(CLI::IsMember({"fp16", "fp32"}))
        ->capture_default_str();
    cmd->add_option("--cache-dir", a->cacheDir, "Hugging Face cache folder (default: $HF_HUB_CACHE, else $HF_HOME/hub, "
                                                "else ~/.cache/huggingface/hub)");
    cmd->add_flag("--dry-run", a->dryRun, "Only list what would be downloaded (and what is in the cache already)");
    cmd->add_option("--attempts", a->attempts, "Tries per file after cut connections, stalls and server errors")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    cmd->add_option("--stall-timeout", a->stallSeconds, "Seconds without data before a connection is retried")
        ->check(CLI::Range(1L, 3600L))
        ->capture_default_str();
    cmd->add_flag("-q,--quiet", a->quiet, "No progress output");
    cmd->callback([a, &action] { action = [a] { return runDownload(*a); }; });
}

} // namespace i2v::cli
