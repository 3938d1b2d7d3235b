// `i2v generate` against hostile inputs and faults, from the outside: bad images, broken model folders,
// impossible settings, unwritable and full disks, memory exhaustion, non-UTF-8 and very long paths.
// Every failure is exit 1 with one line naming the file or setting, and no output (not even a partial
// or temporary file) is left behind; odd but valid inputs generate.
// The CLI is started with fork/exec rather than QProcess so that arguments can be arbitrary bytes.
#include "support/TestData.h"

#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <poll.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
#define I2V_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define I2V_UNDER_ASAN 1
#endif
#endif

namespace {

struct Run {
    int code = -1;        // exit status; -1 when killed or timed out
    std::string err;      // stderr
};

// Runs the CLI with `args` (raw bytes), optionally under an address-space limit; stdout is discarded. Not
// support/ProcessRun: QProcess takes its arguments as QString, and these tests pass bytes that are not UTF-8.
Run runCli(const std::vector<std::string>& args, std::optional<rlim_t> addressSpace = {}, int timeoutSeconds = 300) {
    std::vector<std::string> all{i2v::test::cliPath().string()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    int pipeFd[2];
    if (::pipe2(pipeFd, O_CLOEXEC) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid == 0) {  // only async-signal-safe calls until exec
        if (addressSpace) {
            rlimit lim{*addressSpace, *addressSpace};
            ::setrlimit(RLIMIT_AS, &lim);
        }
        const int devNull = ::open("/dev/null", O_WRONLY);
        ::dup2(devNull, STDOUT_FILENO);
        ::dup2(pipeFd[1], STDERR_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(pipeFd[1]);
    Run r;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    char buf[4096];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(pid, SIGKILL);
            r.err += "\n[timed out]";
            break;
        }
        pollfd p{pipeFd[0], POLLIN, 0};
        if (::poll(&p, 1, int(left.count())) <= 0)
            continue;
        const ssize_t n = ::read(pipeFd[0], buf, sizeof buf);
        if (n <= 0)
            break;
        r.err.append(buf, size_t(n));
    }
    ::close(pipeFd[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

constexpr size_t kPromptValue = 6;  // index of --prompt's value in baseArgs()

std::vector<std::string> baseArgs(const fs::path& image, const fs::path& model = i2v::test::tinyModelDir()) {
    return {"generate", "--model", model.string(), "--image", image.string(), "--prompt", "A red fox jumping",
            "--width", "96", "--height", "64", "--frames", "2", "--steps", "2", "--seed", "1", "-q"};
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

void writeBytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// An uncompressed 24-bit BMP of w x h with a colour ramp.
std::string bmp(int w, int h) {
    const int stride = (w * 3 + 3) / 4 * 4;
    const uint32_t size = 54 + uint32_t(stride * h);
    std::string b(size, '\0');
    auto put32 = [&](size_t at, uint32_t v) {
        for (int i = 0; i < 4; ++i)
            b[at + i] = char((v >> (8 * i)) & 0xff);
    };
    b[0] = 'B';
    b[1] = 'M';
    put32(2, size);
    put32(10, 54);
    put32(14, 40);
    put32(18, uint32_t(w));
    put32(22, uint32_t(h));
    b[26] = 1;
    b[28] = 24;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                b[54 + size_t(y) * stride + x * 3 + c] = char((x * 40 + y * 30 + c * 70) & 0xff);
    return b;
}

// A PNG header declaring width x height with a valid IHDR CRC and no pixel data (a decompression bomb).
std::string pngHeader(uint32_t width, uint32_t height) {
    std::string b = readAll(i2v::test::dataDir() / "images" / "png_rgb8.png").substr(0, 33);
    for (int i = 0; i < 2; ++i)
        for (int k = 0; k < 4; ++k)
            b[16 + 4 * i + k] = char(((i ? height : width) >> (24 - 8 * k)) & 0xff);
    uint32_t crc = 0xffffffffu;
    for (size_t i = 12; i < 29; ++i) {
        crc ^= uint8_t(b[i]);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    crc ^= 0xffffffffu;
    for (int k = 0; k < 4; ++k)
        b[29 + k] = char((crc >> (24 - 8 * k)) & 0xff);
    return b;
}

// Names in `dir` (hidden ones included): what a failed run must not add to.
std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

// A failed run: exit 1, exactly one line "i2v: ..." holding every needle.
void expectOneLineFailure(const Run& r, const std::vector<std::string>& needles) {
    QVERIFY2(r.code == 1, ("exit " + std::to_string(r.code) + ": " + r.err).c_str());
    QVERIFY2(r.err.rfind("i2v: ", 0) == 0, r.err.c_str());
    QVERIFY2(r.err.find('\n') == r.err.size() - 1, ("not one line: " + r.err).c_str());
    for (const auto& n : needles)
        QVERIFY2(r.err.find(n) != std::string::npos, (r.err + "  [expected: " + n + "]").c_str());
}

struct Mount {
    fs::path at;
    bool mounted = false;
    ~Mount() {
        if (mounted)
            ::umount(at.c_str());
    }
};

} // namespace

class TestCliHostileInputs : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    fs::path root() const { return tmp_.path().toStdString(); }
    fs::path fresh(const std::string& name) const {
        const fs::path d = root() / name;
        fs::create_directories(d);
        return d;
    }

private slots:
    void badImagesAreNamed_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");  // empty + file "folder": a directory; "missing": not created
        QTest::addColumn<QString>("needle");
        const std::string png = readAll(i2v::test::goldenInputImage());
        const std::string jpg = readAll(i2v::test::dataDir() / "images" / "jpg_rgb420.jpg");
        auto bytes = [](const std::string& s) { return QByteArray(s.data(), int(s.size())); };
        QTest::newRow("zero bytes") << "empty.png" << QByteArray() << "is empty (0 bytes)";
        QTest::newRow("truncated PNG") << "cut.png" << bytes(png.substr(0, png.size() / 2)) << "truncated";
        QTest::newRow("truncated JPEG") << "cut.jpg" << bytes(jpg.substr(0, jpg.size() / 2)) << "is a damaged JPEG file";
        QTest::newRow("text renamed .png") << "notes.png" << QByteArray("shopping list: eggs, milk\n")
                                           << "is not an image I2V Studio can read";
        QTest::newRow("decompression bomb") << "bomb.png" << bytes(pngHeader(100000, 100000))
                                            << "more than the 100 megapixels I2V Studio accepts";
        QTest::newRow("directory") << "folder.png" << QByteArray() << "is a folder";
        QTest::newRow("missing") << "missing.png" << QByteArray() << "does not exist";
        QTest::newRow("name too long") << QString(300, 'x') + ".png" << QByteArray() << "File name too long";
    }

    void badImagesAreNamed() {
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, needle);
        static int row = 0;
        const fs::path dir = fresh("images-" + std::to_string(++row));
        const fs::path image = dir / file.toStdString();
        if (file == "folder.png")
            fs::create_directory(image);
        else if (file != "missing.png" && file.size() < 255)
            writeBytes(image, bytes.toStdString());
        const auto before = entries(dir);
        const Run r = runCli(baseArgs(image) + std::vector<std::string>{"--output", (dir / "out.mp4").string()});
        const std::string shown = file.size() < 255 ? file.toStdString() : file.left(40).toStdString();
        expectOneLineFailure(r, {shown, needle.toStdString()});
        QCOMPARE(entries(dir), before);
    }

    void unreadableImage() {
        const fs::path dir = fresh("unreadable");
        const fs::path image = dir / "secret.png";
        fs::copy_file(i2v::test::goldenInputImage(), image);
        fs::permissions(image, fs::perms::none);
        if (std::ifstream(image).good())
            QSKIP("running with privileges that ignore file permissions (root)");
        expectOneLineFailure(runCli(baseArgs(image)), {"secret.png", "permission"});
    }

    // Odd but valid pictures generate: tiny sizes, 16-bit, grey+alpha, palette+transparency, CMYK, EXIF
    // rotation, and an animated WebP (its first frame, with a warning saying so).
    void oddImagesGenerate_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("1x1") << "1x1.bmp";
        QTest::newRow("7x5") << "7x5.bmp";
        for (const char* f : {"png_rgb16.png", "png_gray_alpha8.png", "png_palette_trns.png", "jpg_cmyk.jpg",
                              "jpg_exif6.jpg", "webp_animated.webp"})
            QTest::newRow(f) << f;
    }

    void oddImagesGenerate() {
        QFETCH(QString, file);
        const fs::path dir = fresh("odd");
        fs::path image = i2v::test::dataDir() / "images" / file.toStdString();
        if (file == "1x1.bmp" || file == "7x5.bmp") {
            image = dir / file.toStdString();
            writeBytes(image, file == "1x1.bmp" ? bmp(1, 1) : bmp(7, 5));
        }
        const fs::path out = dir / (file.toStdString() + ".safetensors");
        std::vector<std::string> args = baseArgs(image);
        args.pop_back();  // not quiet: warnings are what this checks
        args.insert(args.end(), {"--save-tensors", out.string()});
        const Run r = runCli(args);
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY(fs::file_size(out) > 0);
        const bool animated = file.contains("animated");
        QCOMPARE(r.err.find("only the first frame is used") != std::string::npos, animated);
    }

    void brokenModelsNameTheFile_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("needle");
        QTest::newRow("truncated weights") << "truncate" << "vae/diffusion_pytorch_model.safetensors";
        QTest::newRow("missing component") << "rm-scheduler" << "scheduler";
        QTest::newRow("pickle only") << "pickle" << "unet";
        QTest::newRow("not a model") << "empty" << "model_index.json";
    }

    void brokenModelsNameTheFile() {
        QFETCH(QString, damage);
        QFETCH(QString, needle);
        const fs::path model = root() / ("model-" + damage.toStdString());
        if (damage == "empty") {
            fs::create_directories(model);
        } else {
            fs::copy(i2v::test::tinyModelDir(), model, fs::copy_options::recursive);
        }
        if (damage == "truncate") {
            const fs::path w = model / "vae" / "diffusion_pytorch_model.safetensors";
            fs::resize_file(w, fs::file_size(w) / 2);
        } else if (damage == "rm-scheduler") {
            fs::remove_all(model / "scheduler");
        } else if (damage == "pickle") {
            fs::rename(model / "unet" / "diffusion_pytorch_model.safetensors", model / "unet" / "diffusion_pytorch_model.bin");
        }
        const fs::path dir = fresh("model-out-" + damage.toStdString());
        const Run r = runCli(baseArgs(i2v::test::goldenInputImage(), model) +
                             std::vector<std::string>{"--output", (dir / "out.mp4").string()});
        expectOneLineFailure(r, {needle.toStdString()});
        QVERIFY2(r.err.find("download") != std::string::npos || r.err.find("choose") != std::string::npos, r.err.c_str());
        QVERIFY(entries(dir).empty());
        fs::remove_all(model);
    }

    // The hostile configs of the engine issue, from the outside and under an address-space limit: a UNet a
    // million channels wide (16 TB of weights) and 2e9 training timesteps (24 GB of tables) fail in one line
    // naming the file and key, not with libtorch's allocator message or the kernel's OOM killer.
    void hostileConfigsFailWithinAMemoryLimit_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("unet width") << "unet/config.json" << "block_out_channels" << "[1000000, 1000000, 1000000, 1000000]";
        QTest::newRow("timesteps") << "scheduler/scheduler_config.json" << "num_train_timesteps" << "2000000000";
    }

