// `i2v generate` from the outside, as scripts use it: the golden main case through the CLI gives
// diffusers' frames, every video container is written, errors are one line with exit 1, an existing
// file is kept without --overwrite, Ctrl-C exits 130 without leaving a file (and keeps the job's progress for the
// same command with --progress-file), --crop-position moves the crop window, without --model the installed model
// is used, and progress goes on through the decode.
#include "io/SafetensorsFile.h"
#include "support/ProcessRun.h"
#include "support/TensorCompare.h"
#include "support/TestData.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <csignal>

using i2v::test::goldenTensor;

namespace {

QStringList mainCaseArgs() {
    const auto& call = i2v::test::goldenManifest()["cases"]["ddim_h64w96_f4"]["call"];
    return {"generate",
            "--model", QString::fromStdString(i2v::test::tinyModelDir().string()),
            "--image", QString::fromStdString(i2v::test::goldenInputImage().string()),
            "--prompt", QString::fromStdString(call["prompt"].get<std::string>()),
            "--negative-prompt", QString::fromStdString(call["negative_prompt"].get<std::string>()),
            "--width", "96", "--height", "64", "--frames", "4", "--steps", "4",
            "--guidance", "9", "--fps", "16", "--seed", "0", "--vae-seed", "42"};
}

using i2v::test::ProcessRun;

// A whole job on the demo model may take minutes on a loaded CI machine.
ProcessRun runCli(const QStringList& args) {
    return i2v::test::runCli(args, QProcessEnvironment::systemEnvironment(), 300000);
}

} // namespace

class TestCliGenerate : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }

