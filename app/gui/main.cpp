// `i2v-studio`: the desktop front end of the I2V Studio engine.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // No organisation: AppDataLocation is then ~/.local/share/I2V Studio, where the README puts the weights.
    QApplication::setApplicationName(QStringLiteral("I2V Studio"));
    QApplication::setApplicationVersion(QStringLiteral(I2V_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("i2v-studio"));
    // The app's strings (embedded from translations/) and Qt's own (standard dialogs), by system locale.
    QTranslator qtStrings, appStrings;
    if (qtStrings.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtStrings);
    if (appStrings.load(QLocale(), QStringLiteral("i2v-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appStrings);
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("I2V Studio"),
                       QStringLiteral("i2v-studio"));
    i2v::ui::MainWindow window(&settings);
    window.resize(1400, 900);
    window.show();
    return app.exec();
}