    void hostileConfigsFailWithinAMemoryLimit() {
#ifdef I2V_UNDER_ASAN
        QSKIP("address-space limits do not work under AddressSanitizer");
#else
        QFETCH(QString, file);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const fs::path model = root() / ("model-hostile-" + key.toStdString());
        fs::copy(i2v::test::tinyModelDir(), model, fs::copy_options::recursive);
        i2v::test::setConfigValue(model / file.toStdString(), key.toStdString(), value.toStdString());
        const fs::path dir = fresh("hostile-out-" + key.toStdString());
        const Run r = runCli(baseArgs(i2v::test::goldenInputImage(), model) +
                                 std::vector<std::string>{"--output", (dir / "out.mp4").string()},
                             rlim_t(4) << 30);
        expectOneLineFailure(r, {file.toStdString(), key.toStdString()});
        QVERIFY(entries(dir).empty());
        fs::remove_all(model);
#endif
    }

    // Settings are checked before the model loads: the model folder given here does not even exist.
    void impossibleSettingsFailBeforeLoading_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("needle");
        QTest::newRow("width 100") << QStringList{"--width", "100"} << "width must be a multiple of 8";
        QTest::newRow("height 0") << QStringList{"--height", "0"} << "height must be a multiple of 8";
        QTest::newRow("frames 0") << QStringList{"--frames", "0"} << "frames must be between 1 and 256, got 0";
        QTest::newRow("frames huge") << QStringList{"--frames", "100000"} << "frames must be between 1 and 256";
        QTest::newRow("steps 0") << QStringList{"--steps", "0"} << "steps must be between 1 and 1000, got 0";
        QTest::newRow("steps huge") << QStringList{"--steps", "5000"} << "steps must be between 1 and 1000";
        QTest::newRow("guidance < 0") << QStringList{"--guidance", "-1"} << "guidance scale must be between 0 and 100";
        QTest::newRow("eta > 1") << QStringList{"--eta", "1.5"} << "eta must be between 0 and 1, got 1.5";
        QTest::newRow("eta < 0") << QStringList{"--eta", "-0.5"} << "eta must be between 0 and 1";
        QTest::newRow("unknown scheduler") << QStringList{"--scheduler", "lms"} << "unknown scheduler 'lms'";
        QTest::newRow("fps 0") << QStringList{"--fps", "0"} << "fps conditioning must be between 1 and 240";
        QTest::newRow("unknown dtype") << QStringList{"--dtype", "int4"} << "unknown compute dtype 'int4'";
        QTest::newRow("unknown format") << QStringList{"--format", "avi"} << "avi";
    }

    void impossibleSettingsFailBeforeLoading() {
        QFETCH(QStringList, extra);
        QFETCH(QString, needle);
        const fs::path dir = fresh("settings");
        std::vector<std::string> args = baseArgs(i2v::test::goldenInputImage(), root() / "no-such-model");
        for (const auto& e : extra)
            args.push_back(e.toStdString());
        args.insert(args.end(), {"--output", (dir / "out.mp4").string()});
        const Run r = runCli(args);
        expectOneLineFailure(r, {needle.toStdString()});
        QVERIFY2(r.err.find("no-such-model") == std::string::npos, r.err.c_str());
        QVERIFY(entries(dir).empty());
    }

    void promptThatIsNotUtf8FailsBeforeLoading() {
        std::vector<std::string> args = baseArgs(i2v::test::goldenInputImage(), root() / "no-such-model");
        args[kPromptValue] = "fox \xff\xfe";  // --prompt's value
        expectOneLineFailure(runCli(args), {"the prompt is not valid UTF-8"});
    }

    void emptyAndOverlongPrompts() {
        const fs::path dir = fresh("prompts");
        std::vector<std::string> args = baseArgs(i2v::test::goldenInputImage());
        args[kPromptValue] = "";
        Run r = runCli(args + std::vector<std::string>{"--save-tensors", (dir / "empty.safetensors").string()});
        QVERIFY2(r.code == 0, r.err.c_str());
        std::string longPrompt;
        for (int i = 0; i < 20; ++i)
            longPrompt += "a red fox jumps ";
        args[kPromptValue] = longPrompt;
        r = runCli(args + std::vector<std::string>{"--save-tensors", (dir / "long.safetensors").string()});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.err.find("warning: the prompt needs 82 tokens; only the first 77 are used") != std::string::npos,
                 r.err.c_str());
    }

    void unwritableOutputLeavesNothing() {
        const fs::path ro = fresh("readonly");
        Mount guard{ro};
        if (::geteuid() == 0) {
            guard.mounted = ::mount("tmpfs", ro.c_str(), "tmpfs", MS_RDONLY, "size=64k") == 0;
            if (!guard.mounted)
                QSKIP("running as root without permission to mount a read-only tmpfs");
        } else {
            fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
        }
        // Refused before the model loads (the model folder given does not exist), not after generating.
        const fs::path noModel = root() / "no-such-model";
        for (const char* flag : {"--output", "--save-tensors"}) {
            const fs::path out = ro / (std::string("out") + (flag[2] == 'o' ? ".mp4" : ".safetensors"));
            const Run r = runCli(baseArgs(i2v::test::goldenInputImage(), noModel) + std::vector<std::string>{flag, out.string()});
            expectOneLineFailure(r, {out.string(), "is not writable", "choose another folder"});
            QVERIFY(entries(ro).empty());
        }
        // Folders that refuse files although access(W_OK) lets root in: a kernel file system of its own (/sys).
        if (::geteuid() == 0 && fs::is_directory("/sys")) {
            const fs::path out = fs::path("/sys") / "i2v-out.mp4";
            expectOneLineFailure(runCli(baseArgs(i2v::test::goldenInputImage(), noModel) +
                                        std::vector<std::string>{"--output", out.string()}),
                                 {out.string(), "is not writable", "choose another folder"});
        }
        const fs::path missing = root() / "no-such-folder" / "out.mp4";
        expectOneLineFailure(runCli(baseArgs(i2v::test::goldenInputImage(), noModel) +
                                    std::vector<std::string>{"--output", missing.string()}),
                             {"no-such-folder does not exist"});
        if (!guard.mounted)
            fs::permissions(ro, fs::perms::owner_all);
    }

    // A 64 KiB disk: the tensors (295 KB) and a noisy 256x256 clip do not fit; nothing is left behind.
    void fullDiskLeavesNothing() {
        const fs::path small = fresh("tmpfs");
        Mount guard{small};
        guard.mounted = ::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=64k") == 0;
        if (!guard.mounted)
            QSKIP("cannot mount a tmpfs here (not root or no CAP_SYS_ADMIN)");
        Run r = runCli(baseArgs(i2v::test::goldenInputImage()) +
                       std::vector<std::string>{"--frames", "4", "--save-tensors", (small / "t.safetensors").string()});
        expectOneLineFailure(r, {"No space left on device", (small / "t.safetensors").string()});
        QVERIFY(entries(small).empty());
        r = runCli(baseArgs(i2v::test::goldenInputImage()) +
                   std::vector<std::string>{"--width", "256", "--height", "256", "--frames", "8", "--quality", "100",
                                            "--format", "png", "--output", (small / "frames").string()});
        expectOneLineFailure(r, {"No space left on device", (small / "frames").string()});
        QVERIFY(entries(small).empty());
    }

    // Memory exhaustion for real: the CLI runs under an address-space limit that a small job fits in and a
    // 4096x4096, 256-frame job does not.
    void outOfMemoryIsAOneLineHint() {
#ifdef I2V_UNDER_ASAN
        QSKIP("address-space limits do not work under AddressSanitizer");
#else
        const fs::path dir = fresh("oom");
        const rlim_t limit = rlim_t(6) << 30;
        Run r = runCli(baseArgs(i2v::test::goldenInputImage()) +
                       std::vector<std::string>{"--save-tensors", (dir / "small.safetensors").string()}, limit);
        QVERIFY2(r.code == 0, ("a small job must fit the limit: " + r.err).c_str());
        r = runCli(baseArgs(i2v::test::goldenInputImage()) +
                       std::vector<std::string>{"--width", "4096", "--height", "4096", "--frames", "256", "--output",
                                                (dir / "big.mp4").string()},
                   limit);
        expectOneLineFailure(r, {"out of memory", "reduce the size or the number of frames", "memory mode"});
        QCOMPARE(entries(dir), std::vector<std::string>{"small.safetensors"});
#endif
    }

    // Paths are bytes on Linux: a non-UTF-8 image, model and output name work, and so does a 3000-byte path.
    void nonUtf8AndVeryLongPaths() {
        const fs::path dir = fresh("bytes-\xff\xfe-dossier-\xe9t\xe9");
        const fs::path image = dir / "renard-\xe9.png";
        fs::copy_file(i2v::test::goldenInputImage(), image);
        const fs::path model = dir / "mod\xe8le";
        fs::create_directory_symlink(fs::absolute(i2v::test::tinyModelDir()), model);
        const fs::path out = dir / "sortie-\xff.mp4";
        Run r = runCli(baseArgs(image, model) + std::vector<std::string>{"--output", out.string()});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY(fs::file_size(out) > 0);
        r = runCli({"info", out.string(), "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());

        // a missing non-UTF-8 file is named with its bytes
        expectOneLineFailure(runCli(baseArgs(dir / "absent-\xff.png")), {"absent-\xff.png", "does not exist"});

        fs::path deep = root();
        while (deep.string().size() < 3000)
            deep /= std::string(200, 'd');
        fs::create_directories(deep);
        fs::copy_file(i2v::test::goldenInputImage(), deep / "fox.png");
        r = runCli(baseArgs(deep / "fox.png") + std::vector<std::string>{"--output", (deep / "fox.mp4").string()});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY(fs::file_size(deep / "fox.mp4") > 0);
        // QTemporaryDir cannot delete names that are not UTF-8 (it goes through QString)
        fs::remove_all(dir);
    }
};

QTEST_APPLESS_MAIN(TestCliHostileInputs)
#include "tst_cli_hostile_inputs.moc"