private slots:
    void mainCaseMatchesDiffusersThroughTheCli() {
        const QString tensors = path("main.safetensors");
        const ProcessRun r = runCli(mainCaseArgs() << "--save-tensors" << tensors << "--quiet");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const i2v::SafetensorsFile f(tensors.toStdString());
        // fp32 CPU end to end: the issue's 1e-4 bound.
        I2V_COMPARE_TENSORS(f.tensor("frames"), goldenTensor("ddim_h64w96_f4/frames_np")[0], 1e-4, "frames");
        I2V_COMPARE_TENSORS(f.tensor("latents"), goldenTensor("ddim_h64w96_f4/step3/latents"), 1e-4, "latents");
    }

    // --crop-position: 0.5,0.5 is diffusers' crop exactly; a moved window gives another video and is written
    // into its parameters; a position outside [0, 1] is one line and exit 1.
    void cropPositionMovesTheWindow() {
        const QString centred = path("centred.safetensors"), moved = path("moved.safetensors"), video = path("moved.mp4");
        ProcessRun r = runCli(mainCaseArgs() << "--crop-position" << "0.5,0.5" << "--save-tensors" << centred << "--quiet");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        I2V_COMPARE_TENSORS(i2v::SafetensorsFile(centred.toStdString()).tensor("frames"),
                            goldenTensor("ddim_h64w96_f4/frames_np")[0], 1e-4, "centred frames");
        // The 160x112 picture leaves the 96x64 window 3 rows of room: the top edge is another crop.
        r = runCli(mainCaseArgs() << "--crop-position" << "0.5,0" << "--save-tensors" << moved << "--output" << video << "--quiet");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const at::Tensor movedFrames = i2v::SafetensorsFile(moved.toStdString()).tensor("frames");
        QVERIFY(!at::allclose(movedFrames, goldenTensor("ddim_h64w96_f4/frames_np")[0], 1e-4, 1e-4));
        r = runCli({"info", video});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("crop_position: 0.5,0"), r.out.constData());

        r = runCli(mainCaseArgs() << "--crop-position" << "1.5,0" << "--output" << path("bad.mp4"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("crop position must be between 0 and 1"), r.err.constData());
        QVERIFY(!QFile::exists(path("bad.mp4")));
    }

    void writesEveryVideoContainer() {
        for (const char* ext : {"mp4", "webm", "gif", "mov"}) {
            const QString out = path(QString("clip.") + ext);
            const ProcessRun r = runCli(mainCaseArgs() << "--steps" << "2" << "--output" << out << "--quiet");
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY2(QFileInfo(out).size() > 0, ext);
        }
    }

    void badInputsGiveOneLineAndExitOne() {
        QFile text(path("notes.png"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not an image");
        text.close();
        QStringList args = mainCaseArgs();
        args[args.indexOf("--image") + 1] = path("notes.png");
        ProcessRun r = runCli(args << "--output" << path("x.mp4"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("notes.png"), r.err.constData());
        QVERIFY(!QFile::exists(path("x.mp4")));

        r = runCli(mainCaseArgs() << "--width" << "100" << "--output" << path("y.mp4"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("width"), r.err.constData());

        QStringList missing = mainCaseArgs();
        missing[missing.indexOf("--model") + 1] = path("no-model");
        r = runCli(missing << "--output" << path("z.mp4"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no-model"), r.err.constData());
        QCOMPARE(r.err.trimmed().count('\n'), 1);  // "loading ..." then the one-line reason
    }

    // Without --model the CLI takes the installed I2VGen-XL as the desktop app does (the app's models
    // folder here; tst_cli_download covers the cache), and says how to get one when there is none.
    void withoutModelTakesTheInstalledOne() {
        QTemporaryDir home;
        const QProcessEnvironment env = i2v::test::hubTestEnvironment(home.filePath("cache"), home.path());
        const QStringList job = {"generate", "--image", QString::fromStdString(i2v::test::goldenInputImage().string()),
                                 "--prompt", "a fox", "--width", "64", "--height", "64", "--frames", "2", "--steps",
                                 "2", "--seed", "1", "-q", "--output", home.filePath("fox.mp4")};
        const ProcessRun none = i2v::test::runCli(job, env, 300000);
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("no --model given") && none.err.contains("`i2v download`") &&
                     none.err.contains("I2V Studio/models/i2vgen-xl"), none.err.constData());
        QVERIFY(!QFile::exists(home.filePath("fox.mp4")));

        // A folder there that is not a whole model is named with what it lacks.
        const QString models = home.filePath("xdg-data/I2V Studio/models");
        QVERIFY(QDir().mkpath(models + "/i2vgen-xl"));
        QVERIFY(QFile::copy(QString::fromStdString((i2v::test::tinyModelDir() / "model_index.json").string()),
                            models + "/i2vgen-xl/model_index.json"));
        const ProcessRun partial = i2v::test::runCli(job, env, 300000);
        QCOMPARE(partial.exitCode, 1);
        QVERIFY2(partial.err.contains("i2vgen-xl is incomplete (") && partial.err.contains("is missing"),
                 partial.err.constData());
        QVERIFY(QDir(models + "/i2vgen-xl").removeRecursively());
        // So is a download of ali-vilab/i2vgen-xl that stopped half way (the cache's layout, one file of it).
        const QString repo = home.filePath("cache/models--ali-vilab--i2vgen-xl");
        const QString commit = "0123456789abcdef0123456789abcdef01234567";
        QVERIFY(QDir().mkpath(repo + "/refs") && QDir().mkpath(repo + "/snapshots/" + commit));
        QFile ref(repo + "/refs/main");
        QVERIFY(ref.open(QIODevice::WriteOnly));
        ref.write(commit.toLatin1());
        ref.close();
        QVERIFY(QFile::copy(QString::fromStdString((i2v::test::tinyModelDir() / "model_index.json").string()),
                            repo + "/snapshots/" + commit + "/model_index.json"));
        const ProcessRun halfway = i2v::test::runCli(job, env, 300000);
        QCOMPARE(halfway.exitCode, 1);
        QVERIFY2(halfway.err.contains("only partly in the model cache") && halfway.err.contains("`i2v download`"),
                 halfway.err.constData());
        QVERIFY(QDir(repo).removeRecursively());
        QVERIFY(QFile::link(QString::fromStdString(i2v::test::tinyModelDir().string()), models + "/i2vgen-xl"));
        const ProcessRun installed = i2v::test::runCli(job, env, 300000);
        QVERIFY2(installed.exitCode == 0, installed.err.constData());
        const ProcessRun info = i2v::test::runCli({"info", home.filePath("fox.mp4")}, env);
        QVERIFY2(info.exitCode == 0, info.err.constData());
        QVERIFY2(info.out.contains("model: i2vgen-xl\n"), info.out.constData());
    }

    // Progress through the steps and the decode (a full-size frame takes a minute on a CPU), with a rate and
    // the time left: plain lines into a pipe, a redrawn bar on a terminal (`script` gives the job one).
    void progressGoesOnThroughTheDecode() {
        const QStringList job = mainCaseArgs() << "--output" << path("progress.mp4") << "--overwrite";
        const ProcessRun plain = runCli(job);
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        const QRegularExpression step(R"(\nstep 4/4 \([0-9.]+ (it/s|s/it), ETA [0-9:]+\)\n)");
        const QRegularExpression frame(R"(\ndecoded 4/4 frames \([0-9.]+ (frame/s|s/frame), ETA [0-9:]+\)\n)");
        QVERIFY2(step.match(QString::fromUtf8(plain.err)).hasMatch(), plain.err.constData());
        QVERIFY2(frame.match(QString::fromUtf8(plain.err)).hasMatch(), plain.err.constData());

        if (QStandardPaths::findExecutable("script").isEmpty())
            QSKIP("no `script` (util-linux) to give the CLI a terminal");
        QStringList quoted{QString::fromStdString(i2v::test::cliPath().string())};
        for (const QString& a : job)
            quoted << a;
        for (QString& a : quoted)
            a = "'" + a.replace("'", R"('\'')") + "'";
        QProcess p;
        p.start("script", {"-qec", quoted.join(' '), "/dev/null"});
        const ProcessRun tty = i2v::test::finishProcess(p, 300000);
        if (tty.exitCode != 0 && (tty.out + tty.err).contains("pseudo-terminal"))
            QSKIP("this machine gives no pseudo-terminal (no /dev/pts)");
        QVERIFY2(tty.exitCode == 0, tty.out.constData());
        QVERIFY2(tty.out.contains("\r[##############################] 4/4 "), tty.out.constData());
        QVERIFY2(tty.out.contains("\r[##############################] 4/4 frames "), tty.out.constData());
        QVERIFY2(!tty.out.contains("decoded 1/4"), tty.out.constData());
    }

    void keepsAnExistingFileWithoutOverwrite() {
        const QString out = path("keep.mp4");
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
        f.close();
        ProcessRun r = runCli(mainCaseArgs() << "--output" << out << "--quiet");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--overwrite"), r.err.constData());
        QCOMPARE(QFileInfo(out).size(), qint64(8));
        r = runCli(mainCaseArgs() << "--steps" << "1" << "--output" << out << "--overwrite" << "--quiet");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFileInfo(out).size() > 8);
    }

    void interruptExits130AndLeavesNoFile() {
        const QString out = path("interrupted.mp4");
        QProcess p;
        p.start(QString::fromStdString(i2v::test::cliPath().string()),
                mainCaseArgs() << "--steps" << "200" << "--output" << out);
        QVERIFY(p.waitForStarted());
        // Wait until denoising runs, then send Ctrl-C.
        QString err;
        for (int i = 0; i < 600 && !err.contains("step 1/"); ++i) {
            p.waitForReadyRead(500);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains("step 1/"), qPrintable(err));
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(dir_.path()).entryList({".interrupted*"}, QDir::Hidden | QDir::Files).size(), 0);
    }

    // --progress-file: Ctrl-C keeps the job's progress, the same command (without --seed: the saved one) goes on
    // from it to the video a job that never stopped gives, and the file is removed once the video is written; the
    // file of another job is one line and exit 1.
    void anInterruptedJobGoesOnFromItsProgressFile() {
        QStringList job = mainCaseArgs();
        const int seedAt = int(job.indexOf("--seed"));
        job.remove(seedAt, 2);
        job << "--steps" << "60" << "--scheduler" << "unipc";
        const QString reference = path("whole.safetensors"), resumed = path("resumed.safetensors");
        const QString progress = path("job-progress.safetensors");
        ProcessRun r = runCli(QStringList(job) << "--seed" << "3" << "--save-tensors" << reference << "--quiet");
        QVERIFY2(r.exitCode == 0, r.err.constData());

        QProcess p;
        p.start(QString::fromStdString(i2v::test::cliPath().string()),
                QStringList(job) << "--seed" << "3" << "--progress-file" << progress << "--save-tensors" << resumed);
        QVERIFY(p.waitForStarted());
        QString err;
        for (int i = 0; i < 600 && !err.contains("step 3/"); ++i) {
            p.waitForReadyRead(500);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains("step 3/"), qPrintable(err));
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 130);
        err += QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains("the job's progress is kept in " + progress + ": the same command goes on from it"),
                 qPrintable(err));
        QVERIFY(QFile::exists(progress));
        QVERIFY(!QFile::exists(resumed));

        r = runCli(QStringList(job) << "--seed" << "4" << "--progress-file" << progress << "--save-tensors" << resumed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("belongs to another job: the seed is 3 in the saved progress and 4 in this job"),
                 r.err.constData());
        QVERIFY(QFile::exists(progress));

        r = runCli(QStringList(job) << "--progress-file" << progress << "--save-tensors" << resumed);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("seed 3,") && r.err.contains("going on from the saved progress: "), r.err.constData());
        QVERIFY(!QFile::exists(progress));
        const i2v::SafetensorsFile whole(reference.toStdString()), again(resumed.toStdString());
        I2V_COMPARE_TENSORS_EXACT(again.tensor("latents"), whole.tensor("latents"), "latents");
        I2V_COMPARE_TENSORS_EXACT(again.tensor("frames"), whole.tensor("frames"), "frames");
    }
};

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cli_generate.moc"
