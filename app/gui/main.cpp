// `i2v-studio`: the desktop front end of the I2V Studio engine.
#include "ui/AppTranslations.h"
#include "ui/ApplicationService.h"
#include "ui/DropZone.h"
#include "ui/MainWindow.h"
#include "ui/TerminationSignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstring>
#include <memory>

namespace {

void nameApplication() {
    // No organisation: AppDataLocation is then ~/.local/share/I2V Studio, where the README puts the weights.
    QCoreApplication::setApplicationName(QStringLiteral("I2V Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(I2V_VERSION));
}

QCommandLineOption quitWhenReadyOption() {
    return QCommandLineOption(
        QStringLiteral("quit-when-ready"),
        QCoreApplication::translate("main", "Quit once the model (and the picture) have loaded: exit status 0, or 1 "
                                            "with the reason on stderr. For installation checks."));
}

void describeCommandLine(QCommandLineParser& parser) {
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Turns a picture and a prompt into a video with I2VGen-XL."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("picture"),
        QCoreApplication::translate("main", "Picture to start from (PNG, JPEG, WebP, GIF, BMP, TIFF)."),
        QStringLiteral("[picture]"));
    parser.addOption(quitWhenReadyOption());
}

bool asksOnlyForText(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        for (const char* option : {"-h", "--help", "--help-all", "-?", "-v", "--version"})
            if (std::strcmp(argv[i], option) == 0)
                return true;
    return false;
}

// Qt aborts the process (SIGABRT, "Reinstalling the application may fix this problem") when no window system
// can be reached; a desktop app started over ssh or from a text console would look as if it crashed. Only the
// unmistakable case is caught: no platform chosen and neither an X11 nor a Wayland display named.
bool windowSystemNamed(int argc, char** argv) {
#ifdef __linux__
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0)
            return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    (void)argc;
    (void)argv;
    return true;
#endif
}

// --quit-when-ready: the window has loaded its model (and the picture given on the command line), or failed.
// Lets an install check start the real app and prove it found its demo model, without a person to close it.
void quitWhenReady(const i2v::ui::MainWindow& window, bool expectImage) {
    auto* poll = new QTimer(QCoreApplication::instance());
    auto* waited = new QElapsedTimer;
    waited->start();
    QObject::connect(poll, &QTimer::timeout, [&window, expectImage, waited] {
        const QString error = window.errorText();
        const bool timedOut = waited->elapsed() > 120'000;
        if ((!window.isModelReady() || window.dropZone()->isReading()) && error.isEmpty() && !timedOut)
            return;
        const bool ok = window.isModelReady() && error.isEmpty() && (!expectImage || window.dropZone()->hasImage());
        if (ok)
            QTextStream(stdout) << "ready: model " << window.modelFolder() << "\n";
        else
            QTextStream(stderr) << "i2v-studio: not ready: "
                                << (!error.isEmpty() ? error : timedOut ? QStringLiteral("model or picture still loading after 120 s")
                                                                        : QStringLiteral("the picture did not load"))
                                << "\n";
        delete waited;
        QCoreApplication::exit(ok ? 0 : 1);
    });
    poll->start(50);
}

} // namespace

int main(int argc, char** argv) {
    if (asksOnlyForText(argc, argv)) {
        // --help and --version print and exit: they need no window system.
        QCoreApplication app(argc, argv);
        nameApplication();
        const i2v::ui::AppTranslations translations;
        QCommandLineParser parser;
        describeCommandLine(parser);
        parser.process(app);
        return 0;
    }
    if (!windowSystemNamed(argc, argv)) {
        QTextStream(stderr) << "i2v-studio: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
                               "is set). Start it from a desktop session, or use the command-line tool `i2v` "
                               "(i2v generate --help).\n";
        return 1;
    }
    QApplication app(argc, argv);
    // From here a logout, a shutdown or Ctrl-C in the terminal waits for the event loop, which closes the window as
    // its close button does (the running job keeps its progress for the next start), instead of ending the process
    // where it stands.
    const i2v::ui::TerminationSignals termination;
    nameApplication();
    // The installed .desktop file's name (packaging/linux): Wayland and the task bar match windows to it.
    QApplication::setDesktopFileName(QStringLiteral(I2V_APP_ID));
    // The app's strings and Qt's own (standard dialogs), by system locale.
    const i2v::ui::AppTranslations translations;

    QCommandLineParser parser;
    describeCommandLine(parser);
    parser.process(app);

    const QStringList pictures = parser.positionalArguments();
    const QString picture = pictures.isEmpty() ? QString() : pictures.first();
    const bool checkOnly = parser.isSet(quitWhenReadyOption());  // an install check runs its own window

    // One window a session: a second start hands its picture to the first, before any model is loaded.
    std::unique_ptr<i2v::ui::ApplicationService> service;
    if (!checkOnly) {
        service =
            std::make_unique<i2v::ui::ApplicationService>(QDBusConnection::sessionBus(), QStringLiteral(I2V_APP_ID));
        if (service->anotherIsRunning()) {
            QString error;
            if (service->forward(picture, &error)) {
                QTextStream(stdout) << "I2V Studio is already running: "
                                    << (picture.isEmpty() ? "its window was brought to the front\n"
                                                          : "the picture was opened in its window\n");
                return 0;
            }
            QTextStream(stderr) << "i2v-studio: the I2V Studio already running did not answer (" << error
                                << "); opening another window\n";
        }
    }

    QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("I2V Studio"),
                       QStringLiteral("i2v-studio"));
    i2v::ui::MainWindow window(&settings);  // at the size it was left in (MainWindow::loadSettings)
    window.show();
    if (!picture.isEmpty())
        window.dropZone()->loadFile(picture);  // "Open with I2V Studio"; failures show in the window
    if (service)
        i2v::ui::serveWindow(*service, window);
    if (checkOnly)
        quitWhenReady(window, !picture.isEmpty());
    QObject::connect(&termination, &i2v::ui::TerminationSignals::received, &app, [] {
        QApplication::closeAllWindows();  // open dialogs too: a modal one would keep the app running
        QApplication::quit();
    });
    return app.exec();
}
