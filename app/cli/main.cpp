// `i2v`: command-line front end of the I2V Studio engine.
#include "Commands.h"

#include "util/Errors.h"
#include "util/HugePageAllocator.h"
#include "util/Runtime.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace {

int run(int argc, char** argv) {
    CLI::App app{"I2V Studio command line: image + prompt -> video with I2VGen-XL"};
    app.set_version_flag("--version", std::string("i2v ") + I2V_VERSION);
    int threads = 0;
    app.add_option("--threads", threads, "CPU threads for libtorch (0 = all cores)")->check(CLI::NonNegativeNumber);
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Print the runtime (threads, BLAS) on stderr");
    app.require_subcommand(1);

    i2v::cli::Action action;
    // Subcommands (one file each in app/cli/).
    i2v::cli::addTokenizeCommand(app, action);
    i2v::cli::addGenerateCommand(app, action);
    i2v::cli::addInfoCommand(app, action);
    i2v::cli::addDownloadCommand(app, action);
    i2v::cli::addModelsCommand(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    try {
        i2v::configureThreads(threads);
        i2v::useHugePagesForLargeTensors();
        if (verbose)
            std::cerr << i2v::describeRuntime(i2v::runtimeInfo()) << "\n";
        return action ? action() : 2;
    } catch (const i2v::Cancelled&) {
        std::cerr << "i2v: cancelled\n";
        return 130;
    } catch (const std::exception& e) {
        std::cerr << "i2v: " << e.what() << "\n";
        return 1;
    }
}

} // namespace

int main(int argc, char** argv) {
    const int status = run(argc, argv);
    // Everything run() made is destroyed and every file it wrote is closed by now. What is left are the
    // libraries' static destructors: libtorch's unregister each of its thousands of operator kernels, 0.1 s
    // of a small job's 1.2 s process (bench/RESULTS.md). The process ends without them once its own output
    // is out.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(status);
}
