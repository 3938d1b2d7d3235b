// `i2v-studio`: the desktop front end of the I2V Studio engine.
#include "ui/AppTranslations.h"
#include "ui/DropZone.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QScreen>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace {

// --quit-when-ready: the window has loaded its model (and the picture given on the command line), or failed.
// Lets an install check start the real app and prove it found its demo model, without a person to close it.
void quitWhenReady(const i2v::ui::MainWindow& window, bool expectImage) {
    auto* poll = new QTimer(QCoreApplication::instance());
    auto* waited = new QElapsedTimer;
    waited->start();
    QObject::connect(poll, &QTimer::timeout, [&window, expectImage, waited] {
        const QString error = window.errorText();
        const bool timedOut = waited->elapsed() > 120'000;
        if (!window.isModelReady() && error.isEmpty() && !timedOut)
            return;
        const bool ok = window.isModelReady() && error.isEmpty() && (!expectImage || window.dropZone()->hasImage());
        if (ok)
            QTextStream(stdout) << "ready: model " << window.modelFolder() << "\n";
        else
            QTextStream(stderr) << "i2v-studio: not ready: "
                                << (!error.isEmpty() ? error : timedOut ? QStringLiteral("model still loading after 120 s")
                                                                        : QStringLiteral("the picture did not load"))
                                << "\n";
        delete waited;
        QCoreApplication::exit(ok ? 0 : 1);
    });
    poll->start(50);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // No organisation: AppDataLocation is then ~/.local/share/I2V Studio, where the README puts the weights.
    QApplication::setApplicationName(QStringLiteral("I2V Studio"));
    QApplication::setApplicationVersion(QStringLiteral(I2V_VERSION));
    // The installed .desktop file's name (packaging/linux): Wayland and the task bar match windows to it.
    QApplication::setDesktopFileName(QStringLiteral(I2V_APP_ID));
    // The app's strings and Qt's own (standard dialogs), by system locale.
    const i2v::ui::AppTranslations translations;

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Turns a picture and a prompt into a video with I2VGen-XL."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("picture"),
                                 QApplication::translate("main", "Picture to start from (PNG, JPEG, WebP, GIF, BMP, TIFF)."),
                                 QStringLiteral("[picture]"));
    const QCommandLineOption quitWhenReadyOption(
        QStringLiteral("quit-when-ready"),
        QApplication::translate("main", "Quit once the model (and the picture) have loaded: exit status 0, or 1 with "
                                        "the reason on stderr. For installation checks."));
    parser.addOption(quitWhenReadyOption);
    parser.process(app);

    QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("I2V Studio"),
                       QStringLiteral("i2v-studio"));
    i2v::ui::MainWindow window(&settings);
    // 1400x900 where the screen has room, else what it has (a 1280x720 laptop).
    window.resize(QSize(1400, 900).boundedTo(window.screen()->availableGeometry().size()));
    window.show();
    const QStringList pictures = parser.positionalArguments();
    if (!pictures.isEmpty())
        window.dropZone()->loadFile(pictures.first());  // "Open with I2V Studio"; failures show in the window
    if (parser.isSet(quitWhenReadyOption))
        quitWhenReady(window, !pictures.isEmpty());
    return app.exec();
}
